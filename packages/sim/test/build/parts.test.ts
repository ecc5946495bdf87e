/**
 * A replication simulated in parts (build/parts.ts): resolvers never affect each other or the
 * world, so a world holding only some of them, with the whole hierarchy and plan, gives those
 * resolvers exactly the lives they have in the whole world. The parts' sums add up to the
 * whole's (to rounding: the same terms added in another order), every resolver lands in one part,
 * and which thread runs a part changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../src/build/build-world.ts';
import { MAX_PARTS, partCount, RESOLVERS_PER_PART } from '../../src/build/parts.ts';
import { PartSums } from '../../src/build/part-sums.ts';
import { runPart, runWorlds } from '../../src/build/run-replication.ts';
import type { ReplicationOutput } from '../../src/replication.ts';
import { runStudy } from '../../src/study/run-study.ts';
import { lab } from './scenarios.ts';

const scenario = lab({
  horizon: 8 * 3600,
  bin: 600,
  parentTtl: 3600,
  childTtl: 900,
  wwwTtl: 300,
  mix: ['{ profile: unbound, share: 0.3 }', '{ profile: bind, share: 0.2 }', '{ profile: public, share: 0.2, shards: 4 }', '{ profile: forwarder, share: 0.3, upstream: unbound, label: home-router }'],
  resolvers: 45,
  clients: 9000,
  lookupsPerHour: 4,
  stub: 'default',
  plan: ['{ id: change, at: 2h, delegate: { to: new } }', '{ after: change, from: complete, wait: 4h, decommission: { provider: old } }'],
});

function expectClose(x: number, y: number, what: string): void {
  expect(Math.abs(x - y), `${what}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12);
}

function expectSame(parts: ReplicationOutput, whole: ReplicationOutput): void {
  expect(parts.timeline).toEqual(whole.timeline);
  expect(parts.changeAt).toBe(whole.changeAt);
  for (const cls of ['new', 'old', 'failed', 'stale'] as const) {
    parts.byName[0]!.shares[cls].forEach((x, k) => expectClose(x, whole.byName[0]!.shares[cls][k]!, `shares.${cls} bin ${k}`));
    parts.resolverShares[cls].forEach((x, k) => expectClose(x, whole.resolverShares[cls][k]!, `resolverShares.${cls} bin ${k}`));
  }
  // Query counts are whole numbers: their sums are exact in any order.
  expect(parts.load).toEqual(whole.load);
  for (const [label, series] of Object.entries(whole.byProfile)) series.forEach((x, k) => expectClose(parts.byProfile[label]![k]!, x, `byProfile.${label} bin ${k}`));
}

describe('a replication in parts', () => {
  it('gives each resolver and forwarder to exactly one part', () => {
    const whole = buildWorld(scenario, 0, 0);
    const parts = [0, 1, 2].map((index) => buildWorld(scenario, 0, 0, { part: { index, count: 3 } }));
    const rates = (w: typeof whole) => [...w.world.resolvers.map((n) => n.rate), ...w.world.forwarders.map((f) => f.rate)].sort((a, b) => a - b);
    expect(rates(whole).length).toBeGreaterThan(60);
    expect(parts.flatMap(rates).sort((a, b) => a - b)).toEqual(rates(whole));
    expect(parts.every((p) => p.world.forwarders.length > 0 && p.world.resolvers.length > 0)).toBe(true);
  });

  it('adds up to the whole replication', () => {
    const whole = runWorlds(scenario, 0, { parts: 1 });
    expect(Math.max(...whole.byName[0]!.shares.new)).toBeGreaterThan(0.9);
    expectSame(runWorlds(scenario, 0, { parts: 3 }), whole);
  });

  it('gives byte-identical output whichever thread runs each part', async () => {
    const here = await runStudy(scenario, { replications: [0, 1], workers: 1, parts: 3 });
    const threads = await runStudy(scenario, { replications: [0, 1], workers: 2, parts: 3 });
    expect(JSON.stringify(threads)).toBe(JSON.stringify(here));
  });

  it('adds parts in part order whatever order they come in, keeping only those that wait', () => {
    const parts = [0, 1, 2, 3].map((index) => runPart(scenario, 0, { index, count: 4 }));
    const inOrder = new PartSums(scenario, 4);
    parts.forEach((p) => inOrder.add(p));
    const shuffled = new PartSums(scenario, 4);
    for (const index of [2, 3, 0]) shuffled.add(parts[index]!);
    expect(shuffled.complete).toBe(false);
    expect(() => shuffled.result()).toThrow(/3 of 4|0 of 4|parts/);
    expect(() => shuffled.add(parts[0]!)).toThrow(RangeError);
    shuffled.add(parts[1]!);
    expect(shuffled.complete).toBe(true);
    expect(JSON.stringify(shuffled.result())).toBe(JSON.stringify(inOrder.result()));
    expect(JSON.stringify(inOrder.result())).toBe(JSON.stringify(runWorlds(scenario, 0, { parts: 4 })));
  });

  it('counts parts from the number of resolvers alone', () => {
    const sized = (count: number) => ({ ...scenario, resolvers: { ...scenario.resolvers, count } });
    expect(partCount(sized(RESOLVERS_PER_PART - 1))).toBe(1);
    expect(partCount(sized(RESOLVERS_PER_PART))).toBe(1);
    expect(partCount(sized(RESOLVERS_PER_PART + 1))).toBe(2);
    expect(partCount(sized(10_000))).toBe(Math.ceil(10_000 / RESOLVERS_PER_PART));
    expect(partCount(sized(1_000_000))).toBe(MAX_PARTS);
  });
});
