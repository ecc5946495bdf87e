/**
 * The clients' stub caches between them and the resolver, checked against the resolver-side series
 * of the same run (byProfile). Behind a browser that holds every answer 60 s, a client asking μ
 * times a second reaches the resolver with a share 1/(1 + 60μ) of its lookups and is otherwise
 * served data whose age is uniform on [0, 60 s) (docs/simulation.md), so its share on the new
 * provider climbs linearly over the minute after the resolver's switch. An OS cache honours the
 * resolver's TTLs and adds no delay.
 */
import { describe, expect, it } from 'vitest';
import { runWorlds } from '../../src/build/run-replication.ts';
import { lab } from './scenarios.ts';

/** Client-side and resolver-side (byProfile) shares on the new provider, per second. */
function run(stub: string, publishDelay = 10): { client: number[]; resolver: number[]; switchAt: number } {
  const scenario = lab({
    horizon: 600,
    bin: 1,
    parentTtl: 60,
    wwwTtl: 2,
    mix: ['{ profile: unbound, share: 1 }'],
    resolvers: 1,
    // Enough clients that the resolver, behind their browsers, is still asked many times a second.
    clients: 1000,
    lookupsPerHour: 36000,
    publishDelay,
    stub,
    plan: ['{ at: 0, delegate: { to: new } }'],
  });
  const out = runWorlds(scenario, 0, { warmUp: false });
  const resolver = out.byProfile['unbound']!;
  return { client: out.byName[0]!.shares.new, resolver, switchAt: resolver.findIndex((x) => x > 0) };
}

const MU = 10;
const HOLD = 60;
const P = 1 / (1 + MU * HOLD);

/** Client-side share dt seconds into a bin after the resolver's switch at the start of bin s (bin-averaged). */
function behindBrowser(dt: number): number {
  return P + ((1 - P) * (dt + 0.5)) / HOLD;
}

describe('stub layers', () => {
  it('without a stub the clients see the resolver', () => {
    const none = run('none');
    expect(none.switchAt).toBe(63);
    expect(none.client).toEqual(none.resolver);
  });

  it('a 60 s browser cache spreads the switch over the minute after the resolver’s', () => {
    const browser = run(`[{ kind: browser, share: 1, hold: ${HOLD} }]`, 150);
    const s = browser.switchAt;
    expect(s).toBeGreaterThan(150);
    // The resolver's switch falls inside bin s; later bins are bin-averages of the ramp.
    for (const dt of [5, 15, 30, 45]) expect(Math.abs(browser.client[s + dt]! - behindBrowser(dt)), `${dt} s after`).toBeLessThan(1.5 / HOLD);
    expect(browser.client[s + HOLD + 1]).toBeCloseTo(1, 9);
    expect(browser.client[s - 1]).toBe(0);
  });

  it('an OS cache that honours TTLs adds no delay; a mix weighs its layers by their shares', () => {
    const os = run('[{ kind: os, share: 1 }]');
    expect(os.client).toEqual(os.resolver);
    const mixed = run(`[{ kind: browser, share: 0.5, hold: ${HOLD} }, { kind: none, share: 0.5 }]`, 150);
    expect(mixed.switchAt).toBeGreaterThan(150);
    const s = mixed.switchAt;
    for (const dt of [5, 30]) expect(Math.abs(mixed.client[s + dt]! - (0.5 * behindBrowser(dt) + 0.5))).toBeLessThan(1 / HOLD);
  });
});
