import { MAX_TTL, parseClassName, parseTypeName, RRClass, RRType, typeName } from '../constants.ts';
import { canonicalName, type Name } from '../name.ts';
import { checkTtl, type RData, type RR, type SoaData } from '../record.ts';
import { parseRDataTokens } from '../rdata-text.ts';
import { DURATION_EXPECTED, parseDuration } from './duration.ts';
import { badValue, RDataError, ZoneFileError } from './errors.ts';
import { NameTextError, parseNameText } from './presentation-name.ts';
import { tokenize, type Entry, type Token } from './tokenizer.ts';

export interface ZoneFileOptions {
  /** Named in error messages. */
  file?: string;
  /** The origin before any $ORIGIN: what `@` and relative names are relative to. */
  origin?: Name;
  /** A TTL for records that give none, as if the file began with `$TTL`. */
  defaultTtl?: number;
}

const DEFAULT_FILE = '<zone>';

/**
 * Records of an RFC 1035 §5 master file, in file order. Throws ZoneFileError naming the file,
 * line, column and token of the first problem (and TtlError for a `defaultTtl` out of range).
 */
export function parseZoneFile(text: string, opts: ZoneFileOptions = {}): RR[] {
  return new ZoneFileParser(opts).parse(text);
}

class ZoneFileParser {
  private readonly file: string;
  private origin: Name | undefined;
  /** From $TTL (RFC 2308 §4): applies to every later record that gives no TTL. */
  private defaultTtl: number | undefined;
  /** RFC 1035 §5.1: without $TTL, an omitted TTL is the last one stated. */
  private lastTtl: number | undefined;
  private lastOwner: Name | undefined;
  /** RFC 1035 §5.2: all records of a master file share one class; an omitted class is that one. */
  private zoneClass: number | undefined;
  private readonly records: RR[] = [];

  constructor(opts: ZoneFileOptions) {
    this.file = opts.file ?? DEFAULT_FILE;
    this.origin = opts.origin === undefined ? undefined : canonicalName(opts.origin);
    this.defaultTtl = opts.defaultTtl === undefined ? undefined : checkTtl(opts.defaultTtl);
  }

  parse(text: string): RR[] {
    // Editors on Windows may start a UTF-8 file with a byte order mark; it is not part of the zone.
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    for (const entry of tokenize(body, this.file)) {
      const first = entry.tokens[0] as Token;
      if (first.text.startsWith('$')) this.directive(entry);
      else this.record(entry);
    }
    return this.records;
  }

  private directive(entry: Entry): void {
    const [keyword, argument, extra] = entry.tokens as [Token, Token | undefined, Token | undefined];
    const name = keyword.text.toUpperCase();
    if (name === '$INCLUDE' || name === '$GENERATE') {
      throw this.error(keyword, `${name} is not supported: write the records it would produce into this file`);
    }
    if (name !== '$ORIGIN' && name !== '$TTL') {
      throw this.error(keyword, `unknown directive ${JSON.stringify(keyword.text)}: expected $ORIGIN or $TTL`);
    }
    if (!argument) throw this.errorAtEnd(entry, `missing ${name} value: expected ${name === '$TTL' ? DURATION_EXPECTED : 'a domain name'}`);
    if (extra) throw this.error(extra, `unexpected ${JSON.stringify(extra.text)} after ${name} ${argument.text}: expected the end of the line`);
    if (name === '$TTL') this.defaultTtl = this.ttl(argument);
    else this.origin = this.name(argument, '$ORIGIN');
  }

  private record(entry: Entry): void {
    const tokens = entry.tokens;
    let at = 0;
    let owner: Name;
    if (entry.ownerOmitted) {
      if (this.lastOwner === undefined) {
        throw this.error(tokens[0] as Token, 'no owner: a line that begins with blank space repeats the previous owner, and there is none');
      }
      owner = this.lastOwner;
    } else owner = this.name(tokens[at++] as Token, 'owner name');

    // RFC 1035 §5.1 allows TTL and class in either order, each optional.
    let ttl: number | undefined;
    let classToken: Token | undefined;
    for (let fields = 0; fields < 2; fields++) {
      const token = tokens[at];
      if (token === undefined) break;
      if (ttl === undefined && /^\d/.test(token.text)) ttl = this.ttl(token);
      else if (classToken === undefined && parseClassName(token.text) !== undefined) classToken = token;
      else break;
      at++;
    }

    const typeToken = tokens[at++];
    if (!typeToken) throw this.errorAtEnd(entry, 'missing record type: expected a type such as A, NS or MX');
    const type = parseTypeName(typeToken.text);
    if (type === undefined) throw this.error(typeToken, badValue('record type', typeToken.text, 'a type such as A, NS, MX or TYPEnnn'));
    // OPT and the query-only types (RFC 6895 §3.1: 128–255) describe messages, not zone data.
    if (type === RRType.OPT || (type >= 128 && type <= 255)) {
      throw this.error(typeToken, `${typeName(type)} is not a record type that can appear in a zone file`);
    }

    const rrClass = this.recordClass(classToken);
    const rdataTokens = tokens.slice(at);
    let data: RData;
    try {
      data = parseRDataTokens(
        type,
        rdataTokens.map((t) => t.text),
        this.origin,
      );
    } catch (e) {
      if (!(e instanceof RDataError)) throw e;
      const token = rdataTokens[e.index];
      throw token ? this.error(token, e.message) : this.errorAtEnd(entry, e.message);
    }

    if (ttl !== undefined) this.lastTtl = ttl;
    else if (this.defaultTtl !== undefined) ttl = this.defaultTtl;
    else if (this.lastTtl !== undefined) ttl = this.lastTtl;
    else if (type === RRType.SOA && (data as SoaData).minimum <= MAX_TTL) {
      // RFC 1035 §3.3.13: the SOA minimum is the TTL exported with records that state none;
      // BIND reads an SOA without a TTL this way, and later records inherit it as the last TTL.
      ttl = this.lastTtl = (data as SoaData).minimum;
    } else {
      throw this.error(tokens[0] as Token, 'no TTL for this record: give it one, or add a $TTL line above it');
    }

    this.lastOwner = owner;
    this.records.push({ name: owner, type, class: rrClass, ttl, data });
  }

  private recordClass(token: Token | undefined): number {
    if (!token) return (this.zoneClass ??= RRClass.IN);
    const rrClass = parseClassName(token.text) as number;
    this.zoneClass ??= rrClass;
    if (rrClass !== this.zoneClass) {
      throw this.error(token, `class ${token.text} differs from the class of the file's first record: a zone file holds one class`);
    }
    return rrClass;
  }

  private ttl(token: Token): number {
    const seconds = parseDuration(token.text);
    if (seconds === undefined) throw this.error(token, badValue('TTL', token.text, DURATION_EXPECTED));
    if (seconds > MAX_TTL) throw this.error(token, badValue('TTL', token.text, `at most ${MAX_TTL} seconds (RFC 2181 §8)`));
    return seconds;
  }

  private name(token: Token, what: string): Name {
    try {
      return parseNameText(token.text, this.origin);
    } catch (e) {
      if (e instanceof NameTextError) throw this.error(token, badValue(what, token.text, `a domain name (${e.message})`));
      throw e;
    }
  }

  private error(token: Token, reason: string): ZoneFileError {
    return new ZoneFileError(this.file, token.line, token.column, token.text, reason);
  }

  private errorAtEnd(entry: Entry, reason: string): ZoneFileError {
    return new ZoneFileError(this.file, entry.end.line, entry.end.column, '', reason);
  }
}
