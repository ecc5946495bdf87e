/**
 * Against closed forms: a population of resolvers that learnt the delegation at times spread
 * uniformly over one TTL switches to the new provider at times uniform on [0, TTL) after the
 * change is published (Kolmogorov–Smirnov test), whether the TTL is the zone's own (unbound
 * honours it) or a 24 h floor the resolver imposes.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import { streamFor } from '../../src/random/streams.ts';
import { ksCriticalValue, ksStatistic } from '../../src/stats/ks.ts';
import { lab } from './lab.ts';

/** Runs `n` resolvers started uniformly over [0, period), the change published at `period`; returns each one's switch time after it. */
function switchDelays(opts: { profile: string; n: number; period: number; parentTtl: number; wwwTtl: number; rate: number }): number[] {
  const changeAt = opts.period;
  const l = lab({ horizon: changeAt + 2 * opts.period, bin: 600, parentTtl: opts.parentTtl, wwwTtl: opts.wwwTtl });
  const starts = streamFor(7, 'test', 'starts');
  for (let i = 0; i < opts.n; i++) l.resolver(getProfile(opts.profile), opts.rate, { start: starts.next() * opts.period });
  l.changeDelegationAt(changeAt);
  l.world.run();
  const switched = new Map<number, number>();
  for (const change of l.world.metrics.classChanges()) {
    expect(change.cls === AnswerClass.Old || change.cls === AnswerClass.New).toBe(true);
    if (change.cls === AnswerClass.New) {
      expect(switched.has(change.node), `resolver ${change.node} switched twice`).toBe(false);
      switched.set(change.node, change.time - changeAt);
    }
  }
  expect(switched.size).toBe(opts.n);
  return [...switched.values()];
}

describe('switch times of a population', () => {
  it('resolvers honouring a 3600 s delegation TTL switch uniformly over [0, 3600 s) (KS, α = 0.01)', () => {
    const T = 3600;
    const delays = switchDelays({ profile: 'unbound', n: 400, period: T, parentTtl: T, wwwTtl: 5, rate: 1 });
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(0);
    const d = ksStatistic(delays, (x) => Math.min(1, Math.max(0, x / T)));
    expect(d).toBeLessThan(ksCriticalValue(delays.length, 0.01));
  });

  it('the KS check has teeth: the same delays against U[0, T/2) are rejected', () => {
    const T = 3600;
    const delays = switchDelays({ profile: 'unbound', n: 400, period: T, parentTtl: T, wwwTtl: 5, rate: 1 });
    const d = ksStatistic(delays, (x) => Math.min(1, Math.max(0, x / (T / 2))));
    expect(d).toBeGreaterThan(ksCriticalValue(delays.length, 0.01));
  });

  it('a ttl-floor population (24 h minimum) switches uniformly over [0, 24 h) although the zone says 300 s', () => {
    const day = 86400;
    const delays = switchDelays({ profile: 'ttl-floor', n: 300, period: day, parentTtl: 300, wwwTtl: 60, rate: 0.05 });
    const d = ksStatistic(delays, (x) => Math.min(1, Math.max(0, x / day)));
    expect(d).toBeLessThan(ksCriticalValue(delays.length, 0.01));
    // Honouring the zone's 300 s instead would have switched everyone within minutes.
    expect(Math.max(...delays)).toBeGreaterThan(0.9 * day);
  });
});
