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
 * small because small is fast: a part's nodes, caches and plans then stay in the CPU's caches,
 * and the two workers do not fight over memory. The reference replication (10,000 resolvers, 2
 * workers) took 57.8 s as 17 parts, 42 s as 34 and 36.0 s as 100; once a part's fixed cost (its
 * hierarchy, providers and read-out) was cut down, three runs each gave 26.8 s on average as 200
 * parts, 25.4 s as 286, 24.3–24.7 s as 400 and 24.9 s as 667 (bench/RESULTS.md). Parts are
 * added up as they come in (part-sums.ts), so their number costs no memory.
 */
import type { Scenario } from '../scenario/types.ts';

/** About this many resolvers per part. */
export const RESOLVERS_PER_PART = 25;
/** At most this many parts. */
export const MAX_PARTS = 1000;

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
