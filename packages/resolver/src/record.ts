import type { Name } from './name.ts';
import { MAX_TTL, RRType, typeName } from './constants.ts';

export interface SoaData {
  mname: Name;
  rname: Name;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  /** RFC 2308: the negative-caching TTL is min(SOA TTL, minimum). */
  minimum: number;
}
export interface MxData {
  preference: number;
  exchange: Name;
}
export interface SrvData {
  priority: number;
  weight: number;
  port: number;
  target: Name;
}
export interface CaaData {
  flags: number;
  tag: string;
  value: string;
}
export interface DsData {
  keyTag: number;
  algorithm: number;
  digestType: number;
  /** Lower-case hex. */
  digest: string;
}
/** A record type we carry but do not interpret (RFC 3597), as raw RDATA octets. */
export interface OpaqueData {
  raw: Uint8Array;
}

/**
 * RDATA by type. Names inside RDATA are canonical (lower case, absolute); addresses are in their
 * usual text forms (IPv6 fully compressed, lower case); TXT is a list of character-strings.
 */
export type RData = string | string[] | SoaData | MxData | SrvData | CaaData | DsData | OpaqueData;

export interface RR {
  name: Name;
  type: number;
  class: number;
  ttl: number;
  data: RData;
}

/** Records of one (name, type, class) sharing one TTL (RFC 2181 §5). */
export interface RRset {
  name: Name;
  type: number;
  class: number;
  ttl: number;
  data: RData[];
}

export class TtlError extends Error {
  constructor(readonly value: number) {
    super(`TTL ${value} is outside 0 … ${MAX_TTL} (RFC 2181 §8)`);
    this.name = 'TtlError';
  }
}

export function checkTtl(ttl: number): number {
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL) throw new TtlError(ttl);
  return ttl;
}

/**
 * RFC 2181 §8: a received TTL with the top bit set is treated as zero. Used by the wire decoder,
 * where a malformed value must not become an error.
 */
export function receivedTtl(ttl: number): number {
  return ttl > MAX_TTL || ttl < 0 ? 0 : ttl;
}

/** Groups records into RRsets in order of first appearance. Differing TTLs take the lowest (RFC 2181 §5.2). */
export function groupRRsets(records: readonly RR[]): RRset[] {
  if (records.length <= SMALL_SECTION) return groupFew(records);
  const sets = new Map<string, RRset>();
  for (const rr of records) {
    const key = `${rr.name}\u0000${rr.type}\u0000${rr.class}`;
    const set = sets.get(key);
    if (set) addToSet(set, rr);
    else sets.set(key, newSet(rr));
  }
  return [...sets.values()];
}

/**
 * Up to this many records are grouped by scanning the sets found so far: a response section is
 * usually a few records, and comparing owner, type and class directly costs less than building
 * a string key per record.
 */
const SMALL_SECTION = 16;

function groupFew(records: readonly RR[]): RRset[] {
  const sets: RRset[] = [];
  for (const rr of records) {
    let set: RRset | undefined;
    for (const s of sets) {
      if (s.name === rr.name && s.type === rr.type && s.class === rr.class) {
        set = s;
        break;
      }
    }
    if (set) addToSet(set, rr);
    else sets.push(newSet(rr));
  }
  return sets;
}

function newSet(rr: RR): RRset {
  return { name: rr.name, type: rr.type, class: rr.class, ttl: rr.ttl, data: [rr.data] };
}

function addToSet(set: RRset, rr: RR): void {
  if (!set.data.some((d) => rdataEqual(rr.type, d, rr.data))) set.data.push(rr.data);
  if (rr.ttl < set.ttl) set.ttl = rr.ttl;
}

/** The records of an RRset, each with the set's TTL. */
export function rrsetRecords(set: RRset, ttl = set.ttl): RR[] {
  return set.data.map((data) => ({ name: set.name, type: set.type, class: set.class, ttl, data }));
}

/** Compares RDATA for equality (structural; names are canonical already). */
export function rdataEqual(type: number, a: RData, b: RData): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((s, i) => s === b[i]);
  }
  if ('raw' in a || 'raw' in b) {
    if (!('raw' in a) || !('raw' in b) || a.raw.length !== b.raw.length) return false;
    return a.raw.every((x, i) => x === b.raw[i]);
  }
  const ka = Object.keys(a) as (keyof typeof a)[];
  return ka.every((k) => a[k] === (b as typeof a)[k]) && ka.length === Object.keys(b).length && type >= 0;
}

/** Name servers named by an NS RRset. */
export function nsTargets(set: RRset): Name[] {
  return set.type === RRType.NS ? (set.data as string[]) : [];
}

export function describeRRset(set: RRset): string {
  return `${set.name} ${set.ttl} ${typeName(set.type)}`;
}
