/**
 * DNS over TCP frames each message with a two-octet length (RFC 1035 §4.2.2, RFC 7766 §8).
 * A stream may carry several messages and split them anywhere.
 */

export function frame(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(message.length + 2);
  out.writeUInt16BE(message.length, 0);
  out.set(message, 2);
  return out;
}

/** Collects stream chunks and hands back each complete message. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: Buffer[] = [];
    let at = 0;
    while (this.pending.length - at >= 2) {
      const length = this.pending.readUInt16BE(at);
      if (this.pending.length - at - 2 < length) break;
      messages.push(this.pending.subarray(at + 2, at + 2 + length));
      at += 2 + length;
    }
    this.pending = at === this.pending.length ? Buffer.alloc(0) : Buffer.from(this.pending.subarray(at));
    return messages;
  }

  /** Octets received that do not yet make a whole message. */
  get buffered(): number {
    return this.pending.length;
  }
}
