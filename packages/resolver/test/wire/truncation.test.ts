import { describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import type { Message } from '../../src/message.ts';
import { groupRRsets, type RR } from '../../src/record.ts';
import { decodeMessage, encodeMessage } from '../../src/wire/codec.ts';
import { responseWith, rr } from './messages.ts';

const edns = { udpSize: 1232, version: 0, dnssecOk: false };

function big(): Message {
  return responseWith(
    {
      answer: [rr('example.com.', RRType.A, '192.0.2.1'), rr('example.com.', RRType.A, '192.0.2.2'), rr('example.com.', RRType.A, '192.0.2.3')],
      authority: Array.from({ length: 4 }, (_, i) => rr('example.com.', RRType.NS, `ns-${i}.awsdns-${i}.net.`)),
      additional: Array.from({ length: 40 }, (_, i) => rr(`host-${i}.example.com.`, RRType.TXT, [`record number ${i}`])),
    },
    { edns },
  );
}

/** True when `part` is made of whole RRsets of `all`, in order, from the first. */
function isRRsetPrefix(part: RR[], all: RR[]): boolean {
  const whole = groupRRsets(all);
  const kept = groupRRsets(part);
  return kept.length <= whole.length && kept.every((set, i) => JSON.stringify(set) === JSON.stringify(whole[i]));
}

describe('truncation (RFC 2181 §9, RFC 6891 §7)', () => {
  it('drops whole RRsets from the end, sets TC, keeps the OPT record, and fills as much as fits', () => {
    const message = big();
    for (const maxSize of [512, 700, 1232]) {
      const wire = encodeMessage(message, { maxSize });
      expect(wire.length).toBeLessThanOrEqual(maxSize);
      const decoded = decodeMessage(wire);
      expect(decoded.tc).toBe(true);
      expect(decoded.edns).toEqual(edns);
      expect(decoded.answer).toEqual(message.answer);
      expect(decoded.authority).toEqual(message.authority);
      expect(isRRsetPrefix(decoded.additional, message.additional)).toBe(true);
      // One more RRset would not have fitted.
      const next = message.additional.slice(0, decoded.additional.length + 1);
      expect(encodeMessage({ ...message, additional: next }).length).toBeGreaterThan(maxSize);
    }
  });

  it('never splits an RRset: one that does not fit whole is left out whole', () => {
    const answer = Array.from({ length: 40 }, (_, i) => rr('many.example.com.', RRType.AAAA, `2001:db8::${i + 1}`));
    const decoded = decodeMessage(encodeMessage(responseWith({ answer }), { maxSize: 512 }));
    expect(decoded.tc).toBe(true);
    expect(decoded.answer).toEqual([]);
  });

  it('never splits an RRset whose records are not next to each other', () => {
    const a = (i: number) => rr('mixed.example.com.', RRType.A, `192.0.2.${i}`);
    const txt = (i: number) => rr(`t${i}.example.com.`, RRType.TXT, ['x'.repeat(100)]);
    // The A RRset is split around four TXT RRsets: no cut may fall between its two halves.
    const answer = [a(1), txt(1), txt(2), txt(3), txt(4), a(2), txt(5)];
    const decoded = decodeMessage(encodeMessage(responseWith({ answer }), { maxSize: 512 }));
    expect(decoded.tc).toBe(true);
    expect(decoded.answer).toEqual([]);
    const roomy = decodeMessage(encodeMessage(responseWith({ answer }), { maxSize: 600 }));
    expect(roomy.answer).toEqual(answer.slice(0, 6));
  });

  it('keeps the extended rcode in the OPT record when truncating', () => {
    const decoded = decodeMessage(encodeMessage({ ...big(), rcode: 23 }, { maxSize: 512 }));
    expect(decoded.rcode).toBe(23);
    expect(decoded.tc).toBe(true);
  });

  it('a message that fits is unchanged and TC stays clear', () => {
    const message = big();
    const wire = encodeMessage(message);
    expect(wire.length).toBeGreaterThan(1232);
    const decoded = decodeMessage(encodeMessage(message, { maxSize: wire.length }));
    expect(decoded.tc).toBe(false);
    expect(decoded.additional).toEqual(message.additional);
  });
});
