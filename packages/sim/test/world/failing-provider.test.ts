/**
 * The old provider fails while resolvers still have its servers cached; compare with the
 * resolver package's replay tests of the same situation
 * (packages/resolver/test/replay/failing-provider.test.ts): the same hierarchy, com changed at
 * t = 10, the old provider lame (REFUSED) or stopped (silent) from t = 20, delegation TTL 60 s,
 * www TTL 2 s, lookups every fraction of a second. Unbound goes back to the parent and never
 * fails; BIND, PowerDNS and Knot fail until the cached delegation expires at about t = 60, then
 * follow the parent. Serve-stale answers stale when nothing answers and nothing else is known.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import type { ServerState } from '../../src/world/network.ts';
import { lab } from './lab.ts';

interface Piece {
  cls: number;
  from: number;
}

function pieces(profile: string, state: ServerState, opts: { changeAt?: number; horizon?: number } = {}): Piece[] {
  const l = lab({ horizon: opts.horizon ?? 120, bin: 1, parentTtl: 60, wwwTtl: 2 });
  l.resolver(getProfile(profile), 20, { start: 0 });
  if (opts.changeAt !== undefined) l.changeDelegationAt(opts.changeAt);
  l.old.scheduleState(l.world.network, state, 20);
  l.world.run();
  return l.world.metrics.classChanges().map((c) => ({ cls: c.cls, from: c.time }));
}

const classes = (p: Piece[]) => p.map((x) => x.cls);

describe('the old provider goes lame (REFUSED) while cached', () => {
  it('unbound asks the parent again at once and never fails', () => {
    const p = pieces('unbound', 'lame', { changeAt: 10 });
    expect(classes(p)).toEqual([AnswerClass.Old, AnswerClass.New]);
    expect(p[1]!.from).toBeGreaterThanOrEqual(20);
    expect(p[1]!.from).toBeLessThanOrEqual(23);
  });

  for (const profile of ['bind', 'powerdns', 'knot']) {
    it(`${profile} fails from the first refresh after t = 20 until the delegation expires near t = 60`, () => {
      const p = pieces(profile, 'lame', { changeAt: 10 });
      expect(classes(p)).toEqual([AnswerClass.Old, AnswerClass.Failed, AnswerClass.New]);
      expect(p[1]!.from).toBeGreaterThanOrEqual(20);
      expect(p[1]!.from).toBeLessThanOrEqual(26);
      expect(p[2]!.from).toBeGreaterThanOrEqual(59);
      expect(p[2]!.from).toBeLessThanOrEqual(61);
    });
  }
});

describe('the old provider stops (timeouts) while cached', () => {
  it('unbound waits out the silent servers, then asks the parent: slow, but never a failure', () => {
    const p = pieces('unbound', 'stopped', { changeAt: 10 });
    expect(classes(p)).toEqual([AnswerClass.Old, AnswerClass.New]);
    expect(p[1]!.from).toBeGreaterThanOrEqual(20);
    expect(p[1]!.from).toBeLessThanOrEqual(23);
  });

  for (const profile of ['bind', 'powerdns', 'knot']) {
    it(`${profile} fails until the delegation expires`, () => {
      const p = pieces(profile, 'stopped', { changeAt: 10 });
      expect(classes(p)).toEqual([AnswerClass.Old, AnswerClass.Failed, AnswerClass.New]);
      expect(p[1]!.from).toBeGreaterThanOrEqual(20);
      expect(p[1]!.from).toBeLessThan(60);
      expect(p[2]!.from).toBeGreaterThanOrEqual(59);
      expect(p[2]!.from).toBeLessThanOrEqual(62);
    });
  }
});

describe('with no delegation change, a stopped provider', () => {
  it('serve-stale answers with the expired record; unbound without it fails', () => {
    const stale = pieces('serve-stale', 'stopped', { horizon: 300 });
    expect(classes(stale)).toEqual([AnswerClass.Old, AnswerClass.Stale]);
    const plain = pieces('unbound', 'stopped', { horizon: 300 });
    expect(classes(plain)).toEqual([AnswerClass.Old, AnswerClass.Failed]);
  });
});
