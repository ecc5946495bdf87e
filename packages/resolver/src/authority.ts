/**
 * An authoritative name server's answering logic, sans I/O: a query and the time in, a response
 * out. It follows RFC 1034 §4.3.2 (no recursion: RA is always 0), with RFC 2308 negative answers,
 * RFC 4592 wildcards, RFC 4035 §3.1.4.1 for DS at a cut, RFC 6604 for the rcode of CNAME chains,
 * RFC 6891 EDNS and RFC 7873/9018 cookies. The same code serves `dig` on loopback and the
 * simulated providers.
 */
import { additionalAddresses, addressSetsAt, type NsSource } from './authority/additional.ts';
import { lookupInZone } from './authority/lookup.ts';
import { Opcode, Rcode, RRClass, RRType } from './constants.ts';
import { CookieError, makeServerCookie } from './cookies.ts';
import { makeResponse, type Cookie, type Message } from './message.ts';
import { canonicalName, NameError, parentName, ROOT, type Name } from './name.ts';
import { rrsetRecords, type RR, type RRset } from './record.ts';
import { ZoneError, type Zone } from './zone.ts';

export interface AuthorityOptions {
  /** Put the zone's apex NS RRset in the authority section of positive answers (BIND does; Route 53 unknown). Default true. */
  apexNsInAuthority?: boolean;
  /** DNS COOKIE server secret (16 octets); cookies are on by default (as BIND, NSD, Knot); `false` turns them off (as some providers). */
  cookies?: { secret: Uint8Array } | false;
  /** Advertised EDNS UDP payload size; default 1232. */
  udpSize?: number;
}

export interface QueryContext {
  /** Seconds; only the cookie timestamps use it. */
  now: number;
  /** The querier's IP address, which server cookies are bound to. */
  client: string;
}

/** The DNS Flag Day 2020 payload size, which BIND, Knot, NSD and Unbound default to. */
export const DEFAULT_UDP_SIZE = 1232;
/** Most CNAME records one answer carries; the same bound the iterator keeps on links it follows. */
export const MAX_CNAME_LINKS = 12;
/**
 * The server secret used when cookies are on and none is given. The core has no randomness of its
 * own, and the simulation needs none here; a server facing a real network passes a random secret.
 */
const DEFAULT_COOKIE_SECRET = new TextEncoder().encode('cutover cookies!');

/** Query types that are not lookups and the rcode a server gives them. */
const META_TYPES = new Map<number, number>([
  [RRType.OPT, Rcode.FORMERR], // OPT is a pseudo-record, never a question (RFC 6891 §6.1.1)
  [251, Rcode.REFUSED], // IXFR: zone transfers are not offered
  [252, Rcode.REFUSED], // AXFR
  [253, Rcode.NOTIMP], // MAILB, obsolete
  [254, Rcode.NOTIMP], // MAILA, obsolete
]);

/**
 * The part of a response that depends only on the question and the zones served: what `#resolve`
 * computes. Zones are immutable values, so it can be kept until the zones are replaced.
 */
interface Sections {
  aa: boolean;
  rcode: number;
  answer: readonly RR[];
  authority: readonly RR[];
  additional: readonly RR[];
}

/**
 * Most questions whose sections are kept. A simulated server is asked a handful of names over
 * and over; a server on a real network may be asked random names, so the memory stays bounded
 * (the memo starts afresh when full).
 */
const MAX_MEMO_NAMES = 4096;

export class Authority {
  #zones = new Map<Name, Zone>();
  /** Sections by query name and type for the zones now served (see `Sections`). */
  #memo = new Map<Name, Map<number, Sections>>();
  readonly #apexNsInAuthority: boolean;
  readonly #cookieSecret: Uint8Array | undefined;
  readonly #udpSize: number;

  constructor(zones: Zone[], opts: AuthorityOptions = {}) {
    this.#apexNsInAuthority = opts.apexNsInAuthority ?? true;
    const udpSize = opts.udpSize ?? DEFAULT_UDP_SIZE;
    if (!Number.isInteger(udpSize) || udpSize < 512 || udpSize > 65535) {
      throw new RangeError(`EDNS UDP payload size must be an integer from 512 to 65535, got ${udpSize}`);
    }
    this.#udpSize = udpSize;
    if (opts.cookies === false) this.#cookieSecret = undefined;
    else {
      const secret = opts.cookies?.secret ?? DEFAULT_COOKIE_SECRET;
      if (secret.length !== 16) throw new CookieError(`server secret must be 16 octets, got ${secret.length}`);
      this.#cookieSecret = Uint8Array.from(secret);
    }
    this.setZones(zones);
  }

  /** Replaces every zone at once (a reload): a query sees either the old set or the new one. */
  setZones(zones: Zone[]): void {
    const next = new Map<Name, Zone>();
    for (const zone of zones) {
      if (next.has(zone.origin)) throw new ZoneError(zone.origin, undefined, 'the same zone is served twice');
      next.set(zone.origin, zone);
    }
    this.#zones = next;
    this.#memo = new Map();
  }

  /** The zones served, in the order given. */
  get zones(): Zone[] {
    return [...this.#zones.values()];
  }

  /** The served zone with the deepest origin at or above `name` (canonical). One map lookup per label. */
  zoneFor(name: Name): Zone | undefined {
    for (let n: Name | undefined = name; n !== undefined; n = parentName(n)) {
      const zone = this.#zones.get(n);
      if (zone) return zone;
    }
    return undefined;
  }

  answer(query: Message, ctx: QueryContext): Message {
    const response = makeResponse(query);
    const edns = query.edns;
    if (edns) response.edns = { udpSize: this.#udpSize, version: 0, dnssecOk: edns.dnssecOk };
    // A message that is itself a response is malformed as a query. Transports should drop such
    // packets before they get here (BIND and NSD do), so two servers never answer each other.
    if (query.qr) return withRcode(response, Rcode.FORMERR);
    if (edns && edns.version > 0) {
      this.#attachCookie(response, query, ctx);
      return withRcode(response, Rcode.BADVERS);
    }
    // RFC 7873 §5.2.2; a server without cookies ignores the option altogether (§5.2).
    if (this.#cookieSecret && edns && (edns.malformedCookie || (edns.cookie && !wellFormed(edns.cookie)))) {
      return withRcode(response, Rcode.FORMERR);
    }
    this.#attachCookie(response, query, ctx);
    if (query.opcode !== Opcode.QUERY) return withRcode(response, Rcode.NOTIMP);
    // RFC 7873 §5.4: a query with no question and a cookie asks only for a server cookie.
    if (query.question.length === 0 && response.edns?.cookie) return response;
    if (query.question.length !== 1) return withRcode(response, Rcode.FORMERR);
    const question = query.question[0]!;
    if (question.class !== RRClass.IN) return withRcode(response, Rcode.REFUSED);
    const meta = META_TYPES.get(question.type);
    if (meta !== undefined) return withRcode(response, meta);
    let qname: Name;
    try {
      qname = canonicalName(question.name);
    } catch (e) {
      if (e instanceof NameError) return withRcode(response, Rcode.FORMERR);
      throw e;
    }
    const sections = this.#sections(qname, question.type);
    response.aa = sections.aa;
    response.rcode = sections.rcode;
    response.answer = sections.answer.slice();
    response.authority = sections.authority.slice();
    response.additional = sections.additional.slice();
    return response;
  }

  /** The sections for (qname, qtype), from the memo or resolved now. Records are frozen: responses share them. */
  #sections(qname: Name, qtype: number): Sections {
    let byType = this.#memo.get(qname);
    const known = byType?.get(qtype);
    if (known !== undefined) return known;
    const scratch: Message = { id: 0, qr: true, opcode: Opcode.QUERY, aa: false, tc: false, rd: false, ra: false, ad: false, cd: false, rcode: Rcode.NOERROR, question: [], answer: [], authority: [], additional: [] };
    this.#resolve(scratch, qname, qtype);
    const sections: Sections = {
      aa: scratch.aa,
      rcode: scratch.rcode,
      answer: frozenRecords(scratch.answer),
      authority: frozenRecords(scratch.authority),
      additional: frozenRecords(scratch.additional),
    };
    if (byType === undefined) {
      if (this.#memo.size >= MAX_MEMO_NAMES) this.#memo.clear();
      byType = new Map();
      this.#memo.set(qname, byType);
    }
    byType.set(qtype, sections);
    return sections;
  }

  /** The zone that answers (name, type): the deepest one, except that DS is answered above the cut. */
  #zoneForQuery(name: Name, qtype: number): Zone | undefined {
    const zone = this.zoneFor(name);
    if (qtype === RRType.DS && zone && zone.origin === name && name !== ROOT) {
      const parent = this.zoneFor(parentName(name)!);
      if (parent?.isCut(name)) return parent;
    }
    return zone;
  }

  /** RFC 1034 §4.3.2 steps 2, 3 and 6, restarting at step 2 for each CNAME link. */
  #resolve(response: Message, qname: Name, qtype: number): void {
    let zone = this.#zoneForQuery(qname, qtype);
    if (!zone) {
      response.rcode = Rcode.REFUSED;
      return;
    }
    // RFC 6604 §3: AA speaks for the first owner name; the rcode for the last one.
    response.aa = true;
    const answer: RRset[] = [];
    const authority: RRset[] = [];
    /** NS RRsets whose targets get addresses in the additional section. */
    const nsSources: NsSource[] = [];
    /** The zone that supplied the last answer data. */
    let answerZone: Zone | undefined;
    /** How the walk ended; only a positive ending gets the apex NS in authority. */
    let ending: 'positive' | 'referral' | 'negative' = 'positive';
    const visited = new Set<Name>();
    let name = qname;
    let links = 0;

    for (;;) {
      const found = lookupInZone(zone, name, qtype);
      if (found.kind === 'referral') {
        // Only a referral for the query name itself disclaims authority; after a CNAME the
        // alias was answered authoritatively and the referral completes it (RFC 1034 §6.2.7).
        if (answer.length === 0) response.aa = false;
        authority.push(found.ns);
        nsSources.push({ set: found.ns, zone });
        ending = 'referral';
        break;
      }
      if (found.kind === 'nodata' || found.kind === 'nxdomain') {
        if (found.kind === 'nxdomain') response.rcode = Rcode.NXDOMAIN;
        authority.push({ ...zone.soa, ttl: zone.negativeTtl });
        ending = 'negative';
        break;
      }
      answerZone = zone;
      if (found.kind === 'answer') {
        answer.push(...found.rrsets);
        for (const set of found.rrsets) if (set.type === RRType.NS) nsSources.push({ set, zone });
        break;
      }
      // A CNAME: restart with its target while it stays inside this server's zones, is new to
      // this chain and the chain is within bounds; otherwise the alias is the whole answer.
      answer.push(found.cname);
      visited.add(name);
      links++;
      if (visited.has(found.target) || links >= MAX_CNAME_LINKS) break;
      const next = this.#zoneForQuery(found.target, qtype);
      if (!next) break;
      name = found.target;
      zone = next;
    }

    if (ending === 'positive' && answerZone && this.#apexNsInAuthority) {
      const apex = answerZone.origin;
      const answersApexNs = answer.some((s) => s.type === RRType.NS && s.name === apex);
      if (!answersApexNs) {
        authority.push(answerZone.apexNs);
        nsSources.push({ set: answerZone.apexNs, zone: answerZone });
      }
    }

    response.answer = answer.flatMap((s) => rrsetRecords(s));
    response.authority = authority.flatMap((s) => rrsetRecords(s));
    const additional = additionalAddresses(answer, nsSources, (target) => this.#authoritativeAddresses(target));
    response.additional = additional.flatMap((s) => rrsetRecords(s));
  }

  /** A and AAAA RRsets for `target` from the zone authoritative for it, never from glue. */
  #authoritativeAddresses(target: Name): RRset[] {
    const zone = this.zoneFor(target);
    if (!zone || zone.cutFor(target) !== undefined) return [];
    return addressSetsAt(zone, target);
  }

  #attachCookie(response: Message, query: Message, ctx: QueryContext): void {
    const cookie = query.edns?.cookie;
    if (!this.#cookieSecret || !cookie || !response.edns || !wellFormed(cookie)) return;
    // RFC 7873 §5.2.3–5.2.5: whether the client sent no server cookie, a bad one or a good one,
    // the answer is the same and carries a server cookie minted now. RFC 9018 §4.3 lets a server
    // re-mint on every response; doing so keeps a valid cookie from ever going stale.
    response.edns.cookie = { client: cookie.client, server: makeServerCookie(this.#cookieSecret, cookie.client, ctx.client, ctx.now) };
  }
}

/** RFC 7873 §4: an 8-octet client cookie, and a server cookie of 8 to 32 octets when present. */
function wellFormed(cookie: Cookie): boolean {
  const server = cookie.server;
  return cookie.client.length === 8 && (server === undefined || (server.length >= 8 && server.length <= 32));
}

/** Freezes each record (responses share them); the array stays unfrozen because V8 copies frozen arrays slowly. */
function frozenRecords(records: RR[]): readonly RR[] {
  for (const rr of records) Object.freeze(rr);
  return records;
}

function withRcode(response: Message, rcode: number): Message {
  response.rcode = rcode;
  return response;
}
