import { InputError } from '@cutover/resolver';
import { describe, expect, it } from 'vitest';
import { DistributionError, parseDistribution } from '../../src/random/distribution.ts';
import { sampler } from '../../src/random/sampler.ts';
import { weightedChoice } from '../../src/random/alias-table.ts';
import { streamFor } from '../../src/random/streams.ts';

function errorFor(spec: unknown, at?: string): DistributionError {
  try {
    parseDistribution(spec, at);
  } catch (error) {
    if (error instanceof DistributionError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(spec)}`);
}

describe('parseDistribution errors', () => {
  it.each([
    ['a word', 'fast', 'distribution', /expected a number or an object with one of constant, uniform/],
    ['NaN', Number.NaN, 'distribution', /finite number, got NaN/],
    ['an empty object', {}, 'distribution', /exactly one of .*got none/],
    ['two kinds', { constant: 1, exponential: { mean: 1 } }, 'distribution', /got constant and exponential/],
    ['a misspelt kind', { exponentail: { mean: 1 } }, 'distribution', /unknown kind "exponentail"/],
    ['a negative mean', { exponential: { mean: -1 } }, 'distribution.exponential.mean', /a number > 0, got -1/],
    ['a zero mean', { exponential: { mean: 0 } }, 'distribution.exponential.mean', /> 0, got 0/],
    ['a mean given as text', { exponential: { mean: '150' } }, 'distribution.exponential.mean', /finite number, got "150"/],
    ['an extra field', { exponential: { mean: 1, sd: 2 } }, 'distribution.exponential.sd', /only the keys mean/],
    ['a missing field', { normal: { mean: 0 } }, 'distribution.normal.sd', /got nothing/],
    ['a negative sd', { normal: { mean: 0, sd: -1 } }, 'distribution.normal.sd', /≥ 0, got -1/],
    ['max below min', { uniform: { min: 5, max: 1 } }, 'distribution.uniform.max', /≥ min \(5\), got 1/],
    ['p95 below the median', { lognormal: { median: 10, p95: 5 } }, 'distribution.lognormal.p95', /≥ median \(10\)/],
    ['mixed lognormal forms', { lognormal: { median: 10, mean: 5 } }, 'distribution.lognormal.mean', /only the keys median, p95/],
    ['a zero median', { lognormal: { median: 0, p95: 5 } }, 'distribution.lognormal.median', /> 0/],
    ['a fractional zipf n', { zipf: { n: 2.5, s: 1 } }, 'distribution.zipf.n', /integer ≥ 1, got 2.5/],
    ['a negative zipf s', { zipf: { n: 10, s: -1 } }, 'distribution.zipf.s', /≥ 0/],
    ['too few weights', { empirical: { values: [1, 2], weights: [1] } }, 'distribution.empirical.weights', /2 weights, one per value, got 1 weights/],
    ['all-zero weights', { empirical: { values: [1, 2], weights: [0, 0] } }, 'distribution.empirical.weights', /at least one weight > 0/],
    ['a negative weight', { empirical: { values: [1, 2], weights: [1, -1] } }, 'distribution.empirical.weights[1]', /≥ 0, got -1/],
    ['a value that is not a number', { empirical: { values: [1, 'x'], weights: [1, 1] } }, 'distribution.empirical.values[1]', /got "x"/],
    ['an empty choice', { choice: [] }, 'distribution.choice', /non-empty list of numbers, got \[\]/],
    ['a choice that is not a list', { choice: 3 }, 'distribution.choice', /non-empty list/],
  ])('names the field for %s', (_, spec, field, message) => {
    const error = errorFor(spec);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${field}: expected `)).toBe(true);
  });

  it('places fields under the path the caller gives', () => {
    const error = errorFor({ uniform: { min: 0 } }, 'resolvers.mix[2].delay');
    expect(error.field).toBe('resolvers.mix[2].delay.uniform.max');
    expect(error.message).toBe('resolvers.mix[2].delay.uniform.max: expected a value, got nothing');
  });

  it('is an InputError, so the CLI reports it as bad input', () => {
    expect(errorFor({ exponential: {} })).toBeInstanceOf(InputError);
  });

  it('is raised by sampler() before any draw', () => {
    expect(() => sampler({ exponential: { mean: -5 } } as never, streamFor(1, 'x'), 'tld.com.delay')).toThrow(
      'tld.com.delay.exponential.mean: expected a number > 0, got -5',
    );
  });
});

describe('parseDistribution accepted forms', () => {
  it('writes the shorthand number out as a constant and reduces lognormals to (mu, sigma)', () => {
    expect(parseDistribution(300)).toEqual({ constant: 300 });
    expect(parseDistribution({ lognormal: { mu: 1, sigma: 0.5 } })).toEqual({ lognormal: { mu: 1, sigma: 0.5 } });
    const fromMedian = parseDistribution({ lognormal: { median: Math.E, p95: Math.E } });
    expect(fromMedian).toEqual({ lognormal: { mu: 1, sigma: 0 } });
  });

  it('accepts every kind in its documented JSON form', () => {
    const specs = [
      { constant: 5 },
      { uniform: { min: 0, max: 60 } },
      { exponential: { mean: 150 } },
      { normal: { mean: 0, sd: 1 } },
      { lognormal: { mean: 100, sd: 30 } },
      { zipf: { n: 1000, s: 1.07 } },
      { empirical: { values: [60, 7200], weights: [3, 1] } },
      { choice: [1, 2, 3] },
    ];
    for (const spec of specs) expect(() => parseDistribution(JSON.parse(JSON.stringify(spec)))).not.toThrow();
  });
});

describe('weightedChoice errors', () => {
  it('names the weights when they do not match the items or are all zero', () => {
    const stream = streamFor(1, 'mix');
    expect(() => weightedChoice(['unbound', 'bind'], [1, 2, 3], stream, 'resolvers.mix')).toThrow(
      'resolvers.mix: expected 2 weights, one per value, got 3 weights',
    );
    expect(() => weightedChoice(['unbound'], [0], stream, 'resolvers.mix')).toThrow(DistributionError);
    expect(() => weightedChoice([], undefined, stream, 'resolvers.mix')).toThrow('resolvers.mix: expected at least one item');
  });
});
