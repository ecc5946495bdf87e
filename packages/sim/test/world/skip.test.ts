/**
 * Skipping refreshes is an optimisation, not a model: the same world, run with skipping on and
 * off from the same seed, gives every resolver the same answer-class changes at the same times,
 * the same number of refreshes, the same queries at each provider in each bin and the same
 * shares. The world has every kind of change a plan can be cut by: a delegation change announced
 * ahead, a record change at one provider, a server going lame announced only as it happens, a
 * provider stopping; every profile (prefetch, near-expiry adoption, parent-centric, sticky,
 * serve-stale, floors and caps); and forwarders, whose lookups land inside the resolvers' plans.
 */
import { describe, expect, it } from 'vitest';
import { getProfile, RRType } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import { lab, NEW_WWW } from './lab.ts';

const PROFILES = ['unbound', 'bind', 'bind-parent-centric', 'powerdns', 'knot', 'sticky', 'serve-stale', 'ttl-cap:120', 'ttl-floor:900'];

function run(skip: boolean) {
  const l = lab({ horizon: 6 * 3600, bin: 300, parentTtl: 900, childTtl: 600, wwwTtl: 30 });
  const nodes = [];
  for (const [i, profile] of PROFILES.entries()) {
    for (let k = 0; k < 3; k++) nodes.push(l.resolver(getProfile(profile), [0.05, 0.5, 5][k]!, { skip, seed: 11, start: 17 * i + k, latency: { uniform: { min: 0.002, max: 0.04 } } }));
  }
  // Forwarders in front of some: a short cache (its lookups land inside plans) and a floored one.
  const forwarders = nodes.filter((_, i) => i % 2 === 0).flatMap((upstream, i) => [
    l.world.addForwarder({ seed: 11, rate: 0.2 + i / 10, ttl: { min: 0, max: 45 }, upstream }),
    l.world.addForwarder({ seed: 11, rate: 0.05, ttl: { min: 600, max: 86400 }, upstream }),
  ]);
  const { engine, network } = l.world;
  l.changeDelegationAt(3600);
  // The new provider's www changes at 2 h, each server after its own delay, announced an hour ahead.
  engine.scheduleAt(3600, () => {
    engine.scheduleAt(7200, () => l.new.change('example.com.', { put: [{ name: 'www.example.com.', type: RRType.A, class: 1, ttl: 30, data: ['192.0.2.3'] }] }));
  });
  // One old server goes lame unannounced: plans are cut at the moment it happens.
  engine.scheduleAt(9000.5, () => network.setState('10.1.0.1', 'lame'));
  l.old.scheduleState(network, 'stopped', 14400);
  l.world.run();
  return { l, nodes, forwarders };
}

describe('skipping refreshes changes nothing', () => {
  const on = run(true);
  const off = run(false);

  it('skips most refreshes, and replays some late when a change is announced for the moment it happens', () => {
    const skipped = on.nodes.reduce((sum, n) => sum + n.skipped, 0);
    const refreshes = on.nodes.reduce((sum, n) => sum + n.refreshes, 0);
    // Forwarders whose lookups land between a quiet resolver's refreshes cut its plans: fewer skips, same results.
    expect(skipped / refreshes).toBeGreaterThan(0.3);
    expect(on.nodes.reduce((sum, n) => sum + n.replayed, 0)).toBeGreaterThan(0);
    expect(off.nodes.reduce((sum, n) => sum + n.skipped, 0)).toBe(0);
  });

  it('repeats refreshes that re-learn an expired delegation from their templates, in resolvers no forwarder uses', () => {
    const repeated = (nodes: typeof on.nodes) => nodes.reduce((sum, n) => sum + n.repeated, 0);
    expect(repeated(on.nodes)).toBeGreaterThan(20);
    expect(repeated(on.nodes.filter((_, i) => i % 2 === 0))).toBe(0);
    expect(repeated(off.nodes)).toBe(0);
  });

  it('gives every resolver the same refreshes and the same answer classes at the same times', () => {
    expect(on.nodes.map((n) => n.refreshes)).toEqual(off.nodes.map((n) => n.refreshes));
    expect(on.forwarders.map((f) => f.forwarded)).toEqual(off.forwarders.map((f) => f.forwarded));
    expect(on.forwarders.reduce((sum, f) => sum + f.forwarded, 0)).toBeGreaterThan(1000);
    expect(on.l.world.metrics.classChanges()).toEqual(off.l.world.metrics.classChanges());
    // The world did what it was built to do: every resolver ends on the new provider, with its
    // changed record (a resolver whose cached copy expired at the horizon holds none).
    expect(on.nodes.every((n) => n.answerClass === AnswerClass.New)).toBe(true);
    expect(on.forwarders.every((f) => f.answerClass === AnswerClass.New)).toBe(true);
    const cached = on.nodes.map((n) => n.recursor.cache.getStale('www.example.com.', RRType.A, on.l.world.end)?.rrset.data[0]);
    expect(cached.filter((a) => a === '192.0.2.3').length).toBeGreaterThan(on.nodes.length / 2);
    expect(cached).not.toContain(NEW_WWW);
  });

  it('gives the same load at every provider in every bin and the same shares', () => {
    for (const p of on.l.world.providers) {
      expect(Array.from(on.l.world.network.load.series(p.index)), p.name).toEqual(Array.from(off.l.world.network.load.series(p.index)));
    }
    const a = on.l.world.metrics;
    const b = off.l.world.metrics;
    expect(a.shares()).toEqual(b.shares());
    expect(a.resolverShares()).toEqual(b.resolverShares());
    expect(a.newShareByProfile()).toEqual(b.newShareByProfile());
  });
});
