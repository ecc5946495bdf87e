/**
 * Turns a Distribution (data) and a stream into a function that draws from it. The spec is
 * checked once here; each draw is then a few arithmetic operations on the stream's uniforms.
 *
 * Uniforms have 32 bits of resolution, which bounds the tails: an exponential draw is at most
 * about 22 means from zero; a normal draw's tail comes from two uniforms (ziggurat.ts).
 */
import { parseDistribution, type Distribution } from './distribution.ts';
import type { RandomStream } from './streams.ts';
import { aliasSampler, aliasTable } from './alias-table.ts';
import { fillNormal, zigguratNormal } from './ziggurat.ts';
import { zipfSampler } from './zipf.ts';

/** A sampler for `spec`, which is checked first (errors name fields under `at`). */
export function sampler(spec: Distribution, stream: RandomStream, at = 'distribution'): () => number {
  const dist = parseDistribution(spec, at);
  const next = stream.next;
  if ('constant' in dist) {
    const value = dist.constant;
    return () => value;
  }
  if ('uniform' in dist) {
    const { min, max } = dist.uniform;
    const span = max - min;
    return () => min + span * next();
  }
  if ('exponential' in dist) {
    const mean = dist.exponential.mean;
    // Inversion: 1 - u is in (0, 1], so the logarithm is finite.
    return () => -mean * Math.log(1 - next());
  }
  if ('normal' in dist) {
    const { mean, sd } = dist.normal;
    const standard = standardNormalSampler(stream);
    return () => mean + sd * standard();
  }
  if ('lognormal' in dist) {
    const { mu, sigma } = dist.lognormal;
    const standard = standardNormalSampler(stream);
    return () => Math.exp(mu + sigma * standard());
  }
  if ('zipf' in dist) return zipfSampler(dist.zipf.n, dist.zipf.s, stream);
  if ('empirical' in dist) {
    const { values, weights } = dist.empirical;
    const index = aliasSampler(aliasTable(weights), stream);
    return () => values[index()]!;
  }
  const values = dist.choice;
  const n = values.length;
  return () => values[Math.floor(next() * n)]!;
}

/** Fills an array with draws, in the order single draws would come. */
export type BatchSampler = (out: Float64Array) => void;

/**
 * A batch sampler for `spec`: `fill(out)` writes `out.length` draws, the same sequence the
 * single-draw `sampler` gives on the same stream. The common forms (exponential, normal,
 * lognormal) fill in a loop of their own, so that a caller that takes one draw at a time from a
 * buffer pays neither a call nor a boxed number per draw.
 */
export function batchSampler(spec: Distribution, stream: RandomStream, at = 'distribution'): BatchSampler {
  const dist = parseDistribution(spec, at);
  const next = stream.next;
  if ('exponential' in dist) {
    const mean = dist.exponential.mean;
    return (out) => {
      for (let i = 0; i < out.length; i++) out[i] = -mean * Math.log(1 - next());
    };
  }
  if ('normal' in dist) {
    const { mean, sd } = dist.normal;
    return (out) => fillNormal(out, next, mean, sd, false);
  }
  if ('lognormal' in dist) {
    const { mu, sigma } = dist.lognormal;
    return (out) => fillNormal(out, next, mu, sigma, true);
  }
  const single = sampler(spec, stream, at);
  return (out) => {
    for (let i = 0; i < out.length; i++) out[i] = single();
  };
}

/** Standard normal draws by the ziggurat method (ziggurat.ts). */
export function standardNormalSampler(stream: RandomStream): () => number {
  const next = stream.next;
  return () => zigguratNormal(next);
}
