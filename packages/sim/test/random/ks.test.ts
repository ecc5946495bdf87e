import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/random/streams.ts';
import { ksCriticalValue, ksPValue, ksStatistic } from '../../src/stats/ks.ts';
import { expectProportion } from './sampling-error.ts';

const uniformCdf = (x: number) => Math.min(1, Math.max(0, x));

describe('ksStatistic', () => {
  it('matches hand-computed values', () => {
    expect(ksStatistic([0.5], uniformCdf)).toBe(0.5);
    // Sorted 0.1, 0.2, 0.3: the largest gap is just after 0.3, where F_n = 1 and F = 0.3.
    expect(ksStatistic([0.3, 0.1, 0.2], uniformCdf)).toBeCloseTo(0.7, 15);
    // Samples at the midpoints of n equal bins are as close as n samples can be: D = 1/(2n).
    const n = 1000;
    expect(ksStatistic(Array.from({ length: n }, (_, i) => (i + 0.5) / n), uniformCdf)).toBeCloseTo(0.5 / n, 12);
  });

  it('does not modify or depend on the order of its input', () => {
    const samples = [0.9, 0.05, 0.4, 0.41, 0.7];
    const copy = [...samples];
    const d = ksStatistic(samples, uniformCdf);
    expect(samples).toEqual(copy);
    expect(ksStatistic([...samples].reverse(), uniformCdf)).toBe(d);
  });

  it('rejects an empty sample', () => {
    expect(() => ksStatistic([], uniformCdf)).toThrow(RangeError);
  });
});

describe('ksCriticalValue and ksPValue', () => {
  it('give the tabulated asymptotic values', () => {
    // Smirnov's table: c(0.05) = 1.3581, c(0.01) = 1.6276.
    expect(ksCriticalValue(100, 0.05)).toBeCloseTo(0.13581, 5);
    expect(ksCriticalValue(10_000, 0.01)).toBeCloseTo(0.016276, 6);
    expect(ksPValue(1.3581 / 10, 100)).toBeCloseTo(0.05, 4);
    expect(ksPValue(1.6276 / 10, 100)).toBeCloseTo(0.01, 4);
    // Q(1) = 0.2700 and Q(0.5) = 0.9639, on both sides of the switch between series.
    expect(ksPValue(0.1, 100)).toBeCloseTo(0.27, 4);
    expect(ksPValue(0.05, 100)).toBeCloseTo(0.9639, 4);
    expect(ksPValue(0, 100)).toBe(1);
  });

  it('is consistent: the p-value at the critical value is alpha', () => {
    for (const alpha of [0.2, 0.05, 0.01, 0.001]) expect(ksPValue(ksCriticalValue(400, alpha), 400)).toBeCloseTo(alpha, 6);
  });

  it('rejects a true hypothesis at about the nominal rate (never more, as the asymptotic form is conservative)', () => {
    const next = streamFor(99, 'ks-size').next;
    const trials = 2000;
    const n = 200;
    let rejected = 0;
    for (let trial = 0; trial < trials; trial++) {
      const samples = Float64Array.from({ length: n }, next);
      if (ksStatistic(samples, uniformCdf) > ksCriticalValue(n, 0.05)) rejected++;
    }
    // For n = 200 the exact size of the asymptotic test is about 0.047.
    expectProportion(rejected, trials, 0.047);
  });
});
