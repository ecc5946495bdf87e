/**
 * A replication's resolvers never affect each other or the world: servers answer from their zone
 * versions, which only the plan changes, and every draw comes from a stream named after its
 * entity. So a replication can be simulated in parts, each a world with the whole hierarchy,
 * every provider and the plan, but only some of the resolvers (a forwarder goes with the
 * resolver it forwards to); the parts' lookup integrals, resolver integrals and query counts add
 * up to the whole's. Parts are what worker threads share out, so one large replication uses every
 * core, and what one thread runs in turn, so its memory is a part's.
 *
 * The number of parts depends on the scenario alone, never on the workers, so the same scenario
 * and seed give the same sums in the same order: byte-identical output on any machine. Parts are
 * small because small is fast: a part's resolvers, caches and plans fit the CPU caches and the
 * young heap far better than 30,000 nodes do. The reference replication (10,000 resolvers) took
 * 78 s on 2 workers as 4 parts, 67 s as 8, 59 s as 33 and 58 s as 67 (bench/RESULTS.md).
 */
import type { Scenario } from '../scenario/types.ts';

/** About this many resolvers per part. */
export const RESOLVERS_PER_PART = 300;
/** At most this many parts. */
export const MAX_PARTS = 64;

/** One part of a replication: resolvers whose population index is `index` modulo `count`. */
export interface Part {
  index: number;
  count: number;
}

/** How many parts a replication of `scenario` is simulated in. */
export function partCount(scenario: Scenario): number {
  return Math.max(1, Math.min(MAX_PARTS, Math.ceil(scenario.resolvers.count / RESOLVERS_PER_PART)));
}

/** Whether the resolver at population index `entity` belongs to `part` (every one does when there is no part). */
export function inPart(entity: number, part: Part | undefined): boolean {
  return part === undefined || entity % part.count === part.index;
}
