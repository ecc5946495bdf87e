/**
 * The change horizon with scopes: a change belongs to one provider (or to everyone), and a
 * resolver asks only about the providers whose servers its skipped or repeated refreshes would
 * ask. Checked against a brute-force reading of the same announcements.
 */
import { describe, expect, it } from 'vitest';
import { ANY_PROVIDER, ChangeHorizon, inScope, type ChangeScope } from '../../src/world/change-horizon.ts';

const changes: [at: number, provider: number][] = [
  [50, 2],
  [10, 1],
  [30, ANY_PROVIDER],
  [30, 1],
  [70, 3],
  [90, 1],
];

function horizon(): ChangeHorizon {
  const h = new ChangeHorizon();
  for (const [at, provider] of changes) h.announce(at, 0, provider);
  return h;
}

/** The same questions answered by scanning every announcement. */
function next(t: number, scope: ChangeScope): number {
  return Math.min(Infinity, ...changes.filter(([at, p]) => at >= t && inScope(p, scope)).map(([at]) => at));
}
function last(after: number, upTo: number, scope: ChangeScope): number | undefined {
  const found = changes.filter(([at, p]) => at > after && at <= upTo && inScope(p, scope)).map(([at]) => at);
  return found.length === 0 ? undefined : Math.max(...found);
}

describe('the change horizon', () => {
  const scopes: ChangeScope[] = [undefined, [], [1], [2, 3], [4]];

  it('finds the next change in a scope, from any moment in any order', () => {
    const h = horizon();
    // Resolvers running ahead ask about later moments before earlier ones.
    for (const t of [95, 0, 60, 30, 10.5, 31, 100, 49.9, 50]) for (const scope of scopes) expect(h.nextChangeFrom(t, scope)).toBe(next(t, scope));
  });

  it('finds the last change in a window, in a scope', () => {
    const h = horizon();
    for (const [after, upTo] of [[0, 100], [10, 30], [30, 49], [30, 50], [0, 9], [60, 95], [90, 90]] as const) {
      for (const scope of scopes) expect(h.lastChangeIn(after, upTo, scope)).toBe(last(after, upTo, scope));
    }
  });

  it('puts a global change in every scope and a provider change only in scopes naming it', () => {
    const h = horizon();
    expect(h.nextChangeFrom(0, [])).toBe(30);
    expect(h.nextChangeFrom(31, [])).toBe(Infinity);
    expect(h.nextChangeFrom(31, [3])).toBe(70);
    expect(h.nextChangeFrom(31)).toBe(50);
  });

  it('tells listeners the provider of each change', () => {
    const h = new ChangeHorizon();
    const heard: [number, number, number][] = [];
    h.subscribe({ changeAnnounced: (at, now, provider) => heard.push([at, now, provider]) });
    h.announce(20, 5, 4);
    h.announce(20, 20);
    expect(heard).toEqual([
      [20, 5, 4],
      [20, 20, ANY_PROVIDER],
    ]);
    expect(() => h.announce(10, 20, 1)).toThrow(RangeError);
  });
});
