/**
 * The moments at which the world changes: a zone version reaching a server, a server stopping,
 * going lame or moving. A resolver may skip refreshes only up to the next such moment (see
 * docs/simulation.md, "Skipping refreshes"), so every change is announced here when it is
 * decided, and resolvers that planned past it are told to cut their plans short.
 */

/** Told when a change is announced at a moment it had planned past. */
export interface ChangeListener {
  changeAnnounced(at: number, now: number): void;
}

export class ChangeHorizon {
  /**
   * Announced change times, ascending, all kept: a resolver's first lookup after an expiry asks
   * which changes came since (lastChangeIn). Changes are few (publications, server states).
   */
  private readonly times: number[] = [];
  /** Index of the first time not known to be in the past; the clock only moves forward. */
  private cursor = 0;
  private readonly listeners: ChangeListener[] = [];

  /** Registers a resolver (or anything that plans ahead) to hear about new changes. */
  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * Announces that the world changes at `at` (≥ `now`). Listeners are told at once, so a plan
   * that reaches past `at` can be cut before the change happens.
   */
  announce(at: number, now: number): void {
    if (!(at >= now)) throw new RangeError(`a world change announced at t=${now} s for the past (t=${at} s)`);
    const times = this.times;
    let i = times.length;
    while (i > 0 && times[i - 1]! > at) i--;
    times.splice(i, 0, at);
    for (const listener of this.listeners) listener.changeAnnounced(at, now);
  }

  /** The first announced change at or after `t`; Infinity when none. */
  nextChangeFrom(t: number): number {
    const times = this.times;
    // Callers ask with a non-decreasing clock, so the search resumes where the last one ended.
    let i = this.cursor;
    while (i < times.length && times[i]! < t) i++;
    this.cursor = i;
    return i < times.length ? times[i]! : Infinity;
  }

  /** The last announced change at c with `after` < c ≤ `upTo`; undefined when none. */
  lastChangeIn(after: number, upTo: number): number | undefined {
    const times = this.times;
    // Binary search for the first time > upTo.
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid]! <= upTo) lo = mid + 1;
      else hi = mid;
    }
    const last = times[lo - 1];
    return last !== undefined && last > after ? last : undefined;
  }
}
