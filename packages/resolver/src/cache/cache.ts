import { RRClass, RRType } from '../constants.ts';
import type { Name } from '../name.ts';
import type { RRset, SoaData } from '../record.ts';
import { NameSlots } from './name-slots.ts';
import { Rank, isAnswerRank } from './rank.ts';
import {
  expiryFor,
  negativeTtl,
  positiveTtl,
  remainingTtl,
  withinStaleWindow,
  type TtlPolicy,
} from './ttl-policy.ts';

/** Where cached data came from, for traces and for the simulation's "which provider answered". */
export interface CacheOrigin {
  server?: string;
  zone?: Name;
}

export interface PositiveEntry {
  /** The RRset as it arrived; its `ttl` is the server's, not the cache's. */
  readonly rrset: RRset;
  /** The lifetime granted by the TTL policy (and the ghost-domain clamp). */
  readonly ttl: number;
  /** Integer second at which the entry reads TTL 0. */
  readonly expires: number;
  readonly rank: Rank;
  readonly storedAt: number;
  readonly server: string | undefined;
  readonly zone: Name | undefined;
}

export type NegativeKind = 'nxdomain' | 'nodata';

export interface NegativeEntry {
  readonly kind: NegativeKind;
  readonly name: Name;
  /** The type asked for; for NXDOMAIN every type of the name is covered. */
  readonly type: number;
  /** The SOA that came with the negative answer, returned in the authority section (RFC 2308 §5). */
  readonly soa: RRset;
  readonly ttl: number;
  readonly expires: number;
  readonly rank: Rank;
  readonly storedAt: number;
  readonly server: string | undefined;
  readonly zone: Name | undefined;
}

/**
 * A store the cache was asked to make, as a store listener hears it: what was offered, not what
 * was kept (the cache decides that). The simulation records a refresh's stores to replay them
 * later at other times, through the same rules.
 */
export type StoreCall =
  | { readonly kind: 'rrset'; readonly rrset: RRset; readonly rank: Rank; readonly origin: CacheOrigin }
  | { readonly kind: 'delegation'; readonly rrset: RRset; readonly origin: CacheOrigin }
  | { readonly kind: 'negative' }
  | { readonly kind: 'servfail' };

export type StoreListener = (call: StoreCall, now: number) => void;

/** Map keys: `name|type`, with the class appended only when it is not IN (the common case stays short). */
export function cacheKey(name: Name, type: number, cls: number = RRClass.IN): string {
  return cls === RRClass.IN ? `${name}|${type}` : `${name}|${type}|${cls}`;
}

function nxdomainKey(name: Name, cls: number): string {
  return cls === RRClass.IN ? `${name}|nx` : `${name}|nx|${cls}`;
}

/**
 * Where a positive entry sits in the cache's entry list: by owner name, then by `typeSlot`. Keyed
 * by the name alone, the hot lookups build no key: an owner name is a string the resolver already
 * holds (so its hash is cached).
 */
type PositiveIndex = Map<Name, NameSlots>;

/** The type, with the class above it when it is not IN. */
function typeSlot(type: number, cls: number): number {
  return cls === RRClass.IN ? type : cls * 0x10000 + type;
}

/**
 * A resolver's cache: positive RRsets and negative answers by (name, type, class), ranked by
 * credibility (RFC 2181 §5.4.1) and aged against the `now` each call is given. Expired entries stay
 * until the stale window (RFC 8767) has passed too, so that a failing resolution can serve them;
 * `sweep` reclaims the rest.
 *
 * A parent-centric resolver keeps delegations apart from answers (BIND 9.21's delegation
 * database); `storeDelegation` and `delegation` are that second store.
 */
export class Cache {
  private readonly positive: PositiveIndex = new Map();
  /**
   * The positive entries themselves, in the order their (name, type) was first stored. A flat
   * list because the simulation walks every entry after each refresh, and an array walks faster
   * than a map of maps.
   */
  private positiveEntries: PositiveEntry[] = [];
  private readonly negative = new Map<string, NegativeEntry>();
  private readonly delegations = new Map<string, PositiveEntry>();
  private readonly servfails = new Map<string, number>();
  /**
   * Bumped when entries change position in `entryList` (a sweep or a clear): positions read
   * before are then stale.
   */
  generation = 0;
  /** Told of every store call while set (none by default: the hot path pays one test). */
  storeListener: StoreListener | undefined;

  constructor(readonly policy: TtlPolicy) {}

  /** The live entry for (name, type), or undefined. Allocation-free. */
  get(name: Name, type: number, now: number, cls: number = RRClass.IN): PositiveEntry | undefined {
    const entry = this.stored(name, typeSlot(type, cls));
    if (entry === undefined || remainingTtl(entry.expires, now, this.policy.expiry) < 0) return undefined;
    return entry;
  }

  /** Like `get`, but only data a client may be answered from (not glue or referral NS sets). */
  getAnswer(name: Name, type: number, now: number, cls: number = RRClass.IN): PositiveEntry | undefined {
    const entry = this.get(name, type, now, cls);
    return entry !== undefined && isAnswerRank(entry.rank) ? entry : undefined;
  }

  /** An expired answer-ranked entry still inside the stale window (RFC 8767); live entries too. */
  getStale(name: Name, type: number, now: number, cls: number = RRClass.IN): PositiveEntry | undefined {
    const entry = this.stored(name, typeSlot(type, cls));
    if (entry === undefined || !isAnswerRank(entry.rank)) return undefined;
    if (remainingTtl(entry.expires, now, this.policy.expiry) >= 0) return entry;
    return withinStaleWindow(entry.expires, now, this.policy) ? entry : undefined;
  }

  /** The TTL an entry shows at `now`: −1 once it is no longer served. */
  remaining(entry: { expires: number }, now: number): number {
    return remainingTtl(entry.expires, now, this.policy.expiry);
  }

  /**
   * Stores an RRset at `rank`. Returns the new entry, or undefined when unexpired data of a higher
   * rank is kept instead. An NS set replacing an unexpired one is clamped to the old expiry as the
   * policy's ghost-domain clamp says.
   */
  store(rrset: RRset, rank: Rank, now: number, origin: CacheOrigin = {}): PositiveEntry | undefined {
    this.storeListener?.({ kind: 'rrset', rrset, rank, origin }, now);
    let slots = this.positive.get(rrset.name);
    const slot = typeSlot(rrset.type, rrset.class);
    const at = slots === undefined ? -1 : slots.get(slot);
    const existing = at < 0 ? undefined : this.positiveEntries[at];
    const entry = this.makeEntry(rrset, rank, now, origin, existing, false);
    if (entry === undefined) return undefined;
    if (at >= 0) this.positiveEntries[at] = entry;
    else {
      if (slots === undefined) {
        slots = new NameSlots();
        this.positive.set(rrset.name, slots);
      }
      slots.set(slot, this.positiveEntries.length);
      this.positiveEntries.push(entry);
    }
    // Only answer data displaces a negative answer; most stores (glue, referrals) find none to drop.
    if (isAnswerRank(rank) && this.negative.size > 0) {
      this.negative.delete(cacheKey(rrset.name, rrset.type, rrset.class));
      this.negative.delete(nxdomainKey(rrset.name, rrset.class));
    }
    return entry;
  }

  /** The stored positive entry at (name, slot), expired or not. */
  private stored(name: Name, slot: number): PositiveEntry | undefined {
    const slots = this.positive.get(name);
    if (slots === undefined) return undefined;
    const at = slots.get(slot);
    return at < 0 ? undefined : this.positiveEntries[at];
  }

  /** The live delegation (NS set learnt from the parent) for a zone in the separate delegation store. */
  delegation(zone: Name, now: number): PositiveEntry | undefined {
    const entry = this.delegations.get(zone);
    if (entry === undefined || remainingTtl(entry.expires, now, this.policy.expiry) < 0) return undefined;
    return entry;
  }

  /** Stores a referral's NS set in the delegation store (parent-centric resolvers only). */
  storeDelegation(rrset: RRset, now: number, origin: CacheOrigin = {}): PositiveEntry | undefined {
    this.storeListener?.({ kind: 'delegation', rrset, origin }, now);
    const entry = this.makeEntry(rrset, Rank.Referral, now, origin, this.delegations.get(rrset.name), true);
    if (entry !== undefined) this.delegations.set(rrset.name, entry);
    return entry;
  }

  private makeEntry(
    rrset: RRset,
    rank: Rank,
    now: number,
    origin: CacheOrigin,
    existing: PositiveEntry | undefined,
    isDelegation: boolean,
  ): PositiveEntry | undefined {
    const live = existing !== undefined && remainingTtl(existing.expires, now, this.policy.expiry) >= 0;
    if (live && rank < existing.rank) return undefined;
    const ttl = positiveTtl(rrset.ttl, this.policy, isDelegation);
    let expires = expiryFor(now, ttl);
    if (live && rrset.type === RRType.NS && this.clampApplies(existing.rank)) {
      expires = this.policy.ghostClamp === 'keep' ? existing.expires : Math.min(expires, existing.expires);
    }
    return {
      rrset,
      ttl: expires - Math.floor(now),
      expires,
      rank,
      storedAt: now,
      server: origin.server,
      zone: origin.zone,
    };
  }

  private clampApplies(existingRank: Rank): boolean {
    switch (this.policy.ghostClamp) {
      case 'keep':
      case 'all':
        return true;
      case 'authoritative-only':
        return existingRank >= Rank.AuthAuthority;
      case 'none':
        return false;
    }
  }

  /** The live negative answer covering (name, type): an NXDOMAIN for the name, else a NODATA. */
  getNegative(name: Name, type: number, now: number, cls: number = RRClass.IN): NegativeEntry | undefined {
    if (this.negative.size === 0) return undefined;
    const nx = this.negative.get(nxdomainKey(name, cls));
    if (nx !== undefined && remainingTtl(nx.expires, now, this.policy.expiry) >= 0) return nx;
    const nodata = this.negative.get(cacheKey(name, type, cls));
    if (nodata !== undefined && remainingTtl(nodata.expires, now, this.policy.expiry) >= 0) return nodata;
    return undefined;
  }

  /** A negative answer still inside the stale window (RFC 8767 §4 allows serving those too). */
  getStaleNegative(name: Name, type: number, now: number, cls: number = RRClass.IN): NegativeEntry | undefined {
    for (const key of [nxdomainKey(name, cls), cacheKey(name, type, cls)]) {
      const e = this.negative.get(key);
      if (e === undefined) continue;
      if (remainingTtl(e.expires, now, this.policy.expiry) >= 0 || withinStaleWindow(e.expires, now, this.policy)) return e;
    }
    return undefined;
  }

  /**
   * Stores a negative answer. Its lifetime is min(SOA TTL, SOA minimum) bounded by the policy
   * (RFC 2308 §5); a response without an SOA must not be cached, so `soa` is required.
   */
  storeNegative(
    kind: NegativeKind,
    name: Name,
    type: number,
    soa: RRset,
    rank: Rank,
    now: number,
    origin: CacheOrigin = {},
    cls: number = RRClass.IN,
  ): NegativeEntry {
    this.storeListener?.({ kind: 'negative' }, now);
    const soaData = soa.data[0] as SoaData;
    const ttl = negativeTtl(soa.ttl, soaData, this.policy);
    const expires = expiryFor(now, ttl);
    const entry: NegativeEntry = {
      kind,
      name,
      type,
      soa,
      ttl,
      expires,
      rank,
      storedAt: now,
      server: origin.server,
      zone: origin.zone,
    };
    this.negative.set(kind === 'nxdomain' ? nxdomainKey(name, cls) : cacheKey(name, type, cls), entry);
    return entry;
  }

  /** Remembers that resolving (name, type) failed, for `ttl` seconds (BIND caches SERVFAIL for 1 s). */
  storeServfail(name: Name, type: number, now: number, ttl: number): void {
    this.storeListener?.({ kind: 'servfail' }, now);
    if (ttl > 0) this.servfails.set(cacheKey(name, type), now + ttl);
  }

  hasServfail(name: Name, type: number, now: number): boolean {
    if (this.servfails.size === 0) return false;
    const until = this.servfails.get(cacheKey(name, type));
    return until !== undefined && now < until;
  }

  /** Whether some negative answer or remembered SERVFAIL is live at `now`: a resolution may read it. */
  hasLiveFailureData(now: number): boolean {
    for (const entry of this.negative.values()) if (remainingTtl(entry.expires, now, this.policy.expiry) >= 0) return true;
    for (const until of this.servfails.values()) if (now < until) return true;
    return false;
  }

  /** Drops every entry past expiry and stale window; returns how many went. */
  sweep(now: number): number {
    let removed = 0;
    const t = Math.floor(now);
    const keepUntil = this.policy.staleWindow;
    const kept: PositiveEntry[] = [];
    for (const entry of this.positiveEntries) {
      if (t > entry.expires + keepUntil) removed++;
      else kept.push(entry);
    }
    if (kept.length < this.positiveEntries.length) {
      this.generation++;
      this.positive.clear();
      this.positiveEntries = [];
      for (const entry of kept) this.index(entry);
    }
    for (const map of [this.negative, this.delegations] as Map<string, { expires: number }>[]) {
      for (const [key, entry] of map) {
        if (t > entry.expires + keepUntil) {
          map.delete(key);
          removed++;
        }
      }
    }
    for (const [key, until] of this.servfails) if (now >= until) this.servfails.delete(key);
    return removed;
  }

  /** Appends `entry` to the entry list and the index (the sweep rebuilds both from the survivors). */
  private index(entry: PositiveEntry): void {
    const { name, type } = entry.rrset;
    let slots = this.positive.get(name);
    if (slots === undefined) {
      slots = new NameSlots();
      this.positive.set(name, slots);
    }
    slots.set(typeSlot(type, entry.rrset.class), this.positiveEntries.length);
    this.positiveEntries.push(entry);
  }

  /** Number of stored entries, expired ones not yet swept included. */
  get size(): number {
    return this.positiveEntries.length + this.negative.size + this.delegations.size;
  }

  /** Forgets everything (a resolver restart). */
  clear(): void {
    this.generation++;
    this.positive.clear();
    this.positiveEntries = [];
    this.negative.clear();
    this.delegations.clear();
    this.servfails.clear();
  }

  /**
   * The positive entries, expired ones included, each (name, type, class) at a fixed position
   * (the order it was first stored in) until the next sweep or clear bumps `generation`. The
   * simulation compares cache states position by position.
   */
  entryList(): readonly PositiveEntry[] {
    return this.positiveEntries;
  }

  /** Position of (name, type, class) in `entryList`, or −1 when it was never stored. */
  positionOf(name: Name, type: number, cls: number = RRClass.IN): number {
    const slots = this.positive.get(name);
    return slots === undefined ? -1 : slots.get(typeSlot(type, cls));
  }

  /**
   * Puts `entry` back at `position` in `entryList`, where a later store replaced it. For a caller
   * that made stores ahead of time and takes them back (the simulation's resolvers running ahead
   * of the clock); `entry` must be the one that was there, of the same name, type and class.
   */
  restoreAt(position: number, entry: PositiveEntry): void {
    const current = this.positiveEntries[position];
    if (current === undefined || current.rrset.name !== entry.rrset.name || current.rrset.type !== entry.rrset.type || current.rrset.class !== entry.rrset.class) {
      throw new RangeError(`cache position ${position} does not hold ${entry.rrset.name} type ${entry.rrset.type}`);
    }
    this.positiveEntries[position] = entry;
  }

  /** Number of negative answers held, expired ones not yet swept included. */
  get negativeCount(): number {
    return this.negative.size;
  }

  /** Every positive entry, for dumps and tests (`unbound-control dump_cache`). */
  entries(): IterableIterator<PositiveEntry> {
    return this.positiveEntries.values();
  }
}
