import { Opcode, Rcode, RRClass, RRType } from '../constants.ts';
import { makeClientCookie } from '../cookies.ts';
import type { Message } from '../message.ts';
import { makeResponse } from '../message.ts';
import { canonicalName, isSubdomain, parentName, type Name } from '../name.ts';
import type { RR } from '../record.ts';
import { Cache, type PositiveEntry } from '../cache/cache.ts';
import type { Profile } from '../profiles.ts';
import { lookupChain } from './cache-answer.ts';
import { DelegationPoint } from './delegation-point.ts';
import { defaultLimits, type Limits } from './limits.ts';
import { IterativeResolution } from './resolution.ts';

export interface RecursorOptions {
  /** NS records for "." and the addresses of their targets (a root hints file). */
  rootHints: RR[];
  profile: Profile;
  /** Uniform on [0, 1): server choice, query IDs, the cookie secret when none is given. */
  random: () => number;
  /** 16 octets keying the client cookies (RFC 7873 §4.1); drawn from `random` when absent. */
  cookieSecret?: Uint8Array;
  limits?: Partial<Limits>;
  /** Query name servers at IPv6 addresses too (default false: the simulation and loopback labs are IPv4). */
  ipv6?: boolean;
  /** Record each query in `resolution.trace` (default true; a large simulation may turn it off). */
  trace?: boolean;
}

/**
 * One recursive resolver: its cache, its profile, its root hints, and what it remembers about
 * servers between resolutions (which stayed silent, the server cookies they gave). Each client
 * question becomes a `Resolution` the driver steps; answers that the cache alone can give are
 * available without one through `answerFromCache` and `lookupCached`.
 */
export class Recursor {
  readonly cache: Cache;
  readonly profile: Profile;
  readonly limits: Limits;
  readonly rootHints: readonly RR[];
  readonly random: () => number;
  private readonly cookieSecret: Uint8Array | undefined;
  private readonly ipv6: boolean;
  readonly tracing: boolean;
  private readonly downUntil = new Map<string, number>();
  private readonly clientCookies = new Map<string, Uint8Array>();
  private readonly serverCookies = new Map<string, Uint8Array>();

  constructor(opts: RecursorOptions) {
    this.profile = opts.profile;
    this.cache = new Cache(opts.profile.ttl);
    this.limits = { ...defaultLimits, ...opts.limits };
    this.rootHints = opts.rootHints;
    this.random = opts.random;
    this.ipv6 = opts.ipv6 ?? false;
    this.tracing = opts.trace ?? true;
    // Drawn only when needed, so that profiles without cookies use the random stream identically.
    this.cookieSecret = opts.cookieSecret ?? (opts.profile.cookies ? Uint8Array.from({ length: 16 }, () => Math.floor(opts.random() * 256)) : undefined);
  }

  /** Starts resolving a client's query; the driver calls `start(now)` and then `handle` per event. */
  resolve(query: Message, now: number): IterativeResolution {
    return new IterativeResolution(this, query, now);
  }

  /**
   * The simulation's fast path: the live answer-ranked RRset for (name, type), no CNAME
   * following, nothing allocated but the key. `name` must be canonical.
   */
  lookupCached(name: Name, type: number, now: number): PositiveEntry | undefined {
    return this.cache.getAnswer(name, type, now);
  }

  /**
   * The whole response when the cache can give it (data, CNAME chain, negative answer, cached
   * SERVFAIL); undefined when the resolver would have to ask a server, or when a prefetch is due
   * (then `resolve` answers at once and refreshes).
   */
  answerFromCache(query: Message, now: number): Message | undefined {
    const q = query.question[0];
    if (q === undefined || query.opcode !== Opcode.QUERY || q.class !== RRClass.IN) return undefined;
    const qname = canonicalName(q.name);
    if (this.cache.hasServfail(qname, q.type, now)) return this.respond(query, Rcode.SERVFAIL, [], []);
    const found = lookupChain(this.cache, qname, q.type, now, this.limits.maxCnameLinks);
    if (found.kind === 'miss' || found.prefetch) return undefined;
    const rcode = found.kind === 'nxdomain' ? Rcode.NXDOMAIN : Rcode.NOERROR;
    return this.respond(query, rcode, found.records, found.soa ? [found.soa] : []);
  }

  /** The response a client gets: RA set, AA clear (RFC 1034 §4.3.1), EDNS when it asked with EDNS. */
  respond(query: Message, rcode: number, answer: RR[], authority: RR[]): Message {
    const response = makeResponse(query, rcode);
    response.ra = true;
    response.answer = answer;
    response.authority = authority;
    if (query.edns) response.edns = { udpSize: this.profile.ednsUdpSize, version: 0, dnssecOk: false };
    return response;
  }

  /**
   * The closest enclosing zone cut of `name` with usable servers in the cache, or undefined when
   * not even the root's NS set is cached (time to prime). A parent-centric resolver looks only in
   * its delegation store.
   */
  findCut(name: Name, now: number): DelegationPoint | undefined {
    const entry = this.findCutEntry(name, now);
    return entry === undefined ? undefined : DelegationPoint.fromCache(entry.rrset, this.cache, now);
  }

  /**
   * The cached NS set of the cut `findCut` finds, without building its delegation point. A cut is
   * usable when one of its servers has a cached address or lies outside the zone (its address can
   * be looked up elsewhere).
   */
  findCutEntry(name: Name, now: number): PositiveEntry | undefined {
    const cache = this.cache;
    for (let zone: Name | undefined = name; zone !== undefined; zone = parentName(zone)) {
      const entry = this.profile.delegation.parentCentric
        ? (cache.delegation(zone, now) ?? (zone === '.' ? cache.get(zone, RRType.NS, now) : undefined))
        : cache.get(zone, RRType.NS, now);
      if (entry === undefined) continue;
      for (const ns of entry.rrset.data as Name[]) {
        if (!isSubdomain(ns, zone) || cache.get(ns, RRType.A, now) !== undefined || cache.get(ns, RRType.AAAA, now) !== undefined) return entry;
      }
    }
    return undefined;
  }

  /** True for an address this resolver will not query now: down, or IPv6 when IPv6 is off. */
  skipsAddress(address: string, now: number): boolean {
    return (!this.ipv6 && address.includes(':')) || this.isServerDown(address, now);
  }

  /** True while a server that stayed silent is being skipped (Unbound's infra cache). */
  isServerDown(address: string, now: number): boolean {
    const until = this.downUntil.get(address);
    return until !== undefined && now < until;
  }

  /** Whether any server is being skipped at `now`: a resolution's choice of servers then depends on it. */
  anyServerDown(now: number): boolean {
    for (const until of this.downUntil.values()) if (now < until) return true;
    return false;
  }

  markServerDown(address: string, now: number): void {
    if (this.profile.failure.serverDownTtl > 0) this.downUntil.set(address, now + this.profile.failure.serverDownTtl);
  }

  /** Our 8-octet client cookie for a server (RFC 7873 §4.1), stable per server address. */
  clientCookie(address: string): Uint8Array {
    let cookie = this.clientCookies.get(address);
    if (cookie === undefined) {
      cookie = makeClientCookie(this.cookieSecret ?? new Uint8Array(16), address);
      this.clientCookies.set(address, cookie);
    }
    return cookie;
  }

  serverCookie(address: string): Uint8Array | undefined {
    return this.serverCookies.get(address);
  }

  rememberServerCookie(address: string, cookie: Uint8Array): void {
    this.serverCookies.set(address, cookie);
  }
}
