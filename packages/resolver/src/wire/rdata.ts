import { RRType } from '../constants.ts';
import type { CaaData, DsData, MxData, OpaqueData, RData, SoaData, SrvData } from '../record.ts';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from '../zonefile/ip-address.ts';
import { WireError } from './errors.ts';
import type { WireReader } from './reader.ts';
import type { WireWriter } from './writer.ts';

/**
 * RDATA codecs, one table entry per interpreted type (as dns-packet organises them). Decoding
 * reads exactly RDLENGTH octets (the caller checks the cursor lands on `end`) and gives canonical
 * names; every other type stays opaque octets (RFC 3597) so it can be passed on unchanged.
 *
 * Character-strings (TXT, CAA) are octet strings: a JS string here holds one octet per
 * character (U+0000–U+00FF), which is lossless for any octets received. dns-packet is not used:
 * it reads past RDLENGTH for several types and returns "1.2.undefined.undefined" for a short A.
 */
interface RDataCodec {
  decode(r: WireReader, end: number): RData;
  encode(w: WireWriter, data: RData): void;
}

function nameCodec(what: string, compress: boolean): RDataCodec {
  return {
    decode: (r) => r.name(what, true),
    encode: (w, data) => w.name(expect<string>(data, 'string', what), compress),
  };
}

function expect<T>(data: RData, kind: 'string' | 'array' | 'object', what: string): T {
  const ok = kind === 'array' ? Array.isArray(data) : kind === 'string' ? typeof data === 'string' : typeof data === 'object' && !Array.isArray(data);
  if (!ok) throw new WireError(`${what} data must be ${kind === 'array' ? 'a list of strings' : kind === 'string' ? 'a string' : 'an object'}`);
  return data as T;
}

function readString(r: WireReader, end: number, what: string): string {
  const len = r.u8(what);
  if (r.offset + len > end) throw new WireError(`${what}: character-string runs past RDLENGTH`, r.offset - 1);
  return octetText(r.bytes(len, what));
}

function octetText(octets: Uint8Array): string {
  let s = '';
  for (const c of octets) s += String.fromCharCode(c);
  return s;
}

function textOctets(s: string, what: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new WireError(`${what}: character U+${c.toString(16).padStart(4, '0')} is not one octet`);
    out[i] = c;
  }
  return out;
}

function writeString(w: WireWriter, s: string, what: string): void {
  if (s.length > 255) throw new WireError(`${what}: character-string longer than 255 octets`);
  w.u8(s.length);
  w.bytes(textOctets(s, what));
}

const codecs = new Map<number, RDataCodec>([
  [
    RRType.A,
    {
      decode: (r, end) => {
        if (end - r.offset !== 4) throw new WireError(`A RDATA must be 4 octets, not ${end - r.offset}`, r.offset);
        return formatIPv4(r.bytes(4, 'A RDATA'));
      },
      encode: (w, data) => {
        const octets = parseIPv4(expect<string>(data, 'string', 'A'));
        if (!octets) throw new WireError(`A data ${JSON.stringify(data)} is not an IPv4 address`);
        w.bytes(octets);
      },
    },
  ],
  [
    RRType.AAAA,
    {
      decode: (r, end) => {
        if (end - r.offset !== 16) throw new WireError(`AAAA RDATA must be 16 octets, not ${end - r.offset}`, r.offset);
        return formatIPv6(r.bytes(16, 'AAAA RDATA'));
      },
      encode: (w, data) => {
        const octets = parseIPv6(expect<string>(data, 'string', 'AAAA'));
        if (!octets) throw new WireError(`AAAA data ${JSON.stringify(data)} is not an IPv6 address`);
        w.bytes(octets);
      },
    },
  ],
  // RFC 3597 §4: names in the RFC 1035 types may be compressed; SRV's target must not be (RFC 2782).
  [RRType.NS, nameCodec('NS', true)],
  [RRType.CNAME, nameCodec('CNAME', true)],
  [RRType.PTR, nameCodec('PTR', true)],
  [
    RRType.SOA,
    {
      decode: (r): SoaData => ({
        mname: r.name('SOA MNAME', true),
        rname: r.name('SOA RNAME', true),
        serial: r.u32('SOA SERIAL'),
        refresh: r.u32('SOA REFRESH'),
        retry: r.u32('SOA RETRY'),
        expire: r.u32('SOA EXPIRE'),
        minimum: r.u32('SOA MINIMUM'),
      }),
      encode: (w, data) => {
        const soa = expect<SoaData>(data, 'object', 'SOA');
        w.name(soa.mname, true);
        w.name(soa.rname, true);
        for (const v of [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum]) w.u32(uint(v, 0xffffffff, 'SOA'));
      },
    },
  ],
  [
    RRType.MX,
    {
      decode: (r): MxData => ({ preference: r.u16('MX PREFERENCE'), exchange: r.name('MX EXCHANGE', true) }),
      encode: (w, data) => {
        const mx = expect<MxData>(data, 'object', 'MX');
        w.u16(uint(mx.preference, 0xffff, 'MX preference'));
        w.name(mx.exchange, true);
      },
    },
  ],
  [
    RRType.TXT,
    {
      decode: (r, end) => {
        const strings: string[] = [];
        while (r.offset < end) strings.push(readString(r, end, 'TXT'));
        return strings;
      },
      encode: (w, data) => {
        for (const s of expect<string[]>(data, 'array', 'TXT')) writeString(w, s, 'TXT');
      },
    },
  ],
  [
    RRType.CAA,
    {
      decode: (r, end): CaaData => {
        const flags = r.u8('CAA flags');
        const tag = readString(r, end, 'CAA tag');
        if (tag.length === 0) throw new WireError('CAA tag is empty (RFC 8659 §4.1)', r.offset - 1);
        return { flags, tag, value: octetText(r.bytes(end - r.offset, 'CAA value')) };
      },
      encode: (w, data) => {
        const caa = expect<CaaData>(data, 'object', 'CAA');
        if (caa.tag.length === 0) throw new WireError('CAA tag is empty (RFC 8659 §4.1)');
        w.u8(uint(caa.flags, 0xff, 'CAA flags'));
        writeString(w, caa.tag, 'CAA tag');
        w.bytes(textOctets(caa.value, 'CAA value'));
      },
    },
  ],
  [
    RRType.SRV,
    {
      decode: (r): SrvData => ({
        priority: r.u16('SRV priority'),
        weight: r.u16('SRV weight'),
        port: r.u16('SRV port'),
        target: r.name('SRV target', true),
      }),
      encode: (w, data) => {
        const srv = expect<SrvData>(data, 'object', 'SRV');
        w.u16(uint(srv.priority, 0xffff, 'SRV priority'));
        w.u16(uint(srv.weight, 0xffff, 'SRV weight'));
        w.u16(uint(srv.port, 0xffff, 'SRV port'));
        w.name(srv.target, false);
      },
    },
  ],
  [
    RRType.DS,
    {
      decode: (r, end): DsData => ({
        keyTag: r.u16('DS key tag'),
        algorithm: r.u8('DS algorithm'),
        digestType: r.u8('DS digest type'),
        digest: Buffer.from(r.bytes(Math.max(0, end - r.offset), 'DS digest')).toString('hex'),
      }),
      encode: (w, data) => {
        const ds = expect<DsData>(data, 'object', 'DS');
        if (!/^([0-9a-fA-F]{2})*$/.test(ds.digest)) throw new WireError(`DS digest ${JSON.stringify(ds.digest)} is not hex`);
        w.u16(uint(ds.keyTag, 0xffff, 'DS key tag'));
        w.u8(uint(ds.algorithm, 0xff, 'DS algorithm'));
        w.u8(uint(ds.digestType, 0xff, 'DS digest type'));
        w.bytes(Buffer.from(ds.digest, 'hex'));
      },
    },
  ],
]);

function uint(v: number, max: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new WireError(`${what} ${v} is not an integer in 0 … ${max}`);
  return v;
}

/** Whether the codec interprets this type's RDATA (otherwise it is carried as OpaqueData). */
export function isInterpreted(type: number): boolean {
  return codecs.has(type);
}

export function decodeRData(r: WireReader, type: number, rdlength: number): RData {
  const start = r.offset;
  const end = start + rdlength;
  if (end > r.buf.length) throw new WireError(`RDLENGTH ${rdlength} runs past the end of the message`, start - 2);
  const codec = codecs.get(type);
  if (!codec) return { raw: r.bytes(rdlength, 'RDATA') } satisfies OpaqueData;
  const data = codec.decode(r, end);
  if (r.offset !== end) {
    throw new WireError(`RDATA of type ${type} is ${r.offset - start} octets but RDLENGTH says ${rdlength}`, start);
  }
  return data;
}

/** Writes RDLENGTH and RDATA. OpaqueData is written as is, whatever the type (RFC 3597 §5). */
export function encodeRData(w: WireWriter, type: number, data: RData): void {
  const lengthAt = w.length;
  w.u16(0);
  if (typeof data === 'object' && !Array.isArray(data) && 'raw' in data) w.bytes(data.raw);
  else {
    const codec = codecs.get(type);
    if (!codec) throw new WireError(`type ${type} is not interpreted: its data must be raw octets`);
    codec.encode(w, data);
  }
  const rdlength = w.length - lengthAt - 2;
  if (rdlength > 0xffff) throw new WireError(`RDATA of type ${type} is longer than 65535 octets`);
  w.patchU16(lengthAt, rdlength);
}
