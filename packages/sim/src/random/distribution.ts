/**
 * Distributions as data: what a scenario writes (in YAML or JSON) to say how a delay, a rate or a
 * size varies, e.g. `{ exponential: { mean: 150 } }`. `parseDistribution` checks a value read
 * from a file and says which field is wrong; `sampler` (sampler.ts) turns a checked one into a
 * function that draws from it.
 */
import { InputError } from '@cutover/resolver';

export type Distribution =
  /** A bare number is shorthand for `{ constant: n }`. */
  | number
  | { constant: number }
  /** Uniform on [min, max). */
  | { uniform: { min: number; max: number } }
  | { exponential: { mean: number } }
  /** Unbounded below, so it can draw negative values; a delay is better modelled as a lognormal. */
  | { normal: { mean: number; sd: number } }
  | { lognormal: LognormalSpec }
  /** Integer ranks 1..n with P(k) proportional to 1/k^s. */
  | { zipf: { n: number; s: number } }
  /** One of `values`, each with probability proportional to its weight. */
  | { empirical: { values: number[]; weights: number[] } }
  /** One of the values, each equally likely. */
  | { choice: number[] };

/**
 * A lognormal given by the mean and standard deviation of its logarithm (mu, sigma), by its
 * median and 95th percentile, or by its own mean and standard deviation.
 */
export type LognormalSpec = { mu: number; sigma: number } | { median: number; p95: number } | { mean: number; sd: number };

/**
 * A Distribution after checking: the shorthand number is written out as a constant and every
 * lognormal form is reduced to (mu, sigma).
 */
export type CheckedDistribution =
  | Exclude<Distribution, number | { lognormal: LognormalSpec }>
  | { lognormal: { mu: number; sigma: number } };

/** A distribution spec that is not one of the forms above, naming the field at fault. */
export class DistributionError extends InputError {
  constructor(
    /** Where the bad value is, as a path such as `resolvers.delay.exponential.mean`. */
    readonly field: string,
    readonly expected: string,
    /** What was there instead, already described for a reader (`-3`, `"fast"`, `nothing`). */
    readonly found: string,
  ) {
    super(`${field}: expected ${expected}, got ${found}`);
    this.name = 'DistributionError';
  }
}

/** The standard normal quantile at 0.95, Φ⁻¹(0.95). */
const Z_95 = 1.6448536269514722;

/** (mu, sigma) of the lognormal whose median and 95th percentile are given. */
export function lognormalFromMedianP95(median: number, p95: number): { mu: number; sigma: number } {
  return checkLognormal({ median, p95 }, 'lognormal');
}

/** (mu, sigma) of the lognormal with the given mean and standard deviation. */
export function lognormalFromMeanSd(mean: number, sd: number): { mu: number; sigma: number } {
  return checkLognormal({ mean, sd }, 'lognormal');
}

/**
 * Checks that `spec` is a Distribution and returns it in checked form. Every error names the
 * field (under `at`, the spec's own path in the document) and what was expected there.
 */
export function parseDistribution(spec: unknown, at = 'distribution'): CheckedDistribution {
  if (typeof spec === 'number') return { constant: finite(spec, at) };
  const [kind, body] = singleKey(spec, at, KINDS);
  const field = `${at}.${kind}`;
  switch (kind) {
    case 'constant':
      return { constant: finite(body, field) };
    case 'uniform': {
      const { min, max } = fields(body, field, ['min', 'max']);
      const low = finite(min, `${field}.min`);
      const high = finite(max, `${field}.max`);
      if (high < low) throw new DistributionError(`${field}.max`, `a number ≥ min (${low})`, show(high));
      return { uniform: { min: low, max: high } };
    }
    case 'exponential': {
      const { mean } = fields(body, field, ['mean']);
      return { exponential: { mean: positive(mean, `${field}.mean`) } };
    }
    case 'normal': {
      const { mean, sd } = fields(body, field, ['mean', 'sd']);
      return { normal: { mean: finite(mean, `${field}.mean`), sd: nonNegative(sd, `${field}.sd`) } };
    }
    case 'lognormal':
      return { lognormal: parseLognormal(body, field) };
    case 'zipf': {
      const { n, s } = fields(body, field, ['n', 's']);
      const count = finite(n, `${field}.n`);
      if (!Number.isInteger(count) || count < 1) throw new DistributionError(`${field}.n`, 'an integer ≥ 1', show(n));
      return { zipf: { n: count, s: nonNegative(s, `${field}.s`) } };
    }
    case 'empirical': {
      const { values, weights } = fields(body, field, ['values', 'weights']);
      const checkedValues = numbers(values, `${field}.values`);
      const checkedWeights = checkWeights(weights, `${field}.weights`, checkedValues.length);
      return { empirical: { values: checkedValues, weights: checkedWeights } };
    }
    case 'choice':
      return { choice: numbers(body, field) };
  }
}

/**
 * Checks a list of weights: non-negative finite numbers, `length` of them (when given), not all
 * zero. Shared with weighted choices of non-numeric things (profile mixes).
 */
export function checkWeights(weights: unknown, field: string, length?: number): number[] {
  const checked = numbers(weights, field);
  if (length !== undefined && checked.length !== length) {
    throw new DistributionError(field, `${length} weights, one per value`, `${checked.length} weights`);
  }
  checked.forEach((weight, i) => nonNegative(weight, `${field}[${i}]`));
  if (!checked.some((weight) => weight > 0)) throw new DistributionError(field, 'at least one weight > 0', 'all zero');
  return checked;
}

const KINDS = ['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'zipf', 'empirical', 'choice'] as const;

function parseLognormal(body: unknown, field: string): { mu: number; sigma: number } {
  const keys = isRecord(body) ? Object.keys(body) : [];
  if (keys.includes('median') || keys.includes('p95')) return checkLognormal(fields(body, field, ['median', 'p95']), field);
  if (keys.includes('mean') || keys.includes('sd')) return checkLognormal(fields(body, field, ['mean', 'sd']), field);
  return checkLognormal(fields(body, field, ['mu', 'sigma']), field);
}

/** Checks one of the three lognormal forms and converts it to (mu, sigma). */
function checkLognormal(body: Record<string, unknown>, field: string): { mu: number; sigma: number } {
  if ('median' in body) {
    const median = positive(body.median, `${field}.median`);
    const p95 = finite(body.p95, `${field}.p95`);
    if (p95 < median) throw new DistributionError(`${field}.p95`, `a number ≥ median (${median})`, show(p95));
    const mu = Math.log(median);
    return { mu, sigma: (Math.log(p95) - mu) / Z_95 };
  }
  if ('mean' in body) {
    const mean = positive(body.mean, `${field}.mean`);
    const sd = nonNegative(body.sd, `${field}.sd`);
    // For a lognormal, 1 + (sd/mean)² = exp(sigma²) and mean = exp(mu + sigma²/2).
    const variance = Math.log1p((sd / mean) ** 2);
    return { mu: Math.log(mean) - variance / 2, sigma: Math.sqrt(variance) };
  }
  return { mu: finite(body.mu, `${field}.mu`), sigma: nonNegative(body.sigma, `${field}.sigma`) };
}

function singleKey<K extends string>(spec: unknown, at: string, kinds: readonly K[]): [K, unknown] {
  const expected = `a number or an object with one of ${kinds.join(', ')}`;
  if (!isRecord(spec)) throw new DistributionError(at, expected, show(spec));
  const keys = Object.keys(spec);
  const unknown = keys.find((key) => !(kinds as readonly string[]).includes(key));
  if (unknown !== undefined) throw new DistributionError(at, `one of ${kinds.join(', ')}`, `an unknown kind ${JSON.stringify(unknown)}`);
  if (keys.length !== 1) throw new DistributionError(at, `exactly one of ${kinds.join(', ')}`, keys.length === 0 ? 'none' : keys.join(' and '));
  const kind = keys[0] as K;
  return [kind, spec[kind]];
}

/** The named fields of an object that must have exactly those keys. */
function fields<K extends string>(body: unknown, field: string, names: readonly K[]): Record<K, unknown> {
  if (!isRecord(body)) throw new DistributionError(field, `an object with ${names.join(', ')}`, show(body));
  const unknown = Object.keys(body).find((key) => !(names as readonly string[]).includes(key));
  if (unknown !== undefined) throw new DistributionError(`${field}.${unknown}`, `only the keys ${names.join(', ')}`, 'an unknown key');
  for (const name of names) {
    if (!(name in body)) throw new DistributionError(`${field}.${name}`, 'a value', 'nothing');
  }
  return body as Record<K, unknown>;
}

function numbers(value: unknown, field: string): number[] {
  if (!Array.isArray(value) || value.length === 0) throw new DistributionError(field, 'a non-empty list of numbers', show(value));
  return value.map((item, i) => finite(item, `${field}[${i}]`));
}

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DistributionError(field, 'a finite number', show(value));
  return value;
}

function positive(value: unknown, field: string): number {
  const number = finite(value, field);
  if (!(number > 0)) throw new DistributionError(field, 'a number > 0', show(number));
  return number;
}

function nonNegative(value: unknown, field: string): number {
  const number = finite(value, field);
  if (!(number >= 0)) throw new DistributionError(field, 'a number ≥ 0', show(number));
  return number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A bad value as a reader would write it: JSON where possible, `nothing` for a missing one. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return `a ${typeof value}`;
  try {
    return JSON.stringify(value);
  } catch {
    return `a ${typeof value}`;
  }
}
