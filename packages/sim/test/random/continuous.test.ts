/**
 * Continuous samplers against their closed forms: mean and variance within sampling error, and a
 * Kolmogorov–Smirnov test against the CDF.
 */
import { describe, expect, it } from 'vitest';
import { lognormalFromMeanSd, lognormalFromMedianP95, type Distribution } from '../../src/random/distribution.ts';
import { sampler } from '../../src/random/sampler.ts';
import { streamFor } from '../../src/random/streams.ts';
import { ksCriticalValue, ksStatistic } from '../../src/stats/ks.ts';
import { normalCdf } from './normal-cdf.ts';
import { draw, expectMoments, expectProportion, Z } from './sampling-error.ts';

const N = 200_000;

function drawFrom(spec: Distribution, name: string, count = N): Float64Array {
  return draw(sampler(spec, streamFor(2024, 'continuous', name)), count);
}

function expectFitsCdf(values: Float64Array, cdf: (x: number) => number): void {
  expect(ksStatistic(values, cdf)).toBeLessThan(ksCriticalValue(values.length, 0.01));
}

describe('uniform', () => {
  it('has mean (a+b)/2, variance (b-a)²/12 and the uniform CDF on [a, b)', () => {
    const [a, b] = [-3, 7];
    const values = drawFrom({ uniform: { min: a, max: b } }, 'uniform');
    expect(values.every((x) => x >= a && x < b)).toBe(true);
    expectMoments(values, { mean: (a + b) / 2, variance: (b - a) ** 2 / 12, kurtosis: 1.8 });
    expectFitsCdf(values, (x) => Math.min(1, Math.max(0, (x - a) / (b - a))));
  });
});

describe('exponential', () => {
  it('has mean m, variance m² and CDF 1 - e^(-x/m)', () => {
    const m = 150;
    const values = drawFrom({ exponential: { mean: m } }, 'exponential');
    expect(values.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
    expectMoments(values, { mean: m, variance: m * m, kurtosis: 9 });
    expectFitsCdf(values, (x) => (x <= 0 ? 0 : -Math.expm1(-x / m)));
  });

  it('is detected by the KS test when the mean is wrong by 2 %', () => {
    // The test's power: a sampler that is slightly off must not pass.
    const values = drawFrom({ exponential: { mean: 153 } }, 'exponential');
    expect(ksStatistic(values, (x) => -Math.expm1(-x / 150))).toBeGreaterThan(ksCriticalValue(values.length, 0.01));
  });
});

describe('normal', () => {
  it('has mean μ, variance σ² and the normal CDF', () => {
    const [mu, sd] = [0.05, 0.02];
    const values = drawFrom({ normal: { mean: mu, sd } }, 'normal');
    expectMoments(values, { mean: mu, variance: sd * sd, kurtosis: 3 });
    expectFitsCdf(values, (x) => normalCdf((x - mu) / sd));
  });

  it('gives independent standard normals draw after draw, tails included (ziggurat)', () => {
    const values = drawFrom({ normal: { mean: 0, sd: 1 } }, 'normal-pairs', 1_000_000);
    const firsts = values.filter((_, i) => i % 2 === 0);
    const seconds = values.filter((_, i) => i % 2 === 1);
    for (const half of [firsts, seconds]) {
      expectMoments(half, { mean: 0, variance: 1, kurtosis: 3 });
      expectProportion(half.filter((x) => Math.abs(x) < 1.959963984540054).length, half.length, 0.95);
    }
    // Independent standard normals: E[xy] = 0 with standard error 1/√n, for neighbours and for
    // squares (a layer index correlated with the value would show in |x|).
    let products = 0;
    let squares = 0;
    for (let i = 0; i < firsts.length; i++) {
      products += firsts[i]! * seconds[i]!;
      squares += (firsts[i]! ** 2 - 1) * (seconds[i]! ** 2 - 1);
    }
    expect(Math.abs(products / firsts.length)).toBeLessThan(Z / Math.sqrt(firsts.length));
    expect(Math.abs(squares / firsts.length)).toBeLessThan((Z * 2) / Math.sqrt(firsts.length));
    // Beyond the ziggurat's base rectangle (R = 3.4426) the draws come from the tail method:
    // P(|x| > R) = 2(1 − Φ(R)); and beyond 4, where only the tail method reaches.
    for (const edge of [3.442619855899, 4]) expectProportion(values.filter((x) => Math.abs(x) > edge).length, values.length, 2 * (1 - normalCdf(edge)));
  });
});

describe('lognormal', () => {
  it('given (mu, sigma) has mean e^(μ+σ²/2), variance (e^σ² - 1)e^(2μ+σ²) and the lognormal CDF', () => {
    const [mu, sigma] = [3, 0.5];
    const values = drawFrom({ lognormal: { mu, sigma } }, 'lognormal');
    const s2 = sigma * sigma;
    const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
    expectMoments(values, { mean: Math.exp(mu + s2 / 2), variance: Math.expm1(s2) * Math.exp(2 * mu + s2), kurtosis });
    expectFitsCdf(values, (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)));
  });

  it('built from a median and 95th percentile has exactly those quantiles', () => {
    const { mu, sigma } = lognormalFromMedianP95(40, 250);
    expect(Math.exp(mu)).toBeCloseTo(40, 10);
    // The 95th percentile of a lognormal is e^(μ + z₀.₉₅σ).
    expect(Math.exp(mu + 1.6448536269514722 * sigma)).toBeCloseTo(250, 9);
    const values = drawFrom({ lognormal: { median: 40, p95: 250 } }, 'lognormal-quantiles');
    expectProportion(values.filter((x) => x < 40).length, values.length, 0.5);
    expectProportion(values.filter((x) => x < 250).length, values.length, 0.95);
  });

  it('built from a mean and standard deviation has that mean and standard deviation', () => {
    const [mean, sd] = [120, 60];
    const { mu, sigma } = lognormalFromMeanSd(mean, sd);
    expect(Math.exp(mu + sigma * sigma / 2)).toBeCloseTo(mean, 9);
    expect(Math.sqrt(Math.expm1(sigma * sigma)) * mean).toBeCloseTo(sd, 9);
    const s2 = sigma * sigma;
    const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
    const values = drawFrom({ lognormal: { mean, sd } }, 'lognormal-moments');
    expectMoments(values, { mean, variance: sd * sd, kurtosis });
  });
});

describe('constant', () => {
  it('always gives its value, also when written as a bare number', () => {
    expect(Array.from(drawFrom({ constant: 300 }, 'constant', 10))).toEqual(Array(10).fill(300));
    expect(Array.from(drawFrom(86_400, 'bare', 10))).toEqual(Array(10).fill(86_400));
  });
});

describe('sampler determinism', () => {
  it('gives the same draws from the same stream name and different ones from another', () => {
    const spec: Distribution = { lognormal: { median: 40, p95: 250 } };
    const a = Array.from(drawFrom(spec, 'same', 100));
    expect(Array.from(drawFrom(spec, 'same', 100))).toEqual(a);
    expect(Array.from(drawFrom(spec, 'other', 100))).not.toEqual(a);
  });
});
