import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import type { RR } from '../../src/record.ts';
import { decodeMessage, encodeMessage } from '../../src/wire/codec.ts';
import { responseWith, rr } from './messages.ts';

/**
 * The round-trip helper used for every type, as dns-packet's own tests do: encode, decode, and
 * the result equals what went in; encoding the decoded message again gives the same octets;
 * and dns-packet, an independent decoder, reads the same record from our octets.
 */
function roundTrip(record: RR, expected: RR = record): void {
  const message = responseWith({ answer: [record] });
  const wire = encodeMessage(message);
  const decoded = decodeMessage(wire);
  expect(decoded.answer).toEqual([expected]);
  expect(encodeMessage(decoded)).toEqual(wire);
}

/** What dns-packet makes of our octets (its answer record). */
function viaDnsPacket(record: RR): dnsPacket.Answer {
  const packet = dnsPacket.decode(Buffer.from(encodeMessage(responseWith({ answer: [record] }))));
  return packet.answers?.[0] as dnsPacket.Answer;
}

describe('round trip of every interpreted type', () => {
  const cases: [string, RR, unknown][] = [
    ['A', rr('a.example.com.', RRType.A, '192.0.2.1'), '192.0.2.1'],
    ['AAAA', rr('a.example.com.', RRType.AAAA, '2001:db8::1'), '2001:db8::1'],
    ['NS', rr('example.com.', RRType.NS, 'ns1.example.net.'), 'ns1.example.net'],
    ['CNAME', rr('www.example.com.', RRType.CNAME, 'example.com.'), 'example.com'],
    ['PTR', rr('1.2.0.192.in-addr.arpa.', RRType.PTR, 'host.example.com.'), 'host.example.com'],
    [
      'SOA',
      rr('example.com.', RRType.SOA, { mname: 'ns-1.awsdns-1.com.', rname: 'awsdns-hostmaster.amazon.com.', serial: 4294967295, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 }),
      { mname: 'ns-1.awsdns-1.com', rname: 'awsdns-hostmaster.amazon.com', serial: 4294967295, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 },
    ],
    ['MX', rr('example.com.', RRType.MX, { preference: 10, exchange: 'mail.example.com.' }), { preference: 10, exchange: 'mail.example.com' }],
    ['SRV', rr('_sip._udp.example.com.', RRType.SRV, { priority: 1, weight: 2, port: 5060, target: 'sip.example.com.' }), { priority: 1, weight: 2, port: 5060, target: 'sip.example.com' }],
    ['CAA', rr('example.com.', RRType.CAA, { flags: 128, tag: 'issue', value: 'amazon.com' }), { flags: 128, tag: 'issue', value: 'amazon.com', issuerCritical: true }],
    ['DS', rr('example.com.', RRType.DS, { keyTag: 60485, algorithm: 5, digestType: 1, digest: '2bb183af5f22588179a53b0a98631fad1a292118' }), null],
  ];
  for (const [type, record, oracle] of cases) {
    it(`${type}: encode → decode is the identity, and dns-packet reads the same data`, () => {
      roundTrip(record);
      const theirs = viaDnsPacket(record) as { type: string; ttl: number; data?: unknown };
      expect(theirs.type).toBe(type);
      expect(theirs.ttl).toBe(300);
      if (oracle !== null) expect(theirs.data).toEqual(oracle);
    });
  }

  it('DS: dns-packet reads the digest octets we wrote', () => {
    const digest = '2bb183af5f22588179a53b0a98631fad1a292118';
    const theirs = viaDnsPacket(rr('example.com.', RRType.DS, { keyTag: 60485, algorithm: 5, digestType: 1, digest })) as { data: { keyTag: number; digest: Buffer } };
    expect(theirs.data.keyTag).toBe(60485);
    expect(theirs.data.digest.toString('hex')).toBe(digest);
  });

  it('TXT: a list of character-strings, empty and binary ones included', () => {
    roundTrip(rr('example.com.', RRType.TXT, ['v=spf1 -all', '', 'x'.repeat(255)]));
    roundTrip(rr('example.com.', RRType.TXT, ['\u0000\u00ff\u0080"\\']));
    const theirs = viaDnsPacket(rr('example.com.', RRType.TXT, ['hello', 'world'])) as { data: Buffer[] };
    expect(theirs.data.map((b) => b.toString())).toEqual(['hello', 'world']);
  });

  it('types we do not interpret travel as opaque octets (RFC 3597), also through dns-packet', () => {
    const raw = Uint8Array.from([1, 2, 3, 0, 255]);
    for (const type of [99, 65280, 65535, 48 /* DNSKEY */]) roundTrip(rr('example.com.', type, { raw }));
    roundTrip(rr('example.com.', 65280, { raw: new Uint8Array(0) }));
    const theirs = viaDnsPacket(rr('example.com.', 65280, { raw })) as { type: string; data: Buffer };
    expect(theirs.type).toBe('UNKNOWN_65280');
    expect(Uint8Array.from(theirs.data)).toEqual(raw);
  });

  it('an interpreted type given as opaque octets (RFC 3597 §5) decodes to its interpreted form', () => {
    roundTrip(rr('example.com.', RRType.A, { raw: Uint8Array.from([192, 0, 2, 7]) }), rr('example.com.', RRType.A, '192.0.2.7'));
  });

  it('classes other than IN, including ones with the top bit set, are kept (no mDNS cache-flush bit)', () => {
    roundTrip(rr('example.com.', RRType.A, '192.0.2.1', 300, 3));
    roundTrip(rr('example.com.', RRType.A, '192.0.2.1', 300, 0x8001));
    roundTrip(rr('example.com.', 65280, { raw: Uint8Array.from([9]) }, 300, 42));
  });

  it('messages dns-packet encodes decode to the same data', () => {
    const wire = dnsPacket.encode({
      type: 'response',
      id: 7,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED,
      questions: [{ type: 'NS', name: 'Example.COM' }],
      answers: [
        { type: 'NS', name: 'example.com', ttl: 172800, data: 'ns-2048.awsdns-64.com' },
        { type: 'MX', name: 'example.com', ttl: 60, data: { preference: 5, exchange: 'mx.example.com' } },
      ],
      additionals: [{ type: 'AAAA', name: 'ns-2048.awsdns-64.com', ttl: 172800, data: '2600:9000:5300:0000::1' }],
    });
    const decoded = decodeMessage(wire);
    expect(decoded).toMatchObject({ id: 7, qr: true, aa: true, rd: true, question: [{ name: 'Example.COM.', type: RRType.NS, class: 1 }] });
    expect(decoded.answer).toEqual([
      rr('example.com.', RRType.NS, 'ns-2048.awsdns-64.com.', 172800),
      rr('example.com.', RRType.MX, { preference: 5, exchange: 'mx.example.com.' }, 60),
    ]);
    expect(decoded.additional).toEqual([rr('ns-2048.awsdns-64.com.', RRType.AAAA, '2600:9000:5300::1', 172800)]);
  });

  it('header flags and opcode survive, each checked against dns-packet', () => {
    const flagNames = ['qr', 'aa', 'tc', 'rd', 'ra', 'ad', 'cd'] as const;
    for (const flag of flagNames) {
      const message = { ...responseWith({}), qr: false, aa: false, rd: false, [flag]: true, opcode: 4 };
      const wire = encodeMessage(message);
      const decoded = decodeMessage(wire);
      for (const f of flagNames) expect(decoded[f]).toBe(f === flag);
      expect(decoded.opcode).toBe(4);
      const theirs = dnsPacket.decode(Buffer.from(wire)) as unknown as Record<string, unknown>;
      expect(theirs[`flag_${flag}`]).toBe(true);
      expect(theirs.opcode).toBe('NOTIFY');
    }
  });
});
