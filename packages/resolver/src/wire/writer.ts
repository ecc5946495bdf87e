import { WireError } from './errors.ts';
import { foldedKey, nameLabels } from './labels.ts';

/** Compression pointers hold 14 bits, so only names starting in the first 16 KiB can be targets. */
const MAX_POINTER_TARGET = 0x3fff;

interface ParsedName {
  labels: Uint8Array[];
  /** For each label, the case-folded key of the name from that label to the root. */
  suffixKeys: string[];
}

/**
 * A server writes the same few names over and over (its zones' owners and servers), so parsed
 * names are kept; the map is emptied when it grows past a bound, which keeps it cheap and small.
 */
const parsedNames = new Map<string, ParsedName>();
const PARSED_NAMES_BOUND = 4096;

function parsedName(name: string): ParsedName {
  let parsed = parsedNames.get(name);
  if (parsed) return parsed;
  const labels = nameLabels(name);
  const suffixKeys = new Array<string>(labels.length);
  let key = '';
  for (let i = labels.length - 1; i >= 0; i--) suffixKeys[i] = key = foldedKey(labels[i] as Uint8Array) + key;
  parsed = { labels, suffixKeys };
  if (parsedNames.size >= PARSED_NAMES_BOUND) parsedNames.clear();
  parsedNames.set(name, parsed);
  return parsed;
}

/**
 * A growing output buffer with name compression (RFC 1035 §4.1.4). Suffixes are matched
 * case-insensitively, as BIND does: names compare that way and a decoder canonicalises record
 * names, so the only visible effect is a smaller message. Compression is written by hand because
 * dns-packet does not compress at all, which makes referrals overflow 512 octets and truncate.
 */
export class WireWriter {
  private buf = new Uint8Array(512);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private readonly suffixes = new Map<string, number>();

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  u16(v: number): void {
    this.reserve(2);
    this.view.setUint16(this.length, v);
    this.length += 2;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v);
    this.length += 4;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Overwrites a 16-bit field written earlier (RDLENGTH, section counts). */
  patchU16(at: number, v: number): void {
    this.view.setUint16(at, v);
  }

  /** Writes a name, pointing at an earlier copy of its longest known suffix when `compress` is set. */
  name(name: string, compress: boolean): void {
    const { labels, suffixKeys } = parsedName(name);
    for (let i = 0; i < labels.length; i++) {
      const suffix = suffixKeys[i] as string;
      if (compress) {
        const target = this.suffixes.get(suffix);
        if (target !== undefined) {
          this.u16(0xc000 | target);
          return;
        }
      }
      // Every name written is remembered, compressed or not, so later names can point at it.
      if (this.length <= MAX_POINTER_TARGET && !this.suffixes.has(suffix)) this.suffixes.set(suffix, this.length);
      const label = labels[i] as Uint8Array;
      this.u8(label.length);
      this.bytes(label);
    }
    this.u8(0);
  }

  /**
   * Cuts the output back to `length` octets. Compression targets beyond the cut are forgotten;
   * pointers only ever point backwards, so everything before the cut stays valid.
   */
  truncate(length: number): void {
    if (length > this.length) throw new WireError(`cannot truncate a ${this.length}-octet message to ${length}`);
    this.length = length;
    for (const [suffix, at] of this.suffixes) if (at >= length) this.suffixes.delete(suffix);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
