/**
 * Against a closed form: Poisson lookups at rate λ at a resolver caching a record for H seconds
 * hit the cache in a share λH/(1+λH) of lookups (each cycle is one miss, then λH hits on average
 * while the record lives, then an Exp(λ) wait for the next miss: renewal-reward).
 *
 * H is the TTL T plus what the resolver adds: Unbound serves the record through the second its
 * TTL reads 0 and counts lifetimes from the whole second it stored it, so the record lives
 * T + 1 − frac(store time), T + 0.5 on average, and the miss that refetches it waits a round trip.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { lab } from './lab.ts';

const T = 300;
const ROUND_TRIP = 0.01;

function hitRatio(rate: number, skip: boolean): { ratio: number; refreshes: number } {
  const horizon = 200_000;
  const l = lab({ horizon, bin: 3600, parentTtl: 172800, wwwTtl: T });
  const nodes = Array.from({ length: 20 }, (_, i) => l.resolver(getProfile('unbound'), rate, { seed: 3 + i, skip }));
  l.world.run();
  const refreshes = nodes.reduce((sum, n) => sum + n.refreshes, 0);
  const lookups = nodes.length * rate * horizon;
  return { ratio: 1 - refreshes / lookups, refreshes };
}

describe('cache hit ratio under Poisson lookups', () => {
  for (const rate of [0.01, 0.1]) {
    it(`λ = ${rate}/s, TTL ${T} s: the hit ratio is λH/(1+λH)`, () => {
      const { ratio, refreshes } = hitRatio(rate, true);
      const hold = T + 0.5 + ROUND_TRIP;
      const expected = (rate * hold) / (1 + rate * hold);
      // The refresh count's relative standard error is about (sd/mean of a cycle)/√cycles.
      const cycles = refreshes;
      const cycleMean = hold + 1 / rate;
      const missShareError = ((1 / rate / cycleMean) / Math.sqrt(cycles)) * (1 - expected);
      expect(Math.abs(ratio - expected)).toBeLessThan(4 * missShareError + 1e-4);
      // The rule of thumb λT/(1+λT) with the zone's TTL is within a second's worth of it.
      expect(Math.abs(ratio - (rate * T) / (1 + rate * T))).toBeLessThan(4 * missShareError + rate / (1 + rate * T) ** 2);
    });
  }

  it('counting skipped refreshes gives the same count as running them all', () => {
    expect(hitRatio(0.01, true).refreshes).toBe(hitRatio(0.01, false).refreshes);
  });
});
