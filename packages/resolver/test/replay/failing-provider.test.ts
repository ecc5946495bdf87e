/**
 * The old provider stops serving while resolvers still have its servers cached: it answers
 * REFUSED (the zone was deleted there) or nothing at all (the servers are gone). com changed at
 * t = 10, the old provider fails at t = 20, the delegation's TTL is 60 s. facts.md, "observed
 * here": Unbound goes back to the parent; BIND, PowerDNS and Knot answer SERVFAIL until the
 * cached delegation expires.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/profiles.ts';
import { firstTime, lastTime, refusing, silent, summary, type Handler } from './harness.ts';
import { lab, NEW, OLD } from './world.ts';

const isNew = (a: string) => a === `NOERROR ${NEW}`;
const isServfail = (a: string) => a === 'SERVFAIL';

function pollWithOldProvider(profile: string, failure: Handler, until = 90) {
  const { replay } = lab({ profile: getProfile(profile), changeAt: 10, oldProviderAfter: [{ from: 20, handler: failure }] });
  return replay.poll('www.example.com', 'A', 0, until, 1);
}

describe('the old provider goes lame (REFUSED) while cached', () => {
  it('unbound asks the parent again at once and never answers SERVFAIL', () => {
    const samples = pollWithOldProvider('unbound', refusing);
    expect(samples.some((s) => isServfail(s.answer))).toBe(false);
    const first = firstTime(samples, isNew)!;
    expect(first).toBeGreaterThanOrEqual(20);
    expect(first).toBeLessThanOrEqual(23);
  });

  for (const profile of ['bind', 'powerdns', 'knot']) {
    it(`${profile} answers SERVFAIL until the delegation expires, then follows the parent`, () => {
      const samples = pollWithOldProvider(profile, refusing);
      const firstFail = firstTime(samples, isServfail)!;
      expect(firstFail).toBeGreaterThanOrEqual(20);
      expect(firstFail).toBeLessThanOrEqual(26);
      expect(lastTime(samples, isServfail)).toBe(59);
      expect(firstTime(samples, isNew)).toBe(60);
    });
  }
});

describe('the old provider goes dead (timeouts) while cached', () => {
  it('unbound retries the silent servers for about 13 s, then asks the parent; later questions go to the parent at once', () => {
    const { replay } = lab({ profile: getProfile('unbound'), changeAt: 10, oldProviderAfter: [{ from: 20, handler: silent }] });
    replay.ask('www.example.com');
    replay.advanceTo(25);
    const slow = replay.ask('www.example.com');
    expect(summary(slow.response)).toBe(`NOERROR ${NEW}`);
    expect(slow.answeredAt - 25).toBeGreaterThan(12);
    expect(slow.answeredAt - 25).toBeLessThan(14);
    const timedOut = slow.resolution.trace.filter((s) => s.outcome === 'timeout');
    expect(new Set(timedOut.map((s) => s.server))).toEqual(new Set(['10.1.0.1', '10.1.0.2']));
    replay.advanceTo(45);
    const fast = replay.ask('www.example.com');
    expect(summary(fast.response)).toBe(`NOERROR ${NEW}`);
    expect(fast.asked.some((q) => q.server.startsWith('10.1.0.'))).toBe(false);
    expect(fast.answeredAt - 45).toBeLessThan(1);
  });

  for (const profile of ['bind', 'powerdns', 'knot']) {
    it(`${profile} answers SERVFAIL until the delegation expires`, () => {
      const samples = pollWithOldProvider(profile, silent);
      const fails = samples.filter((s) => isServfail(s.answer));
      expect(fails.length).toBeGreaterThan(0);
      expect(Math.min(...fails.map((s) => s.at))).toBeGreaterThanOrEqual(20);
      expect(Math.max(...fails.map((s) => s.at))).toBeLessThan(60);
      const first = firstTime(samples, isNew)!;
      expect(first).toBeGreaterThanOrEqual(60);
      expect(first).toBeLessThanOrEqual(62);
    });
  }

  it('bind remembers the SERVFAIL for 1 s: a second question in the same second asks no server', () => {
    const { replay } = lab({ profile: getProfile('bind'), changeAt: 10, oldProviderAfter: [{ from: 20, handler: refusing }] });
    replay.ask('www.example.com');
    replay.advanceTo(30);
    expect(summary(replay.ask('www.example.com').response)).toBe('SERVFAIL');
    const again = replay.ask('www.example.com');
    expect(summary(again.response)).toBe('SERVFAIL');
    expect(again.asked).toEqual([]);
  });
});

describe('serve-stale (RFC 8767)', () => {
  it('returns the expired record with TTL 30 when every server is silent; unbound without it answers SERVFAIL', () => {
    for (const [profile, expected] of [
      ['serve-stale', `NOERROR ${OLD}`],
      ['unbound', 'SERVFAIL'],
    ] as const) {
      const { replay } = lab({ profile: getProfile(profile), oldProviderAfter: [{ from: 20, handler: silent }] });
      replay.ask('www.example.com');
      replay.advanceTo(100);
      const out = replay.ask('www.example.com');
      expect(summary(out.response)).toBe(expected);
      if (profile === 'serve-stale') expect(out.response.answer[0]!.ttl).toBe(30);
    }
  });

  it('does not serve stale data past the stale window', () => {
    const { replay } = lab({ profile: getProfile('serve-stale'), oldProviderAfter: [{ from: 20, handler: silent }] });
    replay.ask('www.example.com');
    replay.advanceTo(2 + 86400 + 10);
    expect(summary(replay.ask('www.example.com').response)).toBe('SERVFAIL');
  });
});
