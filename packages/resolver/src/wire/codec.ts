import { MAX_TTL, Rcode } from '../constants.ts';
import type { Message, Question } from '../message.ts';
import { receivedTtl, type RR } from '../record.ts';
import { decodeOpt, encodeOpt, OPT_TYPE, optLength } from './edns.ts';
import { WireError } from './errors.ts';
import { decodeRData, encodeRData } from './rdata.ts';
import { WireReader } from './reader.ts';
import { WireWriter } from './writer.ts';

/**
 * DNS messages to and from octets (RFC 1035 §4), used only at the socket boundary. Written by
 * hand rather than over dns-packet, whose defects here are structural: names (see labels.ts),
 * no compression when encoding (writer.ts), unknown classes encoded as 0 and the class's top bit
 * read as the mDNS cache-flush flag, RDATA read past RDLENGTH (rdata.ts), RangeErrors rather than
 * positioned errors, and `encode` writing defaults into the object it is given. The tests use
 * dns-packet as an independent decoder and encoder to check this one against.
 */

export const HEADER_LENGTH = 12;
const QR = 0x8000;
const AA = 0x0400;
const TC = 0x0200;
const RD = 0x0100;
const RA = 0x0080;
const AD = 0x0020;
const CD = 0x0010;

const SECTIONS = ['answer', 'authority', 'additional'] as const;

/**
 * Decodes a whole message. Record names and names inside RDATA come out canonical (lower case);
 * question names keep their case so a response can be matched octet for octet (0x20). TTLs with
 * the top bit set read as 0 (RFC 2181 §8). Anything malformed, including octets after the last
 * record, throws a WireError with the offset.
 */
export function decodeMessage(buf: Uint8Array): Message {
  if (buf.length < HEADER_LENGTH) throw new WireError(`message is ${buf.length} octets, shorter than the 12-octet header`, 0);
  const r = new WireReader(buf);
  const id = r.u16('ID');
  const flags = r.u16('flags');
  const qdcount = r.u16('QDCOUNT');
  const counts = [r.u16('ANCOUNT'), r.u16('NSCOUNT'), r.u16('ARCOUNT')] as const;
  const message: Message = {
    id,
    qr: (flags & QR) !== 0,
    opcode: (flags >> 11) & 0xf,
    aa: (flags & AA) !== 0,
    tc: (flags & TC) !== 0,
    rd: (flags & RD) !== 0,
    ra: (flags & RA) !== 0,
    ad: (flags & AD) !== 0,
    cd: (flags & CD) !== 0,
    rcode: flags & 0xf,
    question: [],
    answer: [],
    authority: [],
    additional: [],
  };
  for (let i = 0; i < qdcount; i++) {
    const name = r.name('question name', false);
    message.question.push({ name, type: r.u16('question type'), class: r.u16('question class') });
  }
  for (let s = 0; s < 3; s++) {
    const section = SECTIONS[s] as (typeof SECTIONS)[number];
    for (let i = 0; i < (counts[s] as number); i++) {
      const ownerAt = r.offset;
      const name = r.name(`${section} record owner`, true);
      const type = r.u16('record type');
      if (type === OPT_TYPE) {
        if (section !== 'additional') throw new WireError(`OPT record in the ${section} section (RFC 6891 §6.1.1)`, ownerAt);
        if (message.edns) throw new WireError('more than one OPT record (RFC 6891 §6.1.1)', ownerAt);
        const opt = decodeOpt(r, ownerAt, name);
        message.edns = opt.edns;
        message.rcode |= opt.extendedRcode << 4;
        continue;
      }
      const cls = r.u16('record class');
      const ttl = receivedTtl(r.u32('record TTL'));
      const rdlength = r.u16('RDLENGTH');
      message[section].push({ name, type, class: cls, ttl, data: decodeRData(r, type, rdlength) });
    }
  }
  if (r.remaining > 0) throw new WireError(`${r.remaining} octets of trailing data after the last record`, r.offset);
  return message;
}

export interface EncodeOptions {
  /** Largest message to produce; larger ones are truncated (default 65535, the TCP limit). */
  maxSize?: number;
}

/**
 * Encodes a message without touching it. When it exceeds `maxSize`, whole RRsets are dropped
 * from the end (RFC 2181 §9: never part of an RRset), the OPT record is kept (RFC 6891 §7) and
 * TC is set. TC is set whenever anything is dropped, even an additional-section RRset: the codec
 * cannot tell required glue (RFC 9471) from optional extras, and a needless TCP retry is the
 * safe side of that choice.
 */
export function encodeMessage(msg: Message, opts: EncodeOptions = {}): Uint8Array {
  const maxSize = Math.min(opts.maxSize ?? 0xffff, 0xffff);
  checkHeader(msg);
  const w = new WireWriter();
  w.u16(msg.id);
  w.u16(0);
  w.u16(msg.question.length);
  w.u16(0);
  w.u16(0);
  w.u16(0);
  for (const q of msg.question) writeQuestion(w, q);
  const sections = SECTIONS.map((name) => msg[name]);
  const starts: number[] = [];
  for (const records of sections) {
    for (const rr of records) {
      starts.push(w.length);
      writeRecord(w, rr);
    }
  }
  const optSize = msg.edns ? optLength(msg.edns) : 0;
  let kept = starts.length;
  let tc = msg.tc;
  if (w.length + optSize > maxSize) {
    kept = wholeRRsetsThatFit(sections, starts, maxSize - optSize);
    if (kept < starts.length) w.truncate(starts[kept] as number);
    tc = true;
  }
  const counts = sections.map((records, s) => {
    const before = sections.slice(0, s).reduce((n, r) => n + r.length, 0);
    return Math.max(0, Math.min(records.length, kept - before));
  }) as [number, number, number];
  if (msg.edns) {
    encodeOpt(w, msg.edns, msg.rcode);
    counts[2]++;
  }
  w.patchU16(2, flagsWord(msg, tc));
  w.patchU16(6, counts[0]);
  w.patchU16(8, counts[1]);
  w.patchU16(10, counts[2]);
  return w.result();
}

function checkHeader(msg: Message): void {
  if (!Number.isInteger(msg.id) || msg.id < 0 || msg.id > 0xffff) throw new WireError(`message ID ${msg.id} is not a 16-bit number`);
  if (!Number.isInteger(msg.opcode) || msg.opcode < 0 || msg.opcode > 15) throw new WireError(`opcode ${msg.opcode} is not a 4-bit number`);
  if (!Number.isInteger(msg.rcode) || msg.rcode < 0 || msg.rcode > 0xfff) throw new WireError(`rcode ${msg.rcode} is not a 12-bit number`);
  if (msg.rcode > 15 && !msg.edns) {
    throw new WireError(`rcode ${msg.rcode} needs an OPT record for its upper bits (RFC 6891 §6.1.3)`);
  }
}

function flagsWord(msg: Message, tc: boolean): number {
  return (
    (msg.qr ? QR : 0) |
    (msg.opcode << 11) |
    (msg.aa ? AA : 0) |
    (tc ? TC : 0) |
    (msg.rd ? RD : 0) |
    (msg.ra ? RA : 0) |
    (msg.ad ? AD : 0) |
    (msg.cd ? CD : 0) |
    (msg.rcode & 0xf)
  );
}

function writeQuestion(w: WireWriter, q: Question): void {
  w.name(q.name, true);
  w.u16(u16(q.type, 'question type'));
  w.u16(u16(q.class, 'question class'));
}

function writeRecord(w: WireWriter, rr: RR): void {
  if (!Number.isInteger(rr.ttl) || rr.ttl < 0 || rr.ttl > MAX_TTL) {
    // A missing or out-of-range TTL is refused rather than sent as 0 (what dns-packet does).
    throw new WireError(`record ${rr.name} type ${rr.type} has TTL ${rr.ttl}, not 0 … ${MAX_TTL} (RFC 2181 §8)`);
  }
  if (rr.type === OPT_TYPE) throw new WireError('an OPT record is written from the message\'s edns field, not as a record');
  w.name(rr.name, true);
  w.u16(u16(rr.type, 'record type'));
  w.u16(u16(rr.class, 'record class'));
  w.u32(rr.ttl);
  encodeRData(w, rr.type, rr.data);
}

function u16(v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new WireError(`${what} ${v} is not a 16-bit number`);
  return v;
}

/**
 * How many records, in message order, can be kept so that every kept RRset is whole and the
 * records end by `limit` octets (`starts` holds where each record begins). A cut before record i
 * keeps RRsets whole only if every RRset of its section begun before i also ends before i, which
 * holds even when an RRset's records are not next to each other.
 */
function wholeRRsetsThatFit(sections: readonly (readonly RR[])[], starts: readonly number[], limit: number): number {
  let best = 0;
  let index = 0;
  for (const records of sections) {
    const lastOfRRset = new Map<string, number>();
    records.forEach((rr, i) => lastOfRRset.set(rrsetKey(rr), i));
    let openUntil = -1;
    for (let i = 0; i < records.length; i++, index++) {
      if (i > openUntil) {
        if ((starts[index] as number) > limit) return best;
        best = index;
      }
      openUntil = Math.max(openUntil, lastOfRRset.get(rrsetKey(records[i] as RR)) as number);
    }
  }
  return best;
}

function rrsetKey(rr: RR): string {
  return `${rr.name}\u0000${rr.type}\u0000${rr.class}`;
}


/** The ID of a message whose header can be read (12 octets), for answering what cannot be decoded. */
export function readHeaderId(buf: Uint8Array): number | undefined {
  return buf.length < HEADER_LENGTH ? undefined : ((buf[0] as number) << 8) | (buf[1] as number);
}

/**
 * A minimal FORMERR reply (RFC 1035 §4.1.1) to a packet that could not be decoded: its ID,
 * opcode and RD bit, no sections (the question may be what was malformed). Undefined when not
 * even the header can be read.
 */
export function formErrFor(buf: Uint8Array): Uint8Array | undefined {
  const id = readHeaderId(buf);
  if (id === undefined) return undefined;
  const flags = (((buf[2] as number) << 8) | (buf[3] as number)) & (0x7800 | RD);
  const out = new Uint8Array(HEADER_LENGTH);
  const view = new DataView(out.buffer);
  view.setUint16(0, id);
  view.setUint16(2, QR | flags | Rcode.FORMERR);
  return out;
}

/** Whether the undecodable packet's header says it is a response (which must never be answered). */
export function isResponseHeader(buf: Uint8Array): boolean {
  return buf.length >= 3 && ((buf[2] as number) & 0x80) !== 0;
}

