/**
 * RDATA in presentation format (RFC 1035 §5.1 and each type's RFC), both ways. Every type we
 * interpret is one table entry with a parser and a formatter; any type, known or not, may also be
 * written in the generic form of RFC 3597 (`\# length hex`), and data we carry opaque is printed
 * that way.
 *
 * Parsers take the tokens of one record's RDATA as written: quoted strings keep their quotes and
 * escapes are not yet decoded, because `a\.b` (one label) and `a.b` (two) differ only there.
 */
import { className, RRType, typeName } from './constants.ts';
import { NameError, type Name } from './name.ts';
import type { CaaData, DsData, MxData, OpaqueData, RData, RR, SoaData, SrvData } from './record.ts';
import { dsDigestProblem } from './zonefile/ds-digest.ts';
import { DURATION_EXPECTED, parseDuration } from './zonefile/duration.ts';
import { badValue, RDataError } from './zonefile/errors.ts';
import { characterStringOctets, EscapeError, formatCharacterString, octetsToBinaryString } from './zonefile/escapes.ts';
import { formatIPv6, parseIPv4, parseIPv6 } from './zonefile/ip-address.ts';
import { NameTextError, parseNameText } from './zonefile/presentation-name.ts';
import { rdataFromOctets, RDataOctetsError } from './zonefile/rdata-octets.ts';

/** RDATA of `type` from its presentation tokens; relative names are completed with `origin`. Throws RDataError. */
export function parseRData(type: number, tokens: string[], origin: Name): RData {
  return parseRDataTokens(type, tokens, origin);
}

/** As `parseRData`, but with no origin a relative name is an error rather than a guess. */
export function parseRDataTokens(type: number, tokens: readonly string[], origin: Name | undefined): RData {
  const fields = new FieldReader(type, tokens, origin);
  if (tokens[0] === '\\#') return parseGeneric(fields);
  const presentation = presentations.get(type);
  if (!presentation) {
    throw new RDataError(0, tokens[0] ?? '', `${typeName(type)} is not a type we can read in its own format: expected RFC 3597 generic data "\\# length hex"`);
  }
  const data = presentation.parse(fields);
  fields.end();
  return data;
}

/** Presentation text of RDATA, names absolute. */
export function formatRData(type: number, data: RData): string {
  if (isOpaque(data)) return formatGeneric(data.raw);
  const presentation = presentations.get(type);
  if (!presentation) throw new TypeError(`${typeName(type)} data must be opaque ({ raw }) to be printed`);
  return presentation.format(data);
}

/** One record on one line, as dig prints it: `www.example.com. 300 IN A 192.0.2.1`. */
export function formatRR(rr: RR): string {
  return `${rr.name} ${rr.ttl} ${className(rr.class)} ${typeName(rr.type)} ${formatRData(rr.type, rr.data)}`;
}

function isOpaque(data: RData): data is OpaqueData {
  return typeof data === 'object' && !Array.isArray(data) && 'raw' in data;
}

interface Presentation {
  parse(fields: FieldReader): RData;
  format(data: RData): string;
}

const nameTarget: Presentation = {
  parse: (f) => f.name('target'),
  format: (data) => data as string,
};

/** DNSSEC algorithm mnemonics (RFC 4034 §5.3 allows them in DS; IANA registry names). */
const algorithmMnemonics = new Map<string, number>([
  ['RSAMD5', 1],
  ['DH', 2],
  ['DSA', 3],
  ['RSASHA1', 5],
  ['DSA-NSEC3-SHA1', 6],
  ['RSASHA1-NSEC3-SHA1', 7],
  ['RSASHA256', 8],
  ['RSASHA512', 10],
  ['ECC-GOST', 12],
  ['ECDSAP256SHA256', 13],
  ['ECDSAP384SHA384', 14],
  ['ED25519', 15],
  ['ED448', 16],
]);

const U16 = 0xffff;
const U32 = 0xffffffff;

const presentations = new Map<number, Presentation>([
  [
    RRType.A,
    {
      // Leading zeros are refused, so a valid dotted quad is already in its one canonical form.
      parse: (f) => f.value('address', 'an IPv4 address such as 192.0.2.1', (t) => (parseIPv4(t) ? t : undefined)),
      format: (data) => data as string,
    },
  ],
  [
    RRType.AAAA,
    {
      parse: (f) => f.value('address', 'an IPv6 address such as 2001:db8::1', (t) => {
        const octets = parseIPv6(t);
        return octets && formatIPv6(octets);
      }),
      format: (data) => data as string,
    },
  ],
  [RRType.NS, nameTarget],
  [RRType.CNAME, nameTarget],
  [RRType.PTR, nameTarget],
  [
    RRType.SOA,
    {
      parse: (f): SoaData => ({
        mname: f.name('mname (primary server)'),
        rname: f.name('rname (mailbox)'),
        serial: f.uint('serial', U32),
        refresh: f.duration('refresh', U32),
        retry: f.duration('retry', U32),
        expire: f.duration('expire', U32),
        minimum: f.duration('minimum', U32),
      }),
      format: (data) => {
        const d = data as SoaData;
        return `${d.mname} ${d.rname} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
      },
    },
  ],
  [
    RRType.MX,
    {
      parse: (f): MxData => ({ preference: f.uint('preference', U16), exchange: f.name('exchange') }),
      format: (data) => `${(data as MxData).preference} ${(data as MxData).exchange}`,
    },
  ],
  [
    RRType.TXT,
    {
      parse: (f) => {
        const strings = [f.characterString('string', 255)];
        while (f.hasMore()) strings.push(f.characterString('string', 255));
        return strings;
      },
      format: (data) => (data as string[]).map(formatCharacterString).join(' '),
    },
  ],
  [
    RRType.CAA,
    {
      // RFC 8659 §4.1.1: flags, tag, and the value as one word or quoted string.
      parse: (f): CaaData => ({
        flags: f.uint('flags', 0xff),
        tag: f.value('tag', 'a tag of ASCII letters and digits such as issue', (t) => (/^[a-zA-Z0-9]{1,255}$/.test(t) ? t : undefined)),
        value: f.characterString('value', U16),
      }),
      format: (data) => {
        const d = data as CaaData;
        return `${d.flags} ${d.tag} ${formatCharacterString(d.value)}`;
      },
    },
  ],
  [
    RRType.SRV,
    {
      parse: (f): SrvData => ({
        priority: f.uint('priority', U16),
        weight: f.uint('weight', U16),
        port: f.uint('port', U16),
        target: f.name('target'),
      }),
      format: (data) => {
        const d = data as SrvData;
        return `${d.priority} ${d.weight} ${d.port} ${d.target}`;
      },
    },
  ],
  [
    RRType.DS,
    {
      parse: (f): DsData => {
        const keyTag = f.uint('key tag', U16);
        const algorithm = f.value('algorithm', 'an algorithm number 0…255 or mnemonic such as ECDSAP256SHA256', (t) =>
          /^\d+$/.test(t) ? (Number(t) <= 0xff ? Number(t) : undefined) : algorithmMnemonics.get(t.toUpperCase()),
        );
        const digestType = f.uint('digest type', 0xff);
        // RFC 4034 §5.3: whitespace is allowed within the digest's hex.
        const digest = f.hex('digest', (hex) => dsDigestProblem(digestType, hex.length / 2));
        return { keyTag, algorithm, digestType, digest };
      },
      format: (data) => {
        const d = data as DsData;
        return `${d.keyTag} ${d.algorithm} ${d.digestType} ${d.digest.toUpperCase()}`;
      },
    },
  ],
]);

/** RFC 3597 §5: `\# length hex…`, the hex possibly split into several words. */
function parseGeneric(f: FieldReader): RData {
  f.skip();
  const length = f.uint('generic data length', U16);
  const hexIndex = f.position();
  const hex = length === 0 ? '' : f.hex('generic data', (h) => (h.length === length * 2 ? undefined : `${length * 2} hex digits for length ${length} (got ${h.length})`));
  f.end();
  const raw = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  try {
    return rdataFromOctets(f.type, raw) ?? { raw };
  } catch (e) {
    if (e instanceof RDataOctetsError || e instanceof NameError) {
      throw new RDataError(hexIndex, f.tokens[hexIndex] ?? '', `bad generic ${typeName(f.type)} data: expected ${e instanceof NameError ? 'a valid domain name' : e.message}`);
    }
    throw e;
  }
}

function formatGeneric(raw: Uint8Array): string {
  if (raw.length === 0) return '\\# 0';
  const hex = Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  return `\\# ${raw.length} ${hex}`;
}

/** Reads the fields of one record's RDATA in order, saying which token is wrong and what was expected. */
class FieldReader {
  private index = 0;
  constructor(
    readonly type: number,
    readonly tokens: readonly string[],
    readonly origin: Name | undefined,
  ) {}

  position(): number {
    return this.index;
  }

  hasMore(): boolean {
    return this.index < this.tokens.length;
  }

  skip(): void {
    this.index++;
  }

  end(): void {
    if (this.hasMore()) {
      const token = this.tokens[this.index] as string;
      throw new RDataError(this.index, token, `unexpected ${JSON.stringify(token)} after the ${typeName(this.type)} data: expected the end of the record`);
    }
  }

  /**
   * The next token converted by `convert`, which returns undefined when the token is not
   * acceptable, or throws Unacceptable to say more precisely what was expected.
   */
  value<T>(field: string, expected: string, convert: (token: string) => T | undefined): T {
    const what = `${typeName(this.type)} ${field}`;
    const token = this.tokens[this.index];
    if (token === undefined) throw new RDataError(this.index, '', `missing ${what}: expected ${expected}`);
    let result: T | undefined;
    try {
      result = convert(token);
    } catch (e) {
      if (e instanceof Unacceptable) throw new RDataError(this.index, token, badValue(what, token, e.expected));
      throw e;
    }
    if (result === undefined) throw new RDataError(this.index, token, badValue(what, token, expected));
    this.index++;
    return result;
  }

  uint(field: string, max: number): number {
    return this.value(field, `a number 0…${max}`, (t) => (/^\d+$/.test(t) && Number(t) <= max ? Number(t) : undefined));
  }

  duration(field: string, max: number): number {
    return this.value(field, `${DURATION_EXPECTED}, at most ${max}`, (t) => {
      const seconds = parseDuration(t);
      return seconds !== undefined && seconds <= max ? seconds : undefined;
    });
  }

  name(field: string): Name {
    return this.value(field, 'a domain name', (t) => {
      try {
        return parseNameText(t, this.origin);
      } catch (e) {
        if (e instanceof NameTextError) throw new Unacceptable(`a domain name (${e.message})`);
        throw e;
      }
    });
  }

  /** A character-string as a binary string (one code unit per octet), at most `maxOctets` long. */
  characterString(field: string, maxOctets: number): string {
    return this.value(field, 'a character-string', (t) => {
      let octets: Uint8Array;
      try {
        octets = characterStringOctets(t);
      } catch (e) {
        if (e instanceof EscapeError) throw new Unacceptable(`a character-string (${e.message})`);
        throw e;
      }
      if (octets.length > maxOctets) throw new Unacceptable(`a character-string of at most ${maxOctets} octets (this one has ${octets.length})`);
      return octetsToBinaryString(octets);
    });
  }

  /** All remaining tokens as one lower-case hex string; `problem` vets its length. */
  hex(field: string, problem: (hex: string) => string | undefined): string {
    const what = `${typeName(this.type)} ${field}`;
    const start = this.index;
    if (!this.hasMore()) throw new RDataError(start, '', `missing ${what}: expected hex digits`);
    for (let i = start; i < this.tokens.length; i++) {
      const token = this.tokens[i] as string;
      if (!/^[0-9a-fA-F]+$/.test(token)) throw new RDataError(i, token, badValue(what, token, 'hex digits'));
    }
    const hex = this.tokens.slice(start).join('').toLowerCase();
    const wrong = hex.length % 2 === 1 ? 'an even number of hex digits' : problem(hex);
    if (wrong) throw new RDataError(start, this.tokens[start] as string, badValue(what, this.tokens.slice(start).join(' '), wrong));
    this.index = this.tokens.length;
    return hex;
  }
}

/** Thrown by a field converter to say precisely what it expected instead. */
class Unacceptable {
  constructor(readonly expected: string) {}
}
