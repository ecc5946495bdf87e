import { RRType } from '../constants.ts';
import type { Name } from '../name.ts';
import type { RR, RRset } from '../record.ts';
import type { Cache } from '../cache/cache.ts';

/**
 * A zone cut and what one resolution knows about its servers: the NS names, their addresses
 * (from glue or the cache), and which addresses have failed or stayed silent in this resolution
 * (after Unbound's `struct delegpt`).
 */
export class DelegationPoint {
  /** NS name → its known addresses; an empty list until looked up. */
  readonly addresses = new Map<Name, string[]>();
  // The per-resolution bookkeeping below is made on first use: most cuts a resolver builds (every
  // cache lookup of a cut, the simulation's checks) answer at the first server and never need it.
  #failed: Set<string> | undefined;
  #silent: Set<string> | undefined;
  #timedOut: Set<string> | undefined;
  #attempts: Map<string, number> | undefined;
  #lookedUp: Set<Name> | undefined;

  /** Addresses that answered lame (REFUSED, SERVFAIL, not authoritative, upward referral). */
  get failed(): Set<string> {
    return (this.#failed ??= new Set());
  }
  /** Addresses silent in the current round; cleared when a new round starts. */
  get silent(): Set<string> {
    return (this.#silent ??= new Set());
  }
  /** Addresses that timed out at least once in this resolution. */
  get timedOut(): Set<string> {
    return (this.#timedOut ??= new Set());
  }
  /** Queries sent per address, which doubles its next timeout. */
  get attempts(): Map<string, number> {
    return (this.#attempts ??= new Map());
  }
  /** NS names whose addresses this resolution tried to look up. */
  get lookedUp(): Set<Name> {
    return (this.#lookedUp ??= new Set());
  }
  /** When the first query to this cut timed out; the profile's silence budget counts from here. */
  silenceStart: number | undefined;

  constructor(
    readonly zone: Name,
    readonly nsNames: readonly Name[],
    /** Where the NS set came from, for traces. */
    readonly source: 'cache' | 'referral' | 'hints',
  ) {
    for (const ns of nsNames) this.addresses.set(ns, []);
  }

  /** From a cached NS set, with the addresses the cache holds for its names (any rank: glue counts). */
  static fromCache(ns: RRset, cache: Cache, now: number): DelegationPoint {
    const dp = new DelegationPoint(ns.name, ns.data as string[], 'cache');
    for (const name of dp.nsNames) dp.addCachedAddresses(name, cache, now);
    return dp;
  }

  /** From a referral's NS set and the glue that survived scrubbing. */
  static fromReferral(ns: RRset, glue: readonly RR[], cache: Cache, now: number): DelegationPoint {
    const dp = new DelegationPoint(ns.name, ns.data as string[], 'referral');
    for (const rr of glue) dp.addAddress(rr.name, rr.data as string);
    for (const name of dp.nsNames) if (dp.addresses.get(name)!.length === 0) dp.addCachedAddresses(name, cache, now);
    return dp;
  }

  /** From root hints: NS records at the root and the addresses of their targets. */
  static fromHints(hints: readonly RR[]): DelegationPoint {
    const names = hints.filter((rr) => rr.type === RRType.NS && rr.name === '.').map((rr) => rr.data as string);
    const dp = new DelegationPoint('.', names, 'hints');
    for (const rr of hints) if (rr.type === RRType.A || rr.type === RRType.AAAA) dp.addAddress(rr.name, rr.data as string);
    return dp;
  }

  private addCachedAddresses(name: Name, cache: Cache, now: number): void {
    const a = cache.get(name, RRType.A, now);
    if (a) for (const address of a.rrset.data) this.addAddress(name, address as string);
    const aaaa = cache.get(name, RRType.AAAA, now);
    if (aaaa) for (const address of aaaa.rrset.data) this.addAddress(name, address as string);
  }

  addAddress(nsName: Name, address: string): void {
    const list = this.addresses.get(nsName);
    if (list !== undefined && !list.includes(address)) list.push(address);
  }

  /** Addresses not yet failed or silent in this round, skipping those `skip` rules out. */
  candidates(skip: (address: string) => boolean): string[] {
    const out: string[] = [];
    const failed = this.#failed;
    const silent = this.#silent;
    for (const list of this.addresses.values()) {
      for (const a of list) {
        if (failed?.has(a) || silent?.has(a) || skip(a) || out.includes(a)) continue;
        out.push(a);
      }
    }
    return out;
  }

  /** NS names with no known address that have not been looked up yet. */
  unresolvedNames(): Name[] {
    const out: Name[] = [];
    for (const [name, list] of this.addresses) if (list.length === 0 && !this.#lookedUp?.has(name)) out.push(name);
    return out;
  }
}
