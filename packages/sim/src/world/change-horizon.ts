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
  /** Announced change times, ascending; times already past are dropped lazily. */
  private readonly times: number[] = [];
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
    let drop = 0;
    while (drop < times.length && times[drop]! < t) drop++;
    // Callers ask with a non-decreasing clock, so a change before `t` is never asked about again.
    if (drop > 0) times.splice(0, drop);
    return times.length > 0 ? times[0]! : Infinity;
  }
}
