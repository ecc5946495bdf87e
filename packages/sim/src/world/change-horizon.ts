/**
 * The moments at which the world changes: a zone version reaching a server, a server stopping,
 * going lame or moving. A resolver may skip refreshes only up to the next such moment (see
 * docs/simulation.md, "Skipping refreshes"), so every change is announced here when it is
 * decided, and resolvers that planned past it are told to cut their plans short.
 *
 * A change belongs to one provider: it changes what that provider's servers answer (or whether
 * they answer) and nothing else. A skipped or repeated refresh that asks only other providers'
 * servers would go exactly as before it, so resolvers ask about the providers they rely on
 * (`scope`). The end of the run and the changes no provider owns are global: in every scope.
 */

/** The scope of a global change; as a query scope, every provider. */
export const ANY_PROVIDER = -1;

/** Providers (network provider indices) whose changes matter; undefined: every change matters. */
export type ChangeScope = readonly number[] | undefined;

/** Told when a change is announced at a moment it had planned past. */
export interface ChangeListener {
  /** The world changes at `at` (≥ `now`) for `provider`'s servers (ANY_PROVIDER: for everyone). */
  changeAnnounced(at: number, now: number, provider: number): void;
}

/** Whether a change of `provider` matters in `scope`. */
export function inScope(provider: number, scope: ChangeScope): boolean {
  return provider === ANY_PROVIDER || scope === undefined || scope.includes(provider);
}

export class ChangeHorizon {
  /**
   * Announced change times, ascending, all kept, and the provider each belongs to: a resolver's
   * first lookup after an expiry asks which changes came since (lastChangeIn). Changes are few
   * (publications, server states).
   */
  private readonly times: number[] = [];
  private readonly providers: number[] = [];
  private readonly listeners: ChangeListener[] = [];

  /** Registers a resolver (or anything that plans ahead) to hear about new changes. */
  subscribe(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /**
   * Announces that the world changes at `at` (≥ `now`) for `provider`'s servers. Listeners are
   * told at once, so a plan that reaches past `at` can be cut before the change happens.
   */
  announce(at: number, now: number, provider: number = ANY_PROVIDER): void {
    if (!(at >= now)) throw new RangeError(`a world change announced at t=${now} s for the past (t=${at} s)`);
    const times = this.times;
    let i = times.length;
    while (i > 0 && times[i - 1]! > at) i--;
    times.splice(i, 0, at);
    this.providers.splice(i, 0, provider);
    for (const listener of this.listeners) listener.changeAnnounced(at, now, provider);
  }

  /**
   * The first announced change at or after `t` in `scope`; Infinity when none. Resolvers that
   * run ahead of the clock (resolver-node.ts, "running ahead") ask about moments in the future,
   * so the search does not assume a forward-moving clock.
   */
  nextChangeFrom(t: number, scope?: ChangeScope): number {
    const times = this.times;
    for (let i = this.firstAfter(t, true); i < times.length; i++) if (inScope(this.providers[i]!, scope)) return times[i]!;
    return Infinity;
  }

  /** The last announced change at c with `after` < c ≤ `upTo` in `scope`; undefined when none. */
  lastChangeIn(after: number, upTo: number, scope?: ChangeScope): number | undefined {
    const times = this.times;
    for (let i = this.firstAfter(upTo, false) - 1; i >= 0 && times[i]! > after; i--) if (inScope(this.providers[i]!, scope)) return times[i]!;
    return undefined;
  }

  /** Index of the first change at or after `t` (`inclusive`), or strictly after it. */
  private firstAfter(t: number, inclusive: boolean): number {
    const times = this.times;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (inclusive ? times[mid]! < t : times[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
