/**
 * A skip plan (docs/simulation.md, "Skipping refreshes that cannot change anything"): the
 * refreshes a node draws but does not run, up to the plan's boundary, and what each drew. The
 * node (resolver-node.ts) makes, ends and cuts plans; this file holds their shape and the
 * arithmetic on what they drew.
 */
import type { PositiveEntry } from '@cutover/resolver';
import type { BufferedDraws } from './buffered-draws.ts';
import type { ChangeScope } from './change-horizon.ts';
import type { LoadCounter } from './network.ts';

/** What a skip plan repeats: the queries of the clean refresh that made it and the provider that answered them. */
export interface SkipSource {
  queries: number;
  /** The timeout of each query, in order (a skipped query slower than it would have timed out). */
  limits: readonly number[];
  provider: number;
}

/**
 * The planned skipped refreshes and the draws they used, in draw order. The arrays are reused
 * from plan to plan; `count` says how much of them is this plan.
 */
export interface SkipPlan {
  count: number;
  /** Start times of the skipped refreshes. */
  times: number[];
  /** Per skipped refresh: 2 latencies per query (out, back), in order. */
  latencies: number[];
  /** The arrival gap drawn after each skipped refresh (the one that timed the next refresh). */
  gaps: number[];
  /** Queries per refresh, and the provider that answered them. */
  queries: number;
  provider: number;
  /** Start time of the refresh that runs for real after the plan: the first at or after its boundary. */
  realAt: number;
  /** Lifetime the watched answer gets at each refresh, and its expiry after the clean refresh that made the plan. */
  lifetime: number;
  firstExpires: number;
  /** The clean refresh's cached answer, which each skipped refresh stores again. */
  answer: PositiveEntry | undefined;
  /** The providers whose changes would change a skipped refresh (the servers of the cut it asks). */
  scope: ChangeScope;
}

/** What a lookup at some moment inside a plan meets: the cached answer, a refresh on its way, or nothing. */
export type PlannedState = { kind: 'hit'; ttl: number } | { kind: 'in-flight'; until: number; ttl: number } | { kind: 'miss' };

/**
 * Most refreshes one plan skips. Only a bound on the work done at once: where a plan stops early
 * the next refresh runs for real, which is exactly what would have happened anyway.
 */
export const MAX_PLANNED = 100_000;

/**
 * A node's plan buffers: slot 0 for a plan on the clock, slot k + 1 for the one after the k-th
 * repeat run ahead. Their arrays are plain arrays of doubles: a plan fills them from the front,
 * so they grow as a plan needs and stay on the heap (typed arrays of this size would each be a
 * separate allocation outside it).
 */
export class PlanSlots {
  private readonly slots: SkipPlan[] = [];

  /** Plan buffer `slot`, emptied, for plans of `queries` queries per refresh. */
  get(queries: number, slot: number): SkipPlan {
    let plan = this.slots[slot];
    if (plan === undefined) {
      plan = { count: 0, times: [], gaps: [], latencies: [], queries, provider: -1, realAt: 0, lifetime: 0, firstExpires: 0, answer: undefined, scope: undefined };
      this.slots[slot] = plan;
    }
    plan.queries = queries;
    plan.count = 0;
    return plan;
  }
}

/** When skipped refresh `i`'s last reply comes back: its answer is stored then. */
export function answerTime(plan: SkipPlan, i: number): number {
  let t = plan.times[i]!;
  for (let q = 0; q < plan.queries; q++) {
    t = t + plan.latencies[2 * (i * plan.queries + q)]!;
    t = t + plan.latencies[2 * (i * plan.queries + q) + 1]!;
  }
  return t;
}

/** Counts the queries of the first `count` skipped refreshes at the plan's provider, when each arrives (`n` = −1 takes them back). */
export function countPlanQueries(plan: SkipPlan, count: number, n: number, load: LoadCounter): void {
  const queries = plan.queries;
  for (let i = 0; i < count; i++) {
    let t = plan.times[i]!;
    for (let q = 0; q < queries; q++) {
      const out = plan.latencies[2 * (i * queries + q)]!;
      const back = plan.latencies[2 * (i * queries + q) + 1]!;
      load.add(plan.provider, t + out, n);
      t = t + out;
      t = t + back;
    }
  }
}

/** Gives back the draws of skipped refreshes `from`… (they will run for real) and the gaps after them. */
export function givePlanBack(plan: SkipPlan, from: number, latencies: BufferedDraws, gaps: BufferedDraws): void {
  const perRefresh = 2 * plan.queries;
  latencies.giveBack(plan.latencies, from * perRefresh, plan.count * perRefresh);
  gaps.giveBack(plan.gaps, from, plan.count);
}

/**
 * The watched answer's state at `at` (not before the plan was made) as if the plan's skipped
 * refreshes had run: each one is in flight from its start for its queries' round trips, then
 * its answer lives until its expiry, and from the moment a lookup needs a resolution again
 * (`needMoment`: expiry or prefetch window) it is a miss until the next refresh starts.
 * `remaining` is the cache's TTL of an entry expiring at `expires`, as seen at `at`.
 */
export function plannedState(
  plan: SkipPlan,
  at: number,
  remaining: (expires: number, at: number) => number,
  needMoment: (expires: number, ttl: number) => number,
): PlannedState {
  let i = -1;
  while (i + 1 < plan.count && plan.times[i + 1]! <= at) i++;
  if (at >= plan.realAt) return { kind: 'miss' };
  let expires = plan.firstExpires;
  for (let k = 0; k <= i; k++) {
    const t = answerTime(plan, k);
    if (k === i && at < t) {
      // Refresh i is on its way. A prefetch leaves the old answer in the cache meanwhile.
      const left = remaining(expires, at);
      if (left >= 0) return { kind: 'hit', ttl: left };
      return { kind: 'in-flight', until: t, ttl: plan.lifetime };
    }
    expires = Math.floor(t) + plan.lifetime;
  }
  if (at >= needMoment(expires, plan.lifetime)) return { kind: 'miss' };
  return { kind: 'hit', ttl: remaining(expires, at) };
}
