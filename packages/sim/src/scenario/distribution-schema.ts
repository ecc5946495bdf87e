/**
 * How a scenario writes a quantity that varies (a delay, a latency, a TTL floor): a plain duration
 * for a constant, or an object with exactly one kind, e.g. `{ exponential: { mean: 150 } }`.
 * Everything measured in seconds accepts durations (`30ms`, `5m`, `24h`). The result is the
 * checked form the samplers in ../random take, in seconds, with a lognormal reduced to (mu, sigma).
 */
import { z } from 'zod';
import { lognormalFromMedianP95, type CheckedDistribution } from '../random/distribution.ts';
import { DURATION_EXPECTED, formatDuration } from './duration.ts';
import { duration, strictObject } from './fields.ts';

const KINDS = ['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'zipf', 'empirical', 'choice'] as const;

const EXPECTED = `${DURATION_EXPECTED}, or an object with one of ${KINDS.join(', ')}`;

const lognormalByQuantiles = strictObject({
  median: duration('The median (50th percentile).'),
  p95: duration('The 95th percentile; at least the median.'),
}).describe('A lognormal given by its median and 95th percentile.');

const lognormalByParameters = strictObject({
  mu: z.number().describe('Mean of the logarithm of the value in seconds.'),
  sigma: z.number().min(0).describe('Standard deviation of the logarithm (≥ 0).'),
}).describe('A lognormal given by the mean and standard deviation of its logarithm.');

const kinds = strictObject({
  constant: duration('Always this value.').optional(),
  uniform: strictObject({
    min: duration('Lower end.'),
    max: duration('Upper end (≥ min).'),
  })
    .describe('Uniform between min and max.')
    .optional(),
  exponential: strictObject({ mean: duration('The mean.') })
    .describe('Exponential with this mean, as for the delay before a memoryless event.')
    .optional(),
  normal: strictObject({ mean: duration('The mean.'), sd: duration('The standard deviation.') })
    .describe('Normal; a draw below zero is a modelling mistake the sampler reports.')
    .optional(),
  lognormal: z
    .union([lognormalByQuantiles, lognormalByParameters], { error: 'expected { median, p95 } or { mu, sigma }' })
    .describe('Lognormal: { median, p95 } (durations) or { mu, sigma } (of the log of seconds).')
    .optional(),
  zipf: strictObject({
    n: z.int().min(1).describe('Number of ranks.'),
    s: z.number().min(0).describe('Exponent: P(k) ∝ 1/k^s.'),
  })
    .describe('Zipf ranks 1..n.')
    .optional(),
  empirical: strictObject({
    values: z.array(duration('A value.')).min(1).describe('The values.'),
    weights: z.array(z.number().min(0)).min(1).describe('One weight per value, ≥ 0, not all zero.'),
  })
    .describe('One of the values, with probability proportional to its weight.')
    .optional(),
  choice: z.array(duration('A value.')).min(1).describe('One of these values, each equally likely.').optional(),
})
  .meta({ id: 'distributionKinds', minProperties: 1, maxProperties: 1 })
  .superRefine((spec, ctx) => {
    const given = KINDS.filter((kind) => spec[kind] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: given.length === 0 ? `expected one of ${KINDS.join(', ')}` : `expected exactly one kind, got ${given.join(' and ')}` });
    }
    const { uniform, lognormal, empirical } = spec;
    if (uniform !== undefined && uniform.max < uniform.min) {
      ctx.addIssue({ code: 'custom', path: ['uniform', 'max'], message: `expected a duration ≥ min (${formatDuration(uniform.min)})` });
    }
    if (lognormal !== undefined && 'median' in lognormal) {
      if (!(lognormal.median > 0)) ctx.addIssue({ code: 'custom', path: ['lognormal', 'median'], message: 'expected a duration > 0' });
      else if (lognormal.p95 < lognormal.median) ctx.addIssue({ code: 'custom', path: ['lognormal', 'p95'], message: `expected a duration ≥ median (${formatDuration(lognormal.median)})` });
    }
    if (empirical !== undefined) {
      if (empirical.weights.length !== empirical.values.length) {
        ctx.addIssue({ code: 'custom', path: ['empirical', 'weights'], message: `expected ${empirical.values.length} weights, one per value` });
      } else if (!empirical.weights.some((weight) => weight > 0)) {
        ctx.addIssue({ code: 'custom', path: ['empirical', 'weights'], message: 'expected at least one weight > 0' });
      }
    }
  });

/** A distribution of a quantity in seconds (a delay, a latency, a TTL). */
export function distribution(description: string) {
  return z
    .union([duration('A constant.'), kinds], { error: `expected ${EXPECTED}` })
    .transform((spec): CheckedDistribution => (typeof spec === 'number' ? { constant: spec } : checked(spec)))
    .describe(description);
}

function checked(spec: z.output<typeof kinds>): CheckedDistribution {
  if (spec.constant !== undefined) return { constant: spec.constant };
  if (spec.uniform !== undefined) return { uniform: spec.uniform };
  if (spec.exponential !== undefined) return { exponential: spec.exponential };
  if (spec.normal !== undefined) return { normal: spec.normal };
  if (spec.lognormal !== undefined) {
    const form = spec.lognormal;
    return { lognormal: 'median' in form ? lognormalFromMedianP95(form.median, form.p95) : form };
  }
  if (spec.zipf !== undefined) return { zipf: spec.zipf };
  if (spec.empirical !== undefined) return { empirical: spec.empirical };
  if (spec.choice !== undefined) return { choice: spec.choice };
  // The refinement above has already rejected an object with no kind.
  throw new Error('unreachable: distribution with no kind');
}
