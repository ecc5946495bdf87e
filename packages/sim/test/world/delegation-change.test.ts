/**
 * One resolver at a time against the resolver package's replay tests of the same situation
 * (packages/resolver/test/replay/delegation-change.test.ts): com refers example.com to the new
 * provider from t = 10, the delegation's TTL at com is 60 s, www's TTL 2 s, and the resolver's
 * clients look up 20 times a second. Each profile switches when its replay test says: once the
 * delegation it keeps has expired (and the cached www record with it).
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import { lab } from './lab.ts';

function switchTime(profile: string, childTtl: number, wwwTtl = 2, horizon = 400): number {
  const l = lab({ horizon, bin: 10, parentTtl: 60, childTtl, wwwTtl });
  l.resolver(getProfile(profile), 20, { start: 0 });
  l.changeDelegationAt(10);
  l.world.run();
  const changes = l.world.metrics.classChanges();
  expect(changes.map((c) => c.cls)).toEqual([AnswerClass.Old, AnswerClass.New]);
  return changes[1]!.time;
}

/** As the replay tests: no earlier than the delegation's expiry, within the www record's life (plus a second) after it. */
function expectAfterExpiry(t: number, expiry: number, wwwLife = 3): void {
  expect(t).toBeGreaterThanOrEqual(expiry - 1);
  expect(t).toBeLessThanOrEqual(expiry + wwwLife + 1);
}

describe('a delegation change, one resolver, as in the replay tests', () => {
  it("unbound: the parent's TTL, a longer or a shorter child TTL alike", () => {
    expectAfterExpiry(switchTime('unbound', 60), 61);
    expectAfterExpiry(switchTime('unbound', 120), 61);
    expectAfterExpiry(switchTime('unbound', 30), 61);
  });

  it('bind (servers with cookies): the child set is adopted, clamped to the parent TTL', () => {
    expectAfterExpiry(switchTime('bind', 30), 30);
    expectAfterExpiry(switchTime('bind', 120), 60);
  });

  it('powerdns: the child TTL wins, even when longer', () => {
    expectAfterExpiry(switchTime('powerdns', 30), 30);
    expectAfterExpiry(switchTime('powerdns', 120), 120);
  });

  it('bind-parent-centric: the parent TTL alone', () => {
    expectAfterExpiry(switchTime('bind-parent-centric', 30), 60);
    expectAfterExpiry(switchTime('bind-parent-centric', 120), 60);
  });

  it('knot: the parent set, unless a refetch lands in its last 5 s; then the child set and TTL', () => {
    // www TTL 13: a refetch every ~14 s lands in the 5 s window [55, 60) or not, by chance:
    // the switch comes after the parent's 60 s or after the child's 120 s from the window.
    const t13 = switchTime('knot', 120, 13);
    const afterParent = t13 >= 59 && t13 <= 60 + 14;
    const afterChild = t13 >= 55 + 120 - 1 && t13 <= 60 + 120 + 14;
    expect(afterParent || afterChild).toBe(true);
    // www TTL 5 (Knot's floor): a refetch lands in the window and takes the child's 120 s.
    expectAfterExpiry(switchTime('knot', 120, 5), 175, 6);
  });
});
