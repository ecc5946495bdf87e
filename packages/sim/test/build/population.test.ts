/**
 * The resolver population: counts by the largest remainder, a seeded assignment, per-resolver
 * draws that do not move when another resolver is added, clients spread equally or by Zipf,
 * public resolvers as shards, and forwarders counted under their own label.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/build/context.ts';
import { buildWorld } from '../../src/build/build-world.ts';
import { largestRemainderCounts, planPopulation, type Entity, type RecursiveEntity } from '../../src/build/population.ts';
import { runReplication } from '../../src/build/run-replication.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { lab } from './scenarios.ts';

function population(yaml: string): string {
  return `
domain: example.com
horizon: 1d
watch: [www.example.com]
providers:
  old: { nameservers: [ns1.oldprov.net], zone: { records: ["www 300 IN A 192.0.2.1"] } }
  new: { nameservers: [ns1.newprov.net], zone: { records: ["www 300 IN A 192.0.2.2"] } }
plan:
  - { at: 1h, delegate: { to: new } }
${yaml}`;
}

function entities(yaml: string, replication = 0): Entity[] {
  return planPopulation(buildContext(parseScenario(population(yaml), 'population.yaml'), replication));
}

describe('largest remainder counts', () => {
  it('gives floors, then the largest remainders, ties in mix order, adding up to the total', () => {
    expect(largestRemainderCounts([1 / 3, 1 / 3, 1 / 3], 10)).toEqual([4, 3, 3]);
    expect(largestRemainderCounts([0.27, 0.15, 0.08, 0.1, 0.09, 0.17, 0.1, 0.04], 100)).toEqual([27, 15, 8, 10, 9, 17, 10, 4]);
    expect(largestRemainderCounts([0.5, 0.3, 0.2], 7)).toEqual([4, 2, 1]);
    const counts = largestRemainderCounts([0.27, 0.15, 0.08, 0.1, 0.09, 0.17, 0.1, 0.04], 9);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(9);
  });
});

describe('the population', () => {
  const mix = `
resolvers:
  count: 50
  mix:
    - { profile: unbound, share: 0.5 }
    - { profile: ttl-floor, share: 0.3, floor: { choice: [3600, 21600, 86400] }, label: isp }
    - { profile: public, share: 0.2, cap: 6h, label: public }
clients: { count: 5000, spread: { zipf: { s: 1 } } }`;

  it('has each mix entry in its largest-remainder count, in an order that depends on the replication', () => {
    const a = entities(mix, 0);
    const b = entities(mix, 1);
    for (const e of [a, b]) {
      expect(e.filter((x) => x.label === 'unbound').length).toBe(25);
      expect(e.filter((x) => x.label === 'isp').length).toBe(15);
      expect(e.filter((x) => x.kind === 'recursive' && x.shards === 8).length).toBe(10);
    }
    expect(a.map((x) => x.label)).not.toEqual(b.map((x) => x.label));
    expect(entities(mix, 0)).toEqual(a);
  });

  it('draws each resolver’s floor and cap from streams of its own', () => {
    const es = entities(mix) as RecursiveEntity[];
    for (const e of es) {
      if (e.label === 'isp') expect([3600, 21600, 86400]).toContain(e.profile.ttl.minTtl);
      if (e.label.startsWith('public')) expect(e.profile.ttl.maxTtl).toBe(21600);
      if (e.label === 'unbound') expect(e.profile.ttl).toEqual(es.find((x) => x.label === 'unbound')!.profile.ttl);
    }
    expect(new Set(es.filter((e) => e.label === 'isp').map((e) => e.profile.ttl.minTtl)).size).toBeGreaterThan(1);
    // One more resolver: every resolver of the same kind at the same position keeps its draw.
    const one = `
resolvers:
  count: COUNT
  mix: [{ profile: ttl-floor, share: 1, floor: { uniform: { min: 60, max: 86400 } } }]`;
    const floors = (n: number) => (entities(one.replace('COUNT', String(n))) as RecursiveEntity[]).map((e) => e.profile.ttl.minTtl);
    const fifty = floors(50);
    expect(floors(51).slice(0, 50)).toEqual(fifty);
    expect(new Set(fifty).size).toBe(50);
  });

  it('spreads clients by Zipf: sorted, the k-th largest has 1/k of the largest', () => {
    const counts = entities(mix).map((e) => e.clients);
    expect(counts.reduce((a, b) => a + b, 0)).toBeCloseTo(5000, 6);
    const sorted = [...counts].sort((a, b) => b - a);
    sorted.forEach((c, k) => expect(c).toBeCloseTo(sorted[0]! / (k + 1), 9));
  });

  it('spreads clients equally when told', () => {
    for (const e of entities(`${mix.replace('spread: { zipf: { s: 1 } }', 'spread: equal')}`)) expect(e.clients).toBe(100);
  });

  it('builds a public resolver as 8 shards that count once in the resolver shares', () => {
    const built = buildWorld(parseScenario(population(mix), 'population.yaml'), 0, 0);
    expect(built.world.resolvers.length).toBe(25 + 15 + 10 * 8);
  });
});

describe('forwarders', () => {
  it('answer what their upstream resolver gives, under their own label', () => {
    const scenario = lab({
      horizon: 4 * 3600,
      bin: 300,
      parentTtl: 3600,
      mix: ['{ profile: unbound, share: 0.5 }', '{ profile: forwarder, share: 0.5, upstream: unbound, label: home-router }'],
      resolvers: 40,
      clients: 4000,
      lookupsPerHour: 60,
      plan: ['{ at: 1h, delegate: { to: new } }'],
    });
    const es = planPopulation(buildContext(scenario, 0));
    for (const f of es.filter((e) => e.kind === 'forwarder')) expect(es[f.upstream]!.label).toBe('unbound');
    const out = runReplication(scenario, 0);
    const router = out.byProfile['home-router']!;
    const unbound = out.byProfile['unbound']!;
    expect(out.byProfileLookups['home-router']!.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Before the change neither is on the new provider; after T both are; in between they ramp together.
    expect(router[5]).toBe(0);
    expect(router.at(-1)).toBeCloseTo(1, 9);
    expect(unbound.at(-1)).toBeCloseTo(1, 9);
    const k = (3600 + 1800) / 300;
    expect(Math.abs(router[k]! - unbound[k]!)).toBeLessThan(0.35);
  });
});
