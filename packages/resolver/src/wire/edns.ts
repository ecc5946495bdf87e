import type { Cookie, Edns } from '../message.ts';
import { WireError } from './errors.ts';
import type { WireReader } from './reader.ts';
import type { WireWriter } from './writer.ts';

/**
 * The OPT pseudo-record (RFC 6891 §6.1.2): CLASS is the UDP payload size; TTL holds the upper
 * eight bits of the extended rcode, the EDNS version and the DO bit. Of the options only COOKIE
 * (RFC 7873) is kept; the others are skipped.
 */

export const OPT_TYPE = 41;
const COOKIE_OPTION = 10;
const DO_BIT = 0x8000;

export interface DecodedOpt {
  edns: Edns;
  /** The upper eight bits of the 12-bit rcode. */
  extendedRcode: number;
}

/** Reads an OPT record's fields after its owner name and TYPE. */
export function decodeOpt(r: WireReader, ownerAt: number, owner: string): DecodedOpt {
  if (owner !== '.') throw new WireError(`OPT record owner is ${owner}, not the root (RFC 6891 §6.1.2)`, ownerAt);
  const udpSize = r.u16('OPT payload size');
  const extendedRcode = r.u8('OPT extended rcode');
  const version = r.u8('OPT version');
  const flags = r.u16('OPT flags');
  const rdlength = r.u16('OPT RDLENGTH');
  const end = r.offset + rdlength;
  if (end > r.buf.length) throw new WireError(`OPT RDLENGTH ${rdlength} runs past the end of the message`, r.offset - 2);
  const edns: Edns = { udpSize, version, dnssecOk: (flags & DO_BIT) !== 0 };
  while (r.offset < end) {
    const optionAt = r.offset;
    const code = r.u16('EDNS option code');
    const length = r.u16('EDNS option length');
    if (r.offset + length > end) throw new WireError(`EDNS option ${code} runs past the OPT RDATA`, optionAt);
    const data = r.bytes(length, 'EDNS option data');
    if (code === COOKIE_OPTION && edns.cookie === undefined && !edns.malformedCookie) {
      const cookie = parseCookie(data);
      if (cookie) edns.cookie = cookie;
      else edns.malformedCookie = true;
    }
  }
  if (r.offset !== end) throw new WireError('EDNS options overrun the OPT RDATA', end);
  return { edns, extendedRcode };
}

/**
 * RFC 7873 §4: an 8-octet client cookie, optionally followed by an 8 to 32-octet server cookie.
 * Any other length is a malformed option (the server answers FORMERR, §5.2.2), not a broken packet.
 */
function parseCookie(data: Uint8Array): Cookie | undefined {
  if (data.length === 8) return { client: data };
  if (data.length >= 16 && data.length <= 40) return { client: data.slice(0, 8), server: data.slice(8) };
  return undefined;
}

export function encodeOpt(w: WireWriter, edns: Edns, rcode: number): void {
  w.u8(0);
  w.u16(OPT_TYPE);
  w.u16(edns.udpSize & 0xffff);
  w.u8(rcode >> 4);
  w.u8(edns.version & 0xff);
  w.u16(edns.dnssecOk ? DO_BIT : 0);
  const cookie = edns.cookie;
  if (!cookie) {
    w.u16(0);
    return;
  }
  const serverLength = cookie.server?.length ?? 0;
  if (cookie.client.length !== 8 || (cookie.server && (serverLength < 8 || serverLength > 32))) {
    throw new WireError(`COOKIE needs an 8-octet client cookie and an 8 to 32-octet server cookie, not ${cookie.client.length} and ${serverLength}`);
  }
  w.u16(4 + 8 + serverLength);
  w.u16(COOKIE_OPTION);
  w.u16(8 + serverLength);
  w.bytes(cookie.client);
  if (cookie.server) w.bytes(cookie.server);
}

/** Octets an OPT record takes, so truncation can reserve room for it. */
export function optLength(edns: Edns): number {
  return 11 + (edns.cookie ? 4 + 8 + (edns.cookie.server?.length ?? 0) : 0);
}
