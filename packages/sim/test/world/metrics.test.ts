/**
 * Metrics: shares from hand-made class pieces (exact), the client-side series behind stubs, and
 * sharded public resolvers counted once in the resolver shares.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import { Metrics } from '../../src/world/metrics.ts';
import { lab } from './lab.ts';

function handMade(): Metrics {
  const m = new Metrics(10, 8);
  m.register(0, 1, 'unbound');
  m.register(1, 3, 'bind');
  m.answerClassChanged(0, AnswerClass.Old, 0);
  m.answerClassChanged(1, AnswerClass.Old, 0);
  m.delegationSideChanged(0, AnswerClass.Old, 0);
  m.delegationSideChanged(1, AnswerClass.Old, 0);
  m.answerClassChanged(1, AnswerClass.New, 25);
  m.delegationSideChanged(1, AnswerClass.New, 25);
  m.answerClassChanged(0, AnswerClass.Failed, 50);
  m.answerClassChanged(0, AnswerClass.New, 55);
  m.delegationSideChanged(0, AnswerClass.New, 50);
  m.finish(80);
  return m;
}

describe('metrics from class pieces', () => {
  it('weights each resolver by its lookup rate, bin by bin', () => {
    const s = handMade().shares();
    const expectNear = (actual: Float64Array, expected: number[]) => expected.forEach((v, k) => expect(actual[k]).toBeCloseTo(v, 12));
    expectNear(s.new, [0, 0, 15 / 40, 3 / 4, 3 / 4, (3 * 10 + 5) / 40, 1, 1]);
    expectNear(s.old, [1, 1, 25 / 40, 1 / 4, 1 / 4, 0, 0, 0]);
    expectNear(s.failed, [0, 0, 0, 0, 0, 5 / 40, 0, 0]);
    expectNear(s.stale, [0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('counts resolvers, not lookups, in the resolver shares; and shares per profile', () => {
    const m = handMade();
    const r = m.resolverShares();
    [0, 0, 0.25, 0.5, 0.5, 1, 1, 1].forEach((v, k) => expect(r.new[k]).toBeCloseTo(v, 12));
    const byProfile = m.newShareByProfile();
    expect(Array.from(byProfile.bind!)).toEqual([0, 0, 0.5, 1, 1, 1, 1, 1]);
    [0, 0, 0, 0, 0, 0.5, 1, 1].forEach((v, k) => expect(byProfile.unbound![k]).toBeCloseTo(v, 12));
  });

  it('client shares without stubs, clients in proportion to the resolvers rates, are the resolver-side shares', () => {
    const m = handMade();
    const client = m.clientShares([{ stub: { kind: 'none' }, rate: 0.5, clientsAt: (node) => [2, 6][node]! }]);
    const direct = m.shares();
    for (const cls of ['new', 'old', 'failed', 'stale'] as const) direct[cls].forEach((v, k) => expect(client[cls][k]).toBeCloseTo(v, 12));
  });

  it('a 60 s browser cache delays the clients behind it', () => {
    const m = handMade();
    const browser = m.clientShares([{ stub: { kind: 'hold', seconds: 60 }, rate: 0.5, clientsAt: (node) => [2, 6][node]! }]);
    const direct = m.shares();
    // Later, never earlier: in every bin after the first change, fewer lookups see the new data.
    for (let k = 2; k < 8; k++) expect(browser.new[k]!).toBeLessThan(direct.new[k]!);
  });
});

describe('a sharded public resolver', () => {
  it('is K caches that switch independently, counted as one resolver', () => {
    const l = lab({ horizon: 4000, bin: 100, parentTtl: 1800, wwwTtl: 20 });
    const shards = l.publicResolver(getProfile('unbound'), 4, 4);
    expect(shards.map((s) => s.rate)).toEqual([1, 1, 1, 1]);
    l.changeDelegationAt(1000);
    l.world.run();
    const switches = l.world.metrics.classChanges().filter((c) => c.cls === AnswerClass.New).map((c) => c.time);
    expect(switches.length).toBe(4);
    // Each shard learnt the delegation on its own first lookup, so they switch at different times.
    expect(new Set(switches.map((t) => Math.floor(t))).size).toBe(4);
    // In the resolver shares each shard weighs a quarter: while one shard alone has switched, at most 1/4.
    const r = l.world.metrics.resolverShares();
    switches.sort((a, b) => a - b);
    const firstBin = Math.floor(switches[0]! / 100);
    if (Math.floor(switches[1]! / 100) > firstBin) expect(r.new[firstBin]!).toBeLessThanOrEqual(0.25 + 1e-12);
    expect(r.new[firstBin - 1]).toBe(0);
    expect(r.new[r.new.length - 1]).toBe(1);
  });
});
