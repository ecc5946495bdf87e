/**
 * Against the resolver package: one resolver, its clients asking every tenth of a second on
 * average, no stub caches, the delegation learnt at the start (no warm-up) and changed at com at
 * t = 10 with parent TTL 60. packages/resolver/test/replay/delegation-change.test.ts runs the same
 * situation with a client polling every second and finds when each profile first answers from the
 * new provider; the simulation must switch in the same second. (The replay test asserts a window
 * after the delegation's expiry; the seconds below are what its polls find exactly, e.g. 63 for
 * Unbound: the www record, TTL 2 served through its last second, is refetched every 3 s, at 60
 * still under the old delegation, which is served through second 60, and at 63 under the new.)
 */
import { describe, expect, it } from 'vitest';
import { runWorlds } from '../../src/build/run-replication.ts';
import { lab } from './scenarios.ts';

/** The second (bin) in which the resolver first answered from the new provider, checking it then stays. */
function switchSecond(profile: string, opts: { childTtl?: number; oldExtra?: string[] } = {}): number {
  const scenario = lab({
    horizon: 200,
    bin: 1,
    parentTtl: 60,
    ...(opts.childTtl === undefined ? {} : { childTtl: opts.childTtl }),
    ...(opts.oldExtra === undefined ? {} : { oldExtra: opts.oldExtra }),
    wwwTtl: 2,
    mix: [`{ profile: ${profile}, share: 1 }`],
    resolvers: 1,
    clients: 1,
    lookupsPerHour: 36000,
    publishDelay: 10,
    plan: ['{ at: 0, delegate: { to: new } }'],
  });
  const out = runWorlds(scenario, 0, { warmUp: false });
  expect(out.timeline.find((e) => e.label === 'registry publishes')!.start).toBe(10);
  const { new: fresh, old, failed } = out.byName[0]!.shares;
  const first = fresh.findIndex((x) => x > 0);
  expect(first, 'never switched').toBeGreaterThan(0);
  for (let k = 0; k < first; k++) expect(old[k]! + failed[k]!, `bin ${k}`).toBeGreaterThanOrEqual(k === 0 ? 0 : 1 - 1e-9);
  for (let k = first + 1; k < fresh.length; k++) expect(fresh[k], `bin ${k}`).toBeCloseTo(1, 9);
  for (const f of failed.slice(1)) expect(f).toBe(0);
  return first;
}

describe('one resolver switches when the replay test says', () => {
  it('unbound, child TTL 60: at the first www refetch after the parent TTL (replay: 63)', () => {
    expect(switchSecond('unbound')).toBe(63);
  });

  it("unbound, child TTL 30: the parent's TTL rules all the same (replay: 63)", () => {
    expect(switchSecond('unbound', { childTtl: 30 })).toBe(63);
  });

  it('bind 9.18 with cookies, child TTL 30: the child set is adopted (replay: 30)', () => {
    expect(switchSecond('bind', { childTtl: 30 })).toBe(30);
  });

  it('bind 9.18 without cookies: the parent TTL rules (replay: 60)', () => {
    expect(switchSecond('bind', { childTtl: 30, oldExtra: ['cookies: false'] })).toBe(60);
  });

  it('powerdns, child TTL 120: the child TTL wins although longer (replay: 120)', () => {
    expect(switchSecond('powerdns', { childTtl: 120 })).toBe(120);
  });

  it('bind-parent-centric, child TTL 30: the parent TTL alone (replay: 60)', () => {
    expect(switchSecond('bind-parent-centric', { childTtl: 30 })).toBe(60);
  });
});
