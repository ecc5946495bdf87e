/**
 * Test zones are written as RR objects, not zone-file text, so these tests stand on their own.
 * `show` renders a record as one line for readable assertions.
 */
import { Authority, type AuthorityOptions } from '../../src/authority.ts';
import { RRClass, RRType, typeName } from '../../src/constants.ts';
import { makeQuery, type Edns, type Message } from '../../src/message.ts';
import { canonicalName, type Name } from '../../src/name.ts';
import type { MxData, RData, RR, SoaData, SrvData } from '../../src/record.ts';
import { Zone } from '../../src/zone.ts';

export const HINFO = 13;

function record(name: string, ttl: number, type: number, data: RData): RR {
  return { name: canonicalName(name), type, class: RRClass.IN, ttl, data };
}

export const a = (name: string, ttl: number, address: string) => record(name, ttl, RRType.A, address);
export const aaaa = (name: string, ttl: number, address: string) => record(name, ttl, RRType.AAAA, address);
export const ns = (name: string, ttl: number, target: string) => record(name, ttl, RRType.NS, canonicalName(target));
export const cname = (name: string, ttl: number, target: string) => record(name, ttl, RRType.CNAME, canonicalName(target));
export const ptr = (name: string, ttl: number, target: string) => record(name, ttl, RRType.PTR, canonicalName(target));
export const txt = (name: string, ttl: number, ...strings: string[]) => record(name, ttl, RRType.TXT, strings);
export const mx = (name: string, ttl: number, preference: number, exchange: string) =>
  record(name, ttl, RRType.MX, { preference, exchange: canonicalName(exchange) } satisfies MxData);
export const srv = (name: string, ttl: number, priority: number, weight: number, port: number, target: string) =>
  record(name, ttl, RRType.SRV, { priority, weight, port, target: canonicalName(target) } satisfies SrvData);
export const ds = (name: string, ttl: number, keyTag: number, digest: string) =>
  record(name, ttl, RRType.DS, { keyTag, algorithm: 13, digestType: 2, digest });
/** HINFO (RFC 1035 §3.3.2) is not interpreted by the package: carried as opaque character-strings. */
export const hinfo = (name: string, ttl: number, cpu: string, os: string) =>
  record(name, ttl, HINFO, { raw: new Uint8Array([cpu.length, ...Buffer.from(cpu), os.length, ...Buffer.from(os)]) });
export const soa = (name: string, ttl: number, fields: Omit<SoaData, 'mname' | 'rname'> & { mname: string; rname: string }) =>
  record(name, ttl, RRType.SOA, { ...fields, mname: canonicalName(fields.mname), rname: canonicalName(fields.rname) });

export function zone(records: RR[], origin?: Name): Zone {
  return Zone.fromRecords(records, origin === undefined ? {} : { origin });
}

/** One line per record, `owner ttl TYPE rdata`, the way dig prints it. */
export function show(rr: RR): string {
  return `${rr.name} ${rr.ttl} ${typeName(rr.type)} ${rdataText(rr.data)}`;
}

export function shown(records: RR[]): string[] {
  return records.map(show).sort();
}

function rdataText(data: RData): string {
  if (typeof data === 'string') return data;
  if (Array.isArray(data)) return data.map((s) => JSON.stringify(s)).join(' ');
  if ('raw' in data) return Buffer.from(data.raw).toString('hex');
  if ('exchange' in data) return `${data.preference} ${data.exchange}`;
  if ('mname' in data) return `${data.mname} ${data.rname} ${data.serial} ${data.refresh} ${data.retry} ${data.expire} ${data.minimum}`;
  if ('target' in data) return `${data.priority} ${data.weight} ${data.port} ${data.target}`;
  if ('digest' in data) return `${data.keyTag} ${data.algorithm} ${data.digestType} ${data.digest}`;
  return JSON.stringify(data);
}

export const CLIENT = '192.0.2.200';

export function ask(
  authority: Authority,
  name: string,
  type: number,
  opts: { rd?: boolean; edns?: Edns; now?: number; client?: string; id?: number } = {},
): Message {
  const query = makeQuery(opts.id ?? 4321, name, type, { rd: opts.rd ?? false, ...(opts.edns ? { edns: opts.edns } : {}) });
  return authority.answer(query, { now: opts.now ?? 1_700_000_000, client: opts.client ?? CLIENT });
}

export function serve(zones: Zone[], opts: AuthorityOptions = {}): Authority {
  return new Authority(zones, opts);
}
