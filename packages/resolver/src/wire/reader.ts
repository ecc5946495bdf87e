import { WireError } from './errors.ts';
import { labelText } from './labels.ts';

/**
 * A bounds-checked cursor over a received message. Every read says what it was reading, so a
 * malformed packet fails with a WireError naming the field and the octet offset, never with a
 * RangeError or a silently wrong value.
 */
export class WireReader {
  offset = 0;
  private readonly view: DataView;

  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get remaining(): number {
    return this.buf.length - this.offset;
  }

  private need(n: number, what: string): void {
    if (this.offset + n > this.buf.length) {
      throw new WireError(`${what} runs past the end of the message (${n} octets needed, ${this.remaining} left)`, this.offset);
    }
  }

  u8(what: string): number {
    this.need(1, what);
    return this.buf[this.offset++] as number;
  }

  u16(what: string): number {
    this.need(2, what);
    const v = this.view.getUint16(this.offset);
    this.offset += 2;
    return v;
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.offset);
    this.offset += 4;
    return v;
  }

  /**
   * A plain Uint8Array copy, so decoded data does not keep the whole receive buffer alive (a
   * Buffer's `slice` would be a view).
   */
  bytes(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = new Uint8Array(this.buf.subarray(this.offset, this.offset + n));
    this.offset += n;
    return out;
  }

  /**
   * A possibly compressed name (RFC 1035 §4.1.4) in presentation form, ending in a dot;
   * `lower` gives the canonical form, otherwise case is kept (question names, for 0x20).
   * A compression pointer must point before the start of the labels that led to it, so
   * following pointers always moves backwards and a loop is impossible.
   */
  name(what: string, lower: boolean): string {
    const buf = this.buf;
    let pos = this.offset;
    let segmentStart = pos;
    let resumeAt = -1;
    let wireLength = 1;
    let text = '';
    for (;;) {
      if (pos >= buf.length) throw new WireError(`${what}: name runs past the end of the message`, pos);
      const len = buf[pos] as number;
      if (len === 0) {
        pos += 1;
        break;
      }
      const kind = len & 0xc0;
      if (kind === 0xc0) {
        if (pos + 1 >= buf.length) throw new WireError(`${what}: compression pointer runs past the end of the message`, pos);
        const target = ((len & 0x3f) << 8) | (buf[pos + 1] as number);
        if (target >= segmentStart) {
          throw new WireError(`${what}: compression pointer to octet ${target} does not point backwards`, pos);
        }
        if (resumeAt < 0) resumeAt = pos + 2;
        pos = segmentStart = target;
        continue;
      }
      if (kind !== 0) {
        throw new WireError(`${what}: label type 0x${kind.toString(16)} is not a length or a pointer (RFC 6891 §5)`, pos);
      }
      if (pos + 1 + len > buf.length) throw new WireError(`${what}: label runs past the end of the message`, pos);
      wireLength += len + 1;
      if (wireLength > 255) throw new WireError(`${what}: name is longer than 255 octets`, pos);
      text += labelText(buf, pos + 1, len, lower) + '.';
      pos += 1 + len;
    }
    this.offset = resumeAt < 0 ? pos : resumeAt;
    return text === '' ? '.' : text;
  }
}
