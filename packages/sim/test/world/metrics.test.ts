/**
 * Metrics: shares from hand-made class pieces (exact), the client-side series behind stubs, and
 * sharded public resolvers counted once in the resolver shares.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import { Metrics, normalise } from '../../src/world/metrics.ts';
import { streamFor } from '../../src/random/streams.ts';
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

describe('normalising per-class values into shares', () => {
  const sumInOrder = (s: ReturnType<typeof normalise>, k: number): number => s.new[k]! + s.old[k]! + s.failed[k]! + s.stale[k]!;

  it('gives shares in [0, 1] adding up to exactly 1 wherever there are lookups, whatever the rounding', () => {
    const random = streamFor('normalise');
    const bins = 20_000;
    const perClass = Array.from({ length: 4 }, () => new Float64Array(bins));
    for (let k = 0; k < bins; k++) {
      // Values of very different sizes, some classes empty, some with rounding residue (± 1e-13).
      for (const series of perClass) {
        const r = random.next();
        series[k] = r < 0.3 ? 0 : r < 0.4 ? (random.next() - 0.5) * 2e-13 : random.next() * 10 ** Math.floor(random.next() * 12 - 4);
      }
    }
    const s = normalise(perClass);
    let exactOnes = 0;
    for (let k = 0; k < bins; k++) {
      for (const cls of ['new', 'old', 'failed', 'stale'] as const) {
        expect(s[cls][k]).toBeGreaterThanOrEqual(0);
        expect(s[cls][k]).toBeLessThanOrEqual(1);
      }
      const total = perClass.reduce((sum, c) => sum + Math.max(0, c[k]!), 0);
      if (total > 0) expect(sumInOrder(s, k), `bin ${k}`).toBe(1);
      else expect(sumInOrder(s, k)).toBe(0);
      if (s.old[k] === 1) exactOnes++;
    }
    expect(exactOnes).toBeGreaterThan(0);
  });

  it('rounds residue in an otherwise empty class to 0, so a bin of one class is exactly 1', () => {
    const s = normalise([Float64Array.of(3e-15, 0), Float64Array.of(1800, 0), Float64Array.of(-2e-15, 0), Float64Array.of(0, 0)]);
    expect([s.new[0], s.old[0], s.failed[0], s.stale[0]]).toEqual([0, 1, 0, 0]);
    expect([s.new[1], s.old[1], s.failed[1], s.stale[1]]).toEqual([0, 0, 0, 0]);
  });

  it('keeps the client shares behind stub caches within [0, 1] and adding up to 1', () => {
    const l = lab({ horizon: 4 * 3600, bin: 300, parentTtl: 900, wwwTtl: 60 });
    for (let i = 0; i < 30; i++) l.resolver(getProfile(i % 3 === 0 ? 'bind-9.20' : 'unbound'), 0.05 + i / 50, { seed: i, start: 7 * i });
    l.changeDelegationAt(3600);
    l.world.run();
    const groups = [
      { stub: { kind: 'hold' as const, seconds: 60 }, rate: 1 / 300, clientsAt: (node: number) => 10 + node },
      { stub: { kind: 'hold' as const, seconds: 30 }, rate: 1 / 7, clientsAt: (node: number) => 3 * node },
      { stub: { kind: 'none' as const }, rate: 1 / 100, clientsAt: () => 5 },
    ];
    const s = l.world.metrics.clientShares(groups);
    for (let k = 0; k < s.new.length; k++) {
      for (const cls of ['new', 'old', 'failed', 'stale'] as const) expect(s[cls][k]! >= 0 && s[cls][k]! <= 1, `${cls} bin ${k}: ${s[cls][k]}`).toBe(true);
      expect(sumInOrder(s, k)).toBe(1);
    }
    // Non-trivial: the change shows in the client shares.
    expect(s.new[0]).toBe(0);
    expect(s.new.at(-1)).toBe(1);
  });
});
