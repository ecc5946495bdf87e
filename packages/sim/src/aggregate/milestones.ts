import type { Milestones } from '../result.ts';

/**
 * Seconds after `changeAt` at which `share` first reaches `level` and stays there to the end of
 * the run, read at bin starts; null if it never does within the horizon. "Stays" matters: a
 * share that touches 90 % and falls back (a rollback, a failure) has not reached it.
 */
export function settledAfter(t: readonly number[], share: readonly number[], level: number, changeAt: number): number | null {
  let first: number | null = null;
  for (let k = t.length - 1; k >= 0; k--) {
    if ((t[k] as number) < changeAt) break;
    if ((share[k] as number) >= level) first = (t[k] as number) - changeAt;
    else break;
  }
  return first;
}

export function milestonesOf(t: readonly number[], newShare: readonly number[], changeAt: number): Milestones {
  return {
    t50: settledAfter(t, newShare, 0.5, changeAt),
    t90: settledAfter(t, newShare, 0.9, changeAt),
    t99: settledAfter(t, newShare, 0.99, changeAt),
    t999: settledAfter(t, newShare, 0.999, changeAt),
  };
}
