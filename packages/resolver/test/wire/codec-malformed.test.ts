import { describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import { makeQuery, type Message } from '../../src/message.ts';
import { decodeMessage, encodeMessage, formErrFor, readHeaderId } from '../../src/wire/codec.ts';
import { WireError } from '../../src/wire/errors.ts';
import { mulberry32 } from '../net/fuzz-harness.ts';
import { hex, responseWith, rr } from './messages.ts';

/** Header with the given counts, then the body (hex). */
function packet(counts: [number, number, number, number], body: string): Uint8Array {
  const c = counts.map((n) => n.toString(16).padStart(4, '0')).join(' ');
  return hex(`abcd 0100 ${c} ${body}`);
}
const QUESTION = '07 6578616d706c65 03 636f6d 00 0001 0001'; // example.com. A IN, 17 octets at offset 12

function decodeError(buf: Uint8Array): WireError {
  try {
    decodeMessage(buf);
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    return error as WireError;
  }
  throw new Error('decoded without an error');
}

describe('malformed packets are WireErrors with a position', () => {
  it('a header shorter than 12 octets', () => {
    expect(decodeError(hex('abcd 0100 0001')).offset).toBe(0);
  });

  it('trailing garbage after the last record', () => {
    const error = decodeError(packet([1, 0, 0, 0], `${QUESTION} ff ee`));
    expect(error.offset).toBe(29);
    expect(error.reason).toMatch(/2 octets of trailing data/);
  });

  it('counts larger than the data', () => {
    expect(decodeError(packet([2, 0, 0, 0], QUESTION)).offset).toBe(29);
    expect(decodeError(packet([1, 65535, 0, 0], QUESTION)).reason).toMatch(/past the end/);
    expect(decodeError(packet([0xffff, 0xffff, 0xffff, 0xffff], '')).reason).toMatch(/past the end/);
  });

  it('a compression pointer to itself, forward, or into its own name (loops)', () => {
    expect(decodeError(packet([1, 0, 0, 0], 'c00c 0001 0001')).reason).toMatch(/does not point backwards/);
    expect(decodeError(packet([1, 0, 0, 0], 'c00e 0001 0001 00')).reason).toMatch(/does not point backwards/);
    expect(decodeError(packet([1, 0, 0, 0], '01 61 c00c 0001 0001')).offset).toBe(14);
    // The answer's owner points at the question's pointer, which points back into the answer.
    const chained = decodeError(packet([1, 1, 0, 0], `01 61 c01d 0001 0001 c00e 0001 0001 00000001 0004 c0000201`));
    expect(chained.reason).toMatch(/compression pointer/);
  });

  it('label types other than length and pointer (a length above 63)', () => {
    expect(decodeError(packet([1, 0, 0, 0], '40 00 0001 0001')).reason).toMatch(/label type 0x40/);
    expect(decodeError(packet([1, 0, 0, 0], '80 00 0001 0001')).reason).toMatch(/label type 0x80/);
  });

  it('a name longer than 255 octets', () => {
    const label = `3f ${'61'.repeat(63)}`;
    expect(decodeError(packet([1, 0, 0, 0], `${label.repeat(4)} 00 0001 0001`)).reason).toMatch(/255/);
  });

  it('a name or label that runs past the end', () => {
    expect(decodeError(packet([1, 0, 0, 0], '07 6578616d')).reason).toMatch(/label runs past/);
    expect(decodeError(packet([1, 0, 0, 0], '03 636f6d')).reason).toMatch(/name runs past/);
    expect(decodeError(packet([1, 0, 0, 0], 'c0')).reason).toMatch(/pointer runs past/);
  });

  it('RDATA that does not fill RDLENGTH exactly, or runs past it', () => {
    const answer = (type: string, rdata: string, rdlength?: number): Uint8Array => {
      const len = (rdlength ?? hex(rdata).length).toString(16).padStart(4, '0');
      return packet([1, 1, 0, 0], `${QUESTION} c00c ${type} 0001 0000012c ${len} ${rdata}`);
    };
    expect(decodeError(answer('0001', 'c0000201 05')).reason).toMatch(/A RDATA must be 4 octets, not 5/);
    expect(decodeError(answer('001c', 'c0000201')).reason).toMatch(/AAAA RDATA must be 16/);
    expect(decodeError(answer('0001', 'c0000201', 9)).reason).toMatch(/RDLENGTH 9 runs past/);
    // NS whose name spills out of its RDATA into the octets after it.
    expect(decodeError(answer('0002', '02 6e73 c00c 00', 3)).reason).toMatch(/RDLENGTH says 3/);
    expect(decodeError(answer('0006', 'c00c c00c 00000001', 8)).reason).toMatch(/SOA/);
    expect(decodeError(answer('0010', '05 616263')).reason).toMatch(/character-string runs past/);
    expect(decodeError(answer('0101', '00 00 6161')).reason).toMatch(/CAA tag is empty/);
    expect(decodeError(answer('0021', '0001 0002')).reason).toMatch(/SRV/);
  });

  it('OPT records: two of them, one outside the additional section, a non-root owner, an option overrun', () => {
    const opt = '00 0029 1000 00000000 0000';
    expect(decodeError(packet([1, 0, 0, 2], `${QUESTION} ${opt} ${opt}`)).reason).toMatch(/more than one OPT/);
    expect(decodeError(packet([1, 1, 0, 0], `${QUESTION} ${opt}`)).reason).toMatch(/OPT record in the answer section/);
    expect(decodeError(packet([1, 0, 0, 1], `${QUESTION} c00c 0029 1000 00000000 0000`)).reason).toMatch(/not the root/);
    expect(decodeError(packet([1, 0, 0, 1], `${QUESTION} 00 0029 1000 00000000 0006 000a 0008 0102`)).reason).toMatch(/runs past the OPT RDATA/);
    expect(decodeError(packet([1, 0, 0, 1], `${QUESTION} 00 0029 1000 00000000 0010 000a 0008`)).reason).toMatch(/past the end/);
  });
});

describe('header helpers for undecodable packets', () => {
  it('readHeaderId needs 12 octets', () => {
    expect(readHeaderId(hex('abcd 0100 0001 0000 0000'))).toBeUndefined();
    expect(readHeaderId(hex('abcd 0100 0001 0000 0000 0000'))).toBe(0xabcd);
  });

  it('formErrFor keeps the ID, opcode and RD, sets QR and FORMERR, and carries no sections', () => {
    const reply = formErrFor(hex('abcd 2100 0001 0000 0000 0000 ffff')) as Uint8Array;
    const decoded = decodeMessage(reply);
    expect(decoded).toMatchObject({ id: 0xabcd, qr: true, opcode: 4, rd: true, aa: false, rcode: 1, question: [], answer: [] });
    expect(formErrFor(hex('abcd 0100'))).toBeUndefined();
  });
});

describe('decoding mutated messages', () => {
  it('only ever succeeds or throws WireError, quickly; whatever decodes re-encodes to the same message', () => {
    const seeds: Message[] = [
      makeQuery(1, 'Www.Example.com.', RRType.A, { rd: true, edns: { udpSize: 1232, version: 0, dnssecOk: true, cookie: { client: new Uint8Array(8).fill(3) } } }),
      responseWith(
        {
          answer: [rr('example.com.', RRType.SOA, { mname: 'ns.example.com.', rname: 'h.example.com.', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 })],
          authority: [rr('example.com.', RRType.NS, 'ns.example.com.'), rr('example.com.', RRType.NS, 'ns2.example.com.')],
          additional: [rr('ns.example.com.', RRType.A, '192.0.2.1'), rr('ns.example.com.', RRType.AAAA, '2001:db8::53'), rr('x.example.com.', RRType.TXT, ['t']), rr('x.example.com.', RRType.MX, { preference: 1, exchange: 'example.com.' })],
        },
        { edns: { udpSize: 4096, version: 0, dnssecOk: false } },
      ),
    ];
    const random = mulberry32(20261122);
    const originals = seeds.map((m) => encodeMessage(m));
    let decoded = 0;
    const started = performance.now();
    for (let i = 0; i < 20000; i++) {
      const buf = Uint8Array.from(originals[i % originals.length] as Uint8Array);
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) {
        const at = Math.floor(random() * buf.length);
        buf[at] = (buf[at] as number) ^ (1 << Math.floor(random() * 8));
      }
      const cut = random() < 0.2 ? buf.subarray(0, Math.floor(random() * buf.length)) : buf;
      let message: Message;
      try {
        message = decodeMessage(cut);
      } catch (error) {
        if (!(error instanceof WireError)) throw error;
        continue;
      }
      decoded++;
      // A malformed cookie is read as a flag and cannot be written back as the same octets.
      if (message.edns?.malformedCookie) continue;
      expect(decodeMessage(encodeMessage(message))).toEqual(message);
    }
    expect(decoded).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(20000);
  });
});
