/**
 * Repeating a refresh that re-learns what expired (docs/simulation.md, "Repeating a refresh").
 *
 * A skip plan ends where an entry a refresh relies on expires: typically the zone's NS set, when
 * the child's TTL is short. The refresh after it asks the parent again, stores the same
 * delegation, addresses and answer, and so on every cycle. Such a refresh is a function of what
 * it reads (the live cache entries, the servers' zones) and of its latencies. When, at a later
 * boundary, the live cache holds the same entries as when it ran, the world has not changed since,
 * and any server it might pick answers alike, the refresh would ask the same providers, get the
 * same replies and offer the cache the same stores. So it is not run: its store calls are made
 * again, through the cache's own rules, at the times its replies would come back with the
 * latencies drawn now.
 *
 * This file holds the template (what such a refresh did) and the checks; `ResolverNode` decides
 * when to record and when to repeat one.
 */
import { RRType, selfAndAncestors, type Cache, type Message, type Name, type PositiveEntry, type RData, type Recursor, type StoreCall } from '@cutover/resolver';
import type { AnswerClass } from './answer-class.ts';
import type { Network } from './network.ts';
import type { SkipSource } from './skip-plan.ts';

/** A store call a refresh made, after the reply to query `reply` (−1: before any reply). */
export interface TemplateStore {
  readonly reply: number;
  readonly call: Extract<StoreCall, { kind: 'rrset' | 'delegation' }>;
}

/** A refresh that ran for real and may be repeated. */
export interface RefreshTemplate {
  readonly start: number;
  /** Per query, in order: the provider that answered it and the timeout it was sent with. */
  readonly providers: readonly number[];
  readonly limits: readonly number[];
  /** The providers it asked, once each: only their changes could change a repeat of it. */
  readonly scope: readonly number[];
  readonly stores: readonly TemplateStore[];
  /** When it began: the cache's live positive entries by position (undefined: dead or absent). */
  readonly before: CacheSnapshot;
  /** Positions it offered the cache a store at (more than `before` covers when it added names): as flags, and listed. */
  readonly written: Uint8Array;
  readonly writtenPositions: readonly number[];
  /** Position of the watched answer, which was not live when it began. */
  readonly watched: number;
  /** A parent-centric resolver's live delegations of the watched name's zones when it began, and the zones it stored. */
  readonly delegations: ReadonlyMap<Name, PositiveEntry>;
  readonly writtenDelegations: ReadonlySet<Name>;
  /** The answer class it gave and the side its cached delegation pointed at, before and after. */
  readonly cls: AnswerClass;
  readonly side: AnswerClass | undefined;
}

/** Cycles a node keeps. Only a bound on the work of finding one: where none matches, the refresh runs for real. */
export const MAX_CYCLES = 4;

/**
 * A refresh that re-learns what expired, followed by a clean one: at the boundary where the
 * plan after the clean one ends, the first may be repeated from its template, and the second
 * then makes the next plan.
 */
export interface Cycle {
  template: RefreshTemplate;
  clean: SkipSource;
}

/** A refresh repeated from its template, between its start and its last reply. */
export interface RepeatInFlight {
  cycle: Cycle;
  start: number;
  /** The latencies drawn for it, in draw order (out, back per query). */
  draws: Float64Array;
  /** When each query reaches its server, and when its reply comes back. */
  arrivals: Float64Array;
  replies: Float64Array;
}

/** When a repeat's last reply comes: its end. */
export function lastReply(repeat: RepeatInFlight): number {
  return repeat.replies[repeat.replies.length - 1]!;
}

/** The live positive entries of a cache by position at one moment, and the positions' generation. */
export interface CacheSnapshot {
  readonly generation: number;
  readonly live: readonly (PositiveEntry | undefined)[];
}

/** The live positive entries by position at `now`. */
export function snapshot(cache: Cache, now: number): CacheSnapshot {
  const list = cache.entryList();
  const live = new Array<PositiveEntry | undefined>(list.length);
  for (let i = 0; i < list.length; i++) live[i] = cache.remaining(list[i]!, now) >= 0 ? list[i] : undefined;
  return { generation: cache.generation, live };
}

/** No delegations: what `liveDelegations` gives for a resolver that keeps none apart. */
export const NO_DELEGATIONS: ReadonlyMap<Name, PositiveEntry> = new Map();

/** A parent-centric resolver's live delegations of `watch`'s zones at `now` (what `findCut` reads); empty for others. */
export function liveDelegations(recursor: Recursor, watch: Name, now: number): ReadonlyMap<Name, PositiveEntry> {
  if (!recursor.profile.delegation.parentCentric) return NO_DELEGATIONS;
  const out = new Map<Name, PositiveEntry>();
  for (const zone of selfAndAncestors(watch)) {
    const entry = recursor.cache.delegation(zone, now);
    if (entry !== undefined) out.set(zone, entry);
  }
  return out;
}

/**
 * Makes the template of a refresh of `watch` that began with `before` (and `delegations`) live,
 * made `stores`, and ended with `cache` as it is now; undefined when one of its stores cannot be
 * repeated (a negative answer or a SERVFAIL remembered: those are failures, never repeated) or
 * the watched answer was live when it began.
 */
export function makeTemplate(
  fields: Pick<RefreshTemplate, 'start' | 'providers' | 'limits' | 'before' | 'delegations' | 'cls' | 'side'>,
  stores: readonly { reply: number; call: StoreCall }[],
  cache: Cache,
  watch: { name: Name; type: number },
): RefreshTemplate | undefined {
  if (cache.generation !== fields.before.generation) return undefined;
  const watched = cache.positionOf(watch.name, watch.type);
  if (watched < 0 || fields.before.live[watched] !== undefined) return undefined;
  const kept: TemplateStore[] = [];
  const written = new Uint8Array(cache.entryList().length);
  const writtenDelegations = new Set<Name>();
  for (const { reply, call } of stores) {
    if (call.kind === 'rrset') {
      const at = cache.positionOf(call.rrset.name, call.rrset.type, call.rrset.class);
      if (at < 0) return undefined;
      written[at] = 1;
    } else if (call.kind === 'delegation') writtenDelegations.add(call.rrset.name);
    else return undefined;
    kept.push({ reply, call });
  }
  const writtenPositions: number[] = [];
  for (let at = 0; at < written.length; at++) if (written[at] === 1) writtenPositions.push(at);
  const scope: number[] = [];
  for (const provider of fields.providers) if (!scope.includes(provider)) scope.push(provider);
  return {
    start: fields.start,
    providers: fields.providers,
    limits: fields.limits,
    stores: kept,
    before: fields.before,
    written,
    writtenPositions,
    watched,
    delegations: fields.delegations,
    writtenDelegations,
    cls: fields.cls,
    side: fields.side,
    scope,
  };
}

/**
 * Whether the cache at `now` would make the template's refresh do what it did. Each live entry
 * must be the one it read, or one that reads and is replaced alike (`sameReplacement`). No entry
 * may be live now that was not then, and the watched answer must not be live.
 */
export function sameStateAs(template: RefreshTemplate, cache: Cache, delegations: ReadonlyMap<Name, PositiveEntry>, now: number): boolean {
  if (cache.generation !== template.before.generation) return false;
  const list = cache.entryList();
  const before = template.before.live;
  const written = template.written;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    const then = i < before.length ? before[i] : undefined;
    if (cache.remaining(entry, now) < 0) {
      if (then !== undefined) return false;
      continue;
    }
    if (then === undefined || i === template.watched) return false;
    if (entry !== then && !sameReplacement(entry, then, i < written.length && written[i] === 1)) return false;
  }
  if (delegations.size !== template.delegations.size) return false;
  for (const [zone, entry] of delegations) {
    const then = template.delegations.get(zone);
    if (then === undefined) return false;
    if (entry !== then && !sameReplacement(entry, then, template.writtenDelegations.has(zone))) return false;
  }
  return true;
}

/**
 * The earliest expiry among the live entries at `now` that the template does not store to; Infinity
 * when there is none. While they are not replaced, the state at a later moment differs from the
 * state at `now` only at the positions the template stores to, and in these entries' expiry.
 */
export function unwrittenLiveUntil(template: RefreshTemplate, cache: Cache, now: number): number {
  const list = cache.entryList();
  const written = template.written;
  let until = Infinity;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    if ((i >= written.length || written[i] === 0) && cache.remaining(entry, now) >= 0) until = Math.min(until, entry.expires);
  }
  return until;
}

/**
 * `sameStateAs` and `nothingExpires` for a resolver that is not parent-centric, given that the
 * cache was in the template's state at an earlier moment and since then only the positions the
 * template stores to were stored to: those positions are checked, and the entries at the others
 * (unchanged, so still the ones the template read, or dead) must all live until `end`, which
 * `until` (unwrittenLiveUntil at that moment) says.
 */
export function stillSameState(template: RefreshTemplate, cache: Cache, until: number, now: number, end: number): boolean {
  if (cache.generation !== template.before.generation || cache.remaining({ expires: until }, end) < 0) return false;
  const list = cache.entryList();
  const before = template.before.live;
  for (const i of template.writtenPositions) {
    const entry = list[i]!;
    const then = i < before.length ? before[i] : undefined;
    if (cache.remaining(entry, now) < 0) {
      if (then !== undefined) return false;
      continue;
    }
    if (then === undefined || i === template.watched || cache.remaining(entry, end) < 0) return false;
    if (entry !== then && !sameReplacement(entry, then, true)) return false;
  }
  return true;
}

/** Whether every entry live at `now` (positive, or one of `delegations`) is still live at `end`: a refresh running until then reads them all. */
export function nothingExpires(cache: Cache, delegations: ReadonlyMap<Name, PositiveEntry>, now: number, end: number): boolean {
  for (const entry of cache.entryList()) if (cache.remaining(entry, now) >= 0 && cache.remaining(entry, end) < 0) return false;
  for (const entry of delegations.values()) if (cache.remaining(entry, end) < 0) return false;
  return true;
}

/**
 * Whether entry `a`, live now where `b` was live then, leaves a refresh unchanged: the iterator
 * reads only whether an entry is live and what it holds, so the same rank and data read alike;
 * a store replaces them alike too, except an NS set's (`written`), clamped to the old expiry,
 * which the two do not share.
 */
function sameReplacement(a: PositiveEntry, b: PositiveEntry, written: boolean): boolean {
  return !(written && a.rrset.type === RRType.NS) && a.rank === b.rank && sameData(a, b);
}

/** Same RRset content (owner, type, class, TTL and data): stored alike, read alike. */
export function sameData(a: PositiveEntry, b: PositiveEntry): boolean {
  const x = a.rrset;
  const y = b.rrset;
  if (x === y) return true;
  return x.name === y.name && x.type === y.type && x.class === y.class && x.ttl === y.ttl && sameRecords(x.data, y.data);
}

/** The same records in the same order: names and addresses compared as strings, other data by value. */
export function sameRecords(x: readonly RData[], y: readonly RData[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const u = x[i];
    const v = y[i];
    if (u !== v && (typeof u === 'string' || typeof v === 'string' || JSON.stringify(u) !== JSON.stringify(v))) return false;
  }
  return true;
}

/** The live entries of `state` in cache order, then its delegations: what `liveEntries` lists, without a second walk of the cache. */
export function liveList(state: { cache: CacheSnapshot; delegations: ReadonlyMap<Name, PositiveEntry> }): PositiveEntry[] {
  const out: PositiveEntry[] = [];
  for (const entry of state.cache.live) if (entry !== undefined) out.push(entry);
  for (const entry of state.delegations.values()) out.push(entry);
  return out;
}

/** Whether every entry of `live` (undefined ones skipped) is still served at `at`: a refresh ending then read them all. */
export function allLiveAt(cache: Cache, live: Iterable<PositiveEntry | undefined>, at: number): boolean {
  for (const entry of live) if (entry !== undefined && cache.remaining(entry, at) < 0) return false;
  return true;
}

/**
 * Whether any server a refresh might pick answers as the one it picked: for every NS set it
 * could use (each live one in the cache, and each in the replies it got, with their glue), the
 * servers' IPv4 addresses all reach servers that are up and belong to one provider. The
 * iterator picks at random among a cut's addresses, so with two providers behind one cut, or a
 * silent address, another pick would be another refresh.
 */
export function serversInterchangeable(recursor: Recursor, network: Network, replies: readonly Message[], watch: Name, now: number): boolean {
  const cache = recursor.cache;
  for (const entry of cache.entries()) {
    if (entry.rrset.type !== RRType.NS || cache.remaining(entry, now) < 0) continue;
    if (!oneProviderUp(addressesOf(entry.rrset.data as Name[], cache, now, []), network)) return false;
  }
  if (recursor.profile.delegation.parentCentric) {
    for (const zone of selfAndAncestors(watch)) {
      const entry = cache.delegation(zone, now);
      if (entry !== undefined && !oneProviderUp(addressesOf(entry.rrset.data as Name[], cache, now, []), network)) return false;
    }
  }
  for (const reply of replies) {
    const names = reply.authority.filter((rr) => rr.type === RRType.NS).map((rr) => rr.data as Name);
    if (names.length === 0) continue;
    const glue = reply.additional.filter((rr) => rr.type === RRType.A && names.includes(rr.name)).map((rr) => rr.data as string);
    if (!oneProviderUp(addressesOf(names, cache, now, glue), network)) return false;
  }
  return true;
}

function addressesOf(names: readonly Name[], cache: Cache, now: number, extra: string[]): string[] {
  const out = extra;
  for (const name of names) {
    const entry = cache.get(name, RRType.A, now);
    if (entry !== undefined) for (const address of entry.rrset.data) out.push(address as string);
  }
  return out;
}

function oneProviderUp(addresses: readonly string[], network: Network): boolean {
  let provider = -1;
  for (const address of addresses) {
    const endpoint = network.endpoint(address);
    if (endpoint === undefined || endpoint.state !== 'up') return false;
    if (provider === -1) provider = endpoint.provider;
    else if (provider !== endpoint.provider) return false;
  }
  return true;
}
