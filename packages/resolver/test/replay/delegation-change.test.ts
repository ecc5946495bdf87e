/**
 * The registrar's change reaches com at t = 10: com now refers example.com to the new provider,
 * while the old provider keeps serving its copy (with the old NS set at its apex). Clients poll
 * www.example.com every second. When each resolver profile first answers from the new provider
 * is set by how it keeps the delegation: facts.md, "observed here".
 */
import { describe, expect, it } from 'vitest';
import { getProfile, type Profile } from '../../src/profiles.ts';
import { firstTime, lastTime } from './harness.ts';
import { lab, NEW, OLD, type LabOptions } from './world.ts';

const CHANGE_AT = 10;
const isNew = (a: string) => a === `NOERROR ${NEW}`;
const isOld = (a: string) => a === `NOERROR ${OLD}`;

/** Polls from 0 to `until`; returns when the new data first appeared, checking it then stays. */
function switchTime(profile: Profile, opts: Partial<LabOptions> = {}, until = 300): number {
  const { replay } = lab({ profile, changeAt: CHANGE_AT, ...opts });
  const samples = replay.poll('www.example.com', 'A', 0, until, 1);
  for (const s of samples) expect(s.answer === `NOERROR ${OLD}` || s.answer === `NOERROR ${NEW}`).toBe(true);
  const first = firstTime(samples, isNew);
  expect(first, 'never switched').toBeDefined();
  expect(lastTime(samples, isOld)!).toBeLessThan(first!);
  return first!;
}

/**
 * The new data appears once the cached delegation has expired and the cached www record (TTL 2)
 * has too: no earlier than the delegation's expiry, at most the record's life (plus the second a
 * serve-zero cache adds) later.
 */
function expectSwitchAfterDelegationExpiry(t: number, delegationExpiry: number, wwwLife = 3): void {
  expect(t).toBeGreaterThanOrEqual(delegationExpiry);
  expect(t).toBeLessThanOrEqual(delegationExpiry + wwwLife + 1);
}

describe('a delegation change at the parent (parent NS TTL 60 s)', () => {
  it("unbound: the delegation lives for the parent's TTL, a longer or a shorter child TTL alike (observed: packages/cli/test/child-ns-ttl.test.ts)", () => {
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('unbound'), { childTtl: 60 }), 61);
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('unbound'), { childTtl: 120 }), 61);
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('unbound'), { childTtl: 30 }), 61);
  });

  it('bind 9.18 with cookie-validated servers: the child set is adopted, clamped to the parent TTL', () => {
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('bind'), { childTtl: 30 }), 30);
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('bind'), { childTtl: 120 }), 60);
  });

  it('bind 9.18 with servers that return no cookie: the parent set and TTL rule, shorter or longer child TTL alike', () => {
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('bind'), { childTtl: 30, cookies: false }), 60);
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('bind'), { childTtl: 120, cookies: false }), 60);
  });

  it('bind 9.18 without cookies adopts the child set from an explicit NS answer, clamped', () => {
    const { replay } = lab({ profile: getProfile('bind'), changeAt: CHANGE_AT, childTtl: 30, cookies: false });
    const ns = replay.ask('example.com', 'NS');
    expect(ns.response.answer.map((rr) => rr.ttl)).toEqual([30, 30]);
    const samples = replay.poll('www.example.com', 'A', 1, 120, 1);
    expectSwitchAfterDelegationExpiry(firstTime(samples, isNew)!, 30);
  });

  it('powerdns: the child TTL wins, even when longer than the parent TTL', () => {
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('powerdns'), { childTtl: 30 }), 30);
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('powerdns'), { childTtl: 120 }), 120);
  });

  it('bind-parent-centric: the parent TTL alone, whatever the child says', () => {
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('bind-parent-centric'), { childTtl: 30 }), 60);
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('bind-parent-centric'), { childTtl: 120 }), 60);
  });

  it('bind-parent-centric keeps delegations at least 60 s, even when the parent says 20', () => {
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('bind-parent-centric'), { parentTtl: 20, childTtl: 20 }), 60);
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('bind'), { parentTtl: 20, childTtl: 20 }), 20);
  });

  it('ttl-cap: a 30 s cap ends the 60 s delegation early', () => {
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('ttl-cap:30')), 31);
  });

  it('knot: the parent set, unless a refetch lands in the last 5 s of its life; then the child set and TTL', () => {
    // www TTL 13: refetches at 0, 13, 26, 39, 52 miss the window [55, 60): the parent's 60 s rule.
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('knot'), { childTtl: 120, wwwTtl: 13 }), 60, 13);
    // www TTL 5 (Knot's floor): the refetch at 55 takes the child set with its 120 s: gone at 175.
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('knot'), { childTtl: 120, wwwTtl: 5 }, 400), 175, 5);
  });

  it('the answer TTL counts down and the delegation is re-learnt from com after the switch', () => {
    const { replay } = lab({ profile: getProfile('unbound'), changeAt: CHANGE_AT, wwwTtl: 10 });
    expect(replay.ask('www.example.com').response.answer[0]!.ttl).toBe(10);
    replay.advanceTo(4);
    const cached = replay.ask('www.example.com');
    expect(cached.asked).toEqual([]);
    expect(cached.response.answer[0]!.ttl).toBe(6);
    replay.advanceTo(62);
    const after = replay.ask('www.example.com');
    // com first (the delegation expired), then the new provider's glueless names, then the new provider.
    expect(after.asked[0]).toMatchObject({ server: '10.0.0.2', name: 'example.com.' });
    expect(after.asked.at(-1)).toMatchObject({ server: expect.stringMatching(/^10\.2\.0\./), name: 'www.example.com.' });
    expect(after.response.answer[0]!.data).toBe(NEW);
  });
});

describe('the ghost-domain clamp against a sticky resolver', () => {
  it('sticky: the old servers keep refreshing their NS set, so the old delegation never ends', () => {
    const { replay } = lab({ profile: getProfile('sticky'), changeAt: CHANGE_AT });
    const samples = replay.poll('www.example.com', 'A', 0, 600, 1);
    expect(samples.every((s) => isOld(s.answer))).toBe(true);
  });

  it('sticky: once the old servers stop answering with it, the delegation expires and the change is seen', () => {
    const { replay } = lab({ profile: getProfile('sticky'), changeAt: CHANGE_AT, apexNsInAuthority: false });
    const samples = replay.poll('www.example.com', 'A', 0, 120, 1);
    expectSwitchAfterDelegationExpiry(firstTime(samples, isNew)!, 61);
  });

  it('unbound under the same refreshing: the clamp ends the old delegation at the parent TTL', () => {
    expectSwitchAfterDelegationExpiry(switchTime(getProfile('unbound'), { childTtl: 60 }, 600), 61);
  });
});
