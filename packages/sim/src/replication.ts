/**
 * What one replication of a scenario yields: plain per-bin series, before anything is averaged.
 * Replications are combined into a Result (mean and percentiles) only at the end, and shards of a
 * study carry these so `cutover merge` can join them exactly.
 */
import type { TimelineEntry } from './result.ts';

/** One number per bin for each answer class. */
export interface ClassArrays {
  new: number[];
  old: number[];
  failed: number[];
  stale: number[];
}

export interface NameReplication {
  name: string;
  /** Record type, e.g. "A". */
  type: string;
  /** Share of client lookups (behind their stub caches) of each class per bin; they add up to 1 in a bin with lookups. */
  shares: ClassArrays;
  /** Client lookups per bin (expected count), the weight behind the shares. */
  lookups: number[];
}

export interface ReplicationOutput {
  replication: number;
  /** When the registrar submitted the delegation change, seconds from the start; null if the plan has none. */
  changeAt: number | null;
  /** One per watched name, in the scenario's order. */
  byName: NameReplication[];
  /** Share of resolvers whose cached delegation points at each side per bin. */
  resolverShares: ClassArrays;
  /** Queries per second arriving at each provider's servers per bin, by provider name. */
  load: Record<string, number[]>;
  /** Resolver-side share of lookups answered from the new provider, per mix label, first watched name. */
  byProfile: Record<string, number[]>;
  /** Resolver-side lookups per bin per mix label, first watched name: the weights behind byProfile. */
  byProfileLookups: Record<string, number[]>;
  /** The plan's actions and the waits they opened, as they happened in this replication. */
  timeline: TimelineEntry[];
}
