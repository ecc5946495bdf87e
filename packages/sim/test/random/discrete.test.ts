/**
 * Discrete samplers against their probabilities: each outcome's frequency within binomial
 * sampling error of its closed-form probability.
 */
import { describe, expect, it } from 'vitest';
import { aliasTable, weightedChoice } from '../../src/random/alias-table.ts';
import { sampler } from '../../src/random/sampler.ts';
import { streamFor } from '../../src/random/streams.ts';
import { zipfSampler } from '../../src/random/zipf.ts';
import { expectProportion } from './sampling-error.ts';

const N = 200_000;

/** Counts of each outcome 0..size-1 (after `toIndex`) over `count` draws. */
function tally(sample: () => number, size: number, toIndex: (value: number) => number, count = N): Float64Array {
  const counts = new Float64Array(size);
  let outside = 0;
  for (let i = 0; i < count; i++) {
    const index = toIndex(sample());
    if (index >= 0 && index < size && Number.isInteger(index)) counts[index]!++;
    else outside++;
  }
  expect(outside).toBe(0);
  return counts;
}

describe('zipf', () => {
  it.each([
    [50, 1.1],
    [50, 1],
    [50, 0.8],
    [20, 2.5],
    [30, 0],
  ])('draws rank k of n=%i with probability (1/k^s)/Σ 1/j^s, s=%f', (n, s) => {
    const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
    const harmonic = weights.reduce((sum, w) => sum + w, 0);
    const counts = tally(zipfSampler(n, s, streamFor(11, 'zipf', n, s)), n, (k) => k - 1);
    counts.forEach((count, i) => expectProportion(count, N, weights[i]! / harmonic));
  });

  it('keeps the ratio P(1)/P(2) = 2^s for a billion ranks, where no table could be built', () => {
    const s = 1.2;
    const sample = zipfSampler(1e9, s, streamFor(11, 'zipf-large'));
    let ones = 0;
    let twos = 0;
    let largest = 0;
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const k = sample();
      if (!(Number.isInteger(k) && k >= 1 && k <= 1e9)) outside++;
      if (k === 1) ones++;
      else if (k === 2) twos++;
      largest = Math.max(largest, k);
    }
    // Among draws of rank 1 or 2, rank 1's share is 2^s/(2^s + 1).
    expect(outside).toBe(0);
    expectProportion(ones, ones + twos, 2 ** s / (2 ** s + 1));
    // The far tail is reached: P(k > 10^6) ≈ ∫ x^-1.2 dx over [10^6, 10^9] / ζ(1.2) ≈ 0.04.
    expect(largest).toBeGreaterThan(1e6);
  });

  it('is available as a Distribution', () => {
    const counts = tally(sampler({ zipf: { n: 3, s: 1 } }, streamFor(11, 'zipf-spec')), 3, (k) => k - 1);
    const harmonic = 1 + 1 / 2 + 1 / 3;
    counts.forEach((count, i) => expectProportion(count, N, 1 / (i + 1) / harmonic));
  });

  it('always gives 1 when n is 1', () => {
    const sample = zipfSampler(1, 1.5, streamFor(11, 'zipf-one'));
    expect(Array.from({ length: 5 }, sample)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('alias method', () => {
  it('draws each value of an empirical distribution with probability weight/Σweights, and never a zero-weight one', () => {
    const values = [10, 20, 30, 40, 50, 60];
    const weights = [5, 1, 0, 3, 0.5, 10];
    const total = weights.reduce((sum, w) => sum + w, 0);
    const counts = tally(sampler({ empirical: { values, weights } }, streamFor(12, 'empirical')), 6, (v) => v / 10 - 1);
    expect(counts[2]).toBe(0);
    counts.forEach((count, i) => expectProportion(count, N, weights[i]! / total));
  });

  it('copes with weights spanning many orders of magnitude', () => {
    const weights = [1e-4, 1, 1e3, 1e-2, 10];
    const total = weights.reduce((sum, w) => sum + w, 0);
    const counts = tally(sampler({ empirical: { values: [0, 1, 2, 3, 4], weights } }, streamFor(12, 'wide')), 5, (v) => v);
    counts.forEach((count, i) => expectProportion(count, N, weights[i]! / total));
  });

  it('builds columns that each hold exactly 1/n of the probability', () => {
    // The table's defining property: summing each outcome's share over all columns gives back its weight.
    const weights = [3, 1, 4, 1, 5, 9, 2, 6];
    const total = weights.reduce((sum, w) => sum + w, 0);
    const { keep, alias } = aliasTable(weights);
    const recovered = new Array(weights.length).fill(0);
    for (let column = 0; column < weights.length; column++) {
      recovered[column] += keep[column]! / weights.length;
      recovered[alias[column]!] += (1 - keep[column]!) / weights.length;
    }
    recovered.forEach((share, i) => expect(share).toBeCloseTo(weights[i]! / total, 12));
  });

  it('picks arbitrary items by weight for mixes such as resolver profiles', () => {
    const profiles = ['unbound', 'bind', 'isp-24h-floor'] as const;
    const pick = weightedChoice(profiles, [6, 3, 1], streamFor(12, 'mix'));
    const counts = tally(() => profiles.indexOf(pick()), 3, (i) => i);
    [0.6, 0.3, 0.1].forEach((p, i) => expectProportion(counts[i]!, N, p));
  });
});

describe('choice', () => {
  it('draws each listed value equally often, counting repeats', () => {
    const counts = tally(sampler({ choice: [1, 2, 2, 3] }, streamFor(13, 'choice')), 4, (v) => v);
    expect(counts[0]).toBe(0);
    expectProportion(counts[1]!, N, 0.25);
    expectProportion(counts[2]!, N, 0.5);
    expectProportion(counts[3]!, N, 0.25);
  });
});
