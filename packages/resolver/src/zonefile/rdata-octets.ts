import { RRType, typeName } from '../constants.ts';
import { canonicalName, ROOT, type Name } from '../name.ts';
import type { RData } from '../record.ts';
import { dsDigestProblem } from './ds-digest.ts';
import { labelFromOctets, octetsToBinaryString } from './escapes.ts';
import { formatIPv4, formatIPv6 } from './ip-address.ts';

/** Why RDATA octets do not decode as their type; the caller adds where. */
export class RDataOctetsError extends Error {
  override name = 'RDataOctetsError';
}

/**
 * Interprets the RDATA octets of a type we know, as RFC 3597 §5 asks when a zone file writes a
 * known type in the generic `\# length hex` form. Names inside are uncompressed (RFC 3597 §4).
 * Returns undefined for a type that is carried opaque.
 */
export function rdataFromOctets(type: number, octets: Uint8Array): RData | undefined {
  const r = new OctetReader(octets);
  let data: RData;
  switch (type) {
    case RRType.A:
      data = formatIPv4(r.take(4));
      break;
    case RRType.AAAA:
      data = formatIPv6(r.take(16));
      break;
    case RRType.NS:
    case RRType.CNAME:
    case RRType.PTR:
      data = r.name();
      break;
    case RRType.SOA:
      data = { mname: r.name(), rname: r.name(), serial: r.u32(), refresh: r.u32(), retry: r.u32(), expire: r.u32(), minimum: r.u32() };
      break;
    case RRType.MX:
      data = { preference: r.u16(), exchange: r.name() };
      break;
    case RRType.SRV:
      data = { priority: r.u16(), weight: r.u16(), port: r.u16(), target: r.name() };
      break;
    case RRType.TXT: {
      const strings: string[] = [];
      do strings.push(octetsToBinaryString(r.take(r.u8())));
      while (!r.atEnd());
      data = strings;
      break;
    }
    case RRType.CAA: {
      const flags = r.u8();
      const tag = octetsToBinaryString(r.take(r.u8()));
      if (!/^[a-zA-Z0-9]+$/.test(tag)) throw new RDataOctetsError('a CAA tag of ASCII letters and digits');
      data = { flags, tag, value: octetsToBinaryString(r.rest()) };
      break;
    }
    case RRType.DS: {
      const keyTag = r.u16();
      const algorithm = r.u8();
      const digestType = r.u8();
      const digest = r.rest();
      const problem = dsDigestProblem(digestType, digest.length);
      if (problem) throw new RDataOctetsError(problem);
      data = { keyTag, algorithm, digestType, digest: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
      break;
    }
    default:
      return undefined;
  }
  if (!r.atEnd()) throw new RDataOctetsError(`no octets after the ${typeName(type)} data`);
  return data;
}

class OctetReader {
  private at = 0;
  constructor(private readonly octets: Uint8Array) {}

  atEnd(): boolean {
    return this.at === this.octets.length;
  }

  take(n: number): Uint8Array {
    if (this.at + n > this.octets.length) throw new RDataOctetsError('more octets: the data ends early');
    const out = this.octets.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  rest(): Uint8Array {
    return this.take(this.octets.length - this.at);
  }

  u8(): number {
    return this.take(1)[0] as number;
  }

  u16(): number {
    const b = this.take(2);
    return (b[0]! << 8) | b[1]!;
  }

  u32(): number {
    const b = this.take(4);
    return ((b[0]! << 24) >>> 0) + ((b[1]! << 16) | (b[2]! << 8) | b[3]!);
  }

  name(): Name {
    let text = '';
    for (;;) {
      const length = this.u8();
      if (length === 0) break;
      if (length > 63) throw new RDataOctetsError('an uncompressed domain name (RFC 3597 §4 allows no compression pointers)');
      text += `${labelFromOctets(this.take(length))}.`;
    }
    return text === '' ? ROOT : canonicalName(text);
  }
}
