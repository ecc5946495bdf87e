/**
 * Running ahead of the clock (docs/simulation.md): after a repeat, a node does at once what its
 * following refreshes would do at their times, while each would be a repeat of the same cycle.
 * What it did must be undone exactly if a change is announced for a moment it reached; this file
 * holds the record of each refresh run ahead and the log of the cache entries their stores
 * replaced. The node (resolver-node.ts) runs ahead and takes back.
 */
import type { Cache, PositiveEntry, RRset } from '@cutover/resolver';
import type { Cycle, RepeatInFlight } from './refresh-template.ts';
import type { SkipPlan } from './skip-plan.ts';

/**
 * Most refreshes a node runs ahead of the clock at once. Only a bound on the work a change
 * announced meanwhile may take back; where it stops, the next refresh is an event, as usual.
 */
export const MAX_AHEAD = 16;

/** The cheap check's facts after a repeat (refresh-template.ts, stillSameState). */
export interface Verified {
  cycle: Cycle;
  until: number;
}

/**
 * A refresh run ahead of the clock: at `at` the plan before it ends and a repeat starts; what
 * undoing it needs is kept with it (the node state before and during the repeat, where its
 * stores begin in the undo log, and the arrival gap drawn after it).
 */
export interface AheadLink {
  at: number;
  plan: SkipPlan | undefined;
  repeat: RepeatInFlight | undefined;
  gapAfter: number;
  verifiedBefore: Verified | undefined;
  verifiedAfter: Verified | undefined;
  neededFromBefore: number;
  neededFromMid: number;
  undoFlush: number;
  undoRepeat: number;
}

export function emptyLink(): AheadLink {
  return { at: 0, plan: undefined, repeat: undefined, gapAfter: 0, verifiedBefore: undefined, verifiedAfter: undefined, neededFromBefore: 0, neededFromMid: 0, undoFlush: 0, undoRepeat: 0 };
}

/**
 * The cache entries that stores made while running ahead replaced, in store order. Stores ahead
 * only replace entries (the positions of a template's stores and of the watched answer exist),
 * so taking them back is putting the old entries back where they were, last first.
 */
export class UndoLog {
  private readonly positions: number[] = [];
  private readonly entries: PositiveEntry[] = [];
  /** Entries in use: the arrays are kept at their longest, so taking back never resizes them. */
  private size = 0;

  /** Where the next store goes in the log: a mark to take back to. */
  get length(): number {
    return this.size;
  }

  /** Notes the entry a store of `rrset` is about to replace. */
  note(cache: Cache, rrset: RRset): void {
    const position = cache.positionOf(rrset.name, rrset.type, rrset.class);
    if (position < 0) throw new Error(`running ahead, a store to ${rrset.name} type ${rrset.type} found no entry to take back to`);
    this.positions[this.size] = position;
    this.entries[this.size] = cache.entryList()[position]!;
    this.size++;
  }

  /** Puts back the entries that stores since `mark` replaced, last first. */
  undoTo(cache: Cache, mark: number): void {
    for (let i = this.size - 1; i >= mark; i--) cache.restoreAt(this.positions[i]!, this.entries[i]!);
    this.size = Math.min(this.size, mark);
  }

  clear(): void {
    this.size = 0;
  }
}
