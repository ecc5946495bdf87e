import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import { makeQuery } from '../../src/message.ts';
import { decodeMessage, encodeMessage } from '../../src/wire/codec.ts';
import { WireError } from '../../src/wire/errors.ts';
import { labelFromOctets } from '../../src/zonefile/escapes.ts';
import { hex, responseWith, rr } from './messages.ts';

describe('names on the wire', () => {
  it('record names come out canonical; the question keeps its case (0x20)', () => {
    const wire = hex('0001 8400 0001 0001 0000 0000 03 5777 57 07 4578416d506c45 03 434f4d 00 0001 0001 c00c 0001 0001 0000003c 0004 c0000201');
    const decoded = decodeMessage(wire);
    expect(decoded.question[0]?.name).toBe('WwW.ExAmPlE.COM.');
    expect(decoded.answer[0]?.name).toBe('www.example.com.');
  });

  it('a dot inside a label stays one label (dns-packet would read two)', () => {
    const name = 'a\\.b.example.';
    const wire = encodeMessage(responseWith({ answer: [rr(name, RRType.A, '192.0.2.1'), rr('b.example.', RRType.A, '192.0.2.2'), rr('x.a\\.b.example.', RRType.A, '192.0.2.3')] }));
    const decoded = decodeMessage(wire);
    expect(decoded.answer.map((r) => r.name)).toEqual([name, 'b.example.', 'x.a\\.b.example.']);
    expect(dnsPacket.decode(Buffer.from(wire)).answers?.[0]?.name).toBe('a.b.example');
  });

  it('any octet in a label round-trips, escaped exactly as the zone-file code escapes it', () => {
    for (let octet = 0; octet < 256; octet++) {
      const label = Uint8Array.from([octet, 0x41, octet]);
      const body = Buffer.concat([Buffer.from([3]), label, Buffer.from([0])]);
      const wire = Buffer.concat([hex('0001 8000 0000 0001 0000 0000'), body, hex('0001 0001 00000001 0004 c0000201')]);
      const name = decodeMessage(wire).answer[0]?.name as string;
      expect(name).toBe(`${labelFromOctets(label)}.`);
      expect(decodeMessage(encodeMessage(decodeMessage(wire))).answer[0]?.name).toBe(name);
    }
  });

  it('names that cannot exist are refused when encoding', () => {
    const encodeName = (name: string) => () => encodeMessage(makeQuery(1, name, RRType.A));
    expect(encodeName(`${'a'.repeat(64)}.example.`)).toThrow(/63/);
    expect(encodeName(`${'a'.repeat(63)}.`.repeat(4))).toThrow(/255/);
    expect(encodeName('a..example.')).toThrow(/empty label/);
    expect(encodeName('a\\')).toThrow(WireError);
    expect(encodeName('\\256.example.')).toThrow(/255/);
    expect(encodeName('\\é.example.')).toThrow(/backslash/);
  });

  it('a non-ASCII character in a name stands for its UTF-8 octets, as in zone files', () => {
    const decoded = decodeMessage(encodeMessage(makeQuery(1, 'é€.example.', RRType.A)));
    expect(decoded.question[0]?.name).toBe(`${labelFromOctets(new TextEncoder().encode('é€'))}.example.`);
    expect(decoded.question[0]?.name).toBe('\\195\\169\\226\\130\\172.example.');
  });

  it('the root and names without the trailing dot encode', () => {
    expect(decodeMessage(encodeMessage(makeQuery(1, '.', RRType.NS))).question[0]?.name).toBe('.');
    expect(decodeMessage(encodeMessage(makeQuery(1, 'Example.com', RRType.NS))).question[0]?.name).toBe('Example.com.');
  });
});

describe('compression', () => {
  const referral = responseWith({
    authority: Array.from({ length: 13 }, (_, i) => rr('com.', RRType.NS, `${String.fromCharCode(97 + i)}.gtld-servers.net.`, 172800)),
    additional: Array.from({ length: 13 }, (_, i) => rr(`${String.fromCharCode(97 + i)}.gtld-servers.net.`, RRType.A, `192.0.2.${i + 1}`, 172800)),
  });

  it('a 13-server referral with glue fits in 512 octets (uncompressed it would not), and dns-packet reads it', () => {
    const wire = encodeMessage(referral);
    expect(wire.length).toBeLessThan(512);
    const theirs = dnsPacket.encode({
      type: 'response',
      questions: [{ name: 'example.com', type: 'A' }],
      authorities: referral.authority.map((r) => ({ name: r.name, type: 'NS', ttl: r.ttl, data: r.data as string })),
      additionals: referral.additional.map((r) => ({ name: r.name, type: 'A', ttl: r.ttl, data: r.data as string })),
    });
    expect(theirs.length).toBeGreaterThan(512);
    const read = dnsPacket.decode(Buffer.from(wire));
    expect(read.authorities?.map((a) => (a as { data: string }).data)).toEqual(referral.authority.map((r) => (r.data as string).slice(0, -1)));
    expect(read.additionals?.map((a) => a.name)).toEqual(referral.additional.map((r) => r.name.slice(0, -1)));
    expect(decodeMessage(wire).authority).toEqual(referral.authority);
  });

  it('suffixes match case-insensitively; the SRV target is never compressed (RFC 2782)', () => {
    const message = responseWith({ answer: [rr('_sip._udp.example.com.', RRType.SRV, { priority: 0, weight: 0, port: 1, target: 'example.com.' })] });
    const wire = encodeMessage({ ...message, question: [{ name: 'EXAMPLE.com.', type: RRType.SRV, class: 1 }] });
    const literal = hex('07 6578616d706c65 03 636f6d 00');
    expect(Buffer.from(wire.subarray(wire.length - literal.length)).equals(literal)).toBe(true);
    // The owner's suffix "example.com." points at the question, written in upper case.
    expect(Buffer.from(wire).indexOf(hex('04 5f756470 c00c'))).toBeGreaterThan(0);
    expect(decodeMessage(wire).answer[0]?.name).toBe('_sip._udp.example.com.');
  });
});
