/**
 * Forwarders in front of a resolver: one that honours the TTLs it is given expires with the
 * resolver's entry and switches with it; one that keeps answers at least an hour can lag by an
 * hour.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import { lab } from './lab.ts';

/** 200 forwarders in front of one busy resolver, their first lookups spread over one cache lifetime. */
function lags(ttl: { min: number; max: number }, spread: number) {
  const l = lab({ horizon: 12000, bin: 60, parentTtl: 300, wwwTtl: 300 });
  const upstream = l.resolver(getProfile('unbound'), 5);
  const forwarders = Array.from({ length: 200 }, (_, i) => l.world.addForwarder({ seed: 4, rate: 1, ttl, upstream, start: (i / 200) * spread }));
  l.changeDelegationAt(3000);
  l.world.run();
  const switchOf = new Map<number, number>();
  for (const c of l.world.metrics.classChanges()) if (c.cls === AnswerClass.New) switchOf.set(c.node, c.time);
  const upstreamSwitch = switchOf.get(upstream.index)!;
  expect(upstreamSwitch).toBeGreaterThan(3000);
  const delays = forwarders.map((f) => switchOf.get(f.index)! - upstreamSwitch);
  return { delays, forwarded: forwarders.reduce((sum, f) => sum + f.forwarded, 0) };
}

describe('forwarders', () => {
  it('a forwarder honouring the TTL (at most 60 s) expires with its resolver\'s entry and switches with it', () => {
    const { delays, forwarded } = lags({ min: 0, max: 60 }, 60);
    // Each answer comes with what is left of the resolver's TTL, so near the resolver's expiry the
    // forwarders' copies expire with it, and their next lookups find the new answer.
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(-5);
      expect(d).toBeLessThan(5);
    }
    // About one lookup per minute passed on per forwarder, not one per client lookup (1/s).
    expect(forwarded / 200 / 12000).toBeLessThan(1 / 50);
    expect(forwarded / 200 / 12000).toBeGreaterThan(1 / 70);
  });

  it('a forwarder keeping answers at least an hour lags by up to an hour', () => {
    const { delays } = lags({ min: 3600, max: 86400 }, 3600);
    expect(Math.max(...delays)).toBeGreaterThan(3000);
    expect(Math.max(...delays)).toBeLessThan(3600 + 15);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(-5);
  });
});
