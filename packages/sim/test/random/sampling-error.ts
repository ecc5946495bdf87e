/**
 * Tolerances for checking random draws against closed forms. Every check allows Z standard
 * errors of the estimate; with Z = 4.5 a correct sampler fails a given check with probability
 * about 7e-6, so even a few hundred checks stay well clear of chance failures, while a sampler
 * that is off by more than a few standard errors is caught. The seeds are fixed, so a passing test
 * stays passing.
 */
import { expect } from 'vitest';

export const Z = 4.5;

export function draw(sample: () => number, count: number): Float64Array {
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = sample();
  return values;
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** The unbiased sample variance. */
export function variance(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i]! - m) ** 2;
  return sum / (values.length - 1);
}

/**
 * Checks the sample mean and variance of `values` against a distribution's mean, variance and
 * kurtosis (the fourth standardised moment, 3 for a normal). The standard error of the mean is
 * σ/√n; that of the sample variance is σ²·√((κ - 1)/n).
 */
export function expectMoments(values: ArrayLike<number>, expected: { mean: number; variance: number; kurtosis: number }): void {
  const n = values.length;
  const meanError = Math.sqrt(expected.variance / n);
  const varianceError = expected.variance * Math.sqrt((expected.kurtosis - 1) / n);
  expect(Math.abs(mean(values) - expected.mean)).toBeLessThan(Z * meanError);
  expect(Math.abs(variance(values) - expected.variance)).toBeLessThan(Z * varianceError);
}

/** Checks an observed count of `hits` in `trials` against probability p (binomial standard error). */
export function expectProportion(hits: number, trials: number, p: number): void {
  const standardError = Math.sqrt((p * (1 - p)) / trials);
  expect(Math.abs(hits / trials - p)).toBeLessThanOrEqual(Z * standardError);
}
