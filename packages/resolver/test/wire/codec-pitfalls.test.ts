import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { makeQuery, type Edns, type Message } from '../../src/message.ts';
import type { RR } from '../../src/record.ts';
import { decodeMessage, encodeMessage } from '../../src/wire/codec.ts';
import { WireError } from '../../src/wire/errors.ts';
import { deepFreeze, hex, responseWith, rr } from './messages.ts';

const edns: Edns = { udpSize: 1232, version: 0, dnssecOk: false };

/** A query header for example.com A with one additional record, then `opt` as OPT RDATA and TTL. */
function queryWithOpt(optTtlHex: string, optionsHex: string, udpSize = 4096): Uint8Array {
  const options = hex(optionsHex);
  const head = hex(`abcd 0000 0001 0000 0000 0001 07 6578616d706c65 03 636f6d 00 0001 0001`);
  const opt = hex(`00 0029 ${udpSize.toString(16).padStart(4, '0')} ${optTtlHex} ${options.length.toString(16).padStart(4, '0')}`);
  return Uint8Array.from([...head, ...opt, ...options]);
}

describe('rcodes', () => {
  it('a 4-bit rcode goes into the header flags, as dns-packet reads it', () => {
    for (const rcode of [Rcode.NOERROR, Rcode.FORMERR, Rcode.SERVFAIL, Rcode.NXDOMAIN, Rcode.NOTIMP, Rcode.REFUSED]) {
      const wire = encodeMessage(responseWith({}, { rcode }));
      expect(decodeMessage(wire).rcode).toBe(rcode);
      expect(dnsPacket.decode(Buffer.from(wire)).flags! & 0xf).toBe(rcode);
    }
  });

  it('extended rcodes split into header (low 4 bits) and OPT (upper 8 bits): BADVERS 16, BADCOOKIE 23', () => {
    for (const [rcode, low, high] of [
      [16, 0, 1],
      [23, 7, 1],
      [0xfff, 0xf, 0xff],
    ] as const) {
      const wire = encodeMessage(responseWith({}, { rcode, edns }));
      const decoded = decodeMessage(wire);
      expect(decoded.rcode).toBe(rcode);
      const theirs = dnsPacket.decode(Buffer.from(wire));
      expect(theirs.flags! & 0xf).toBe(low);
      expect((theirs.additionals?.[0] as { extendedRcode: number }).extendedRcode).toBe(high);
    }
  });

  it('an extended rcode without an OPT record cannot be encoded', () => {
    expect(() => encodeMessage(responseWith({}, { rcode: Rcode.BADCOOKIE }))).toThrow(WireError);
  });
});

describe('TTLs', () => {
  it('a missing TTL is refused, not sent as 0', () => {
    const record = { name: 'example.com.', type: RRType.A, class: 1, data: '192.0.2.1' } as unknown as RR;
    expect(() => encodeMessage(responseWith({ answer: [record] }))).toThrow(/TTL/);
  });

  it('TTLs above 2^31 − 1 are refused when encoding', () => {
    expect(() => encodeMessage(responseWith({ answer: [rr('example.com.', 1, '192.0.2.1', 2 ** 31)] }))).toThrow(WireError);
  });

  it('a received TTL with the top bit set reads as 0 (RFC 2181 §8); 2^31 − 1 stays', () => {
    const wire = encodeMessage(responseWith({ answer: [rr('a.example.', 1, '192.0.2.1', 0x7fffffff), rr('b.example.', 1, '192.0.2.2', 1)] }));
    const view = new DataView(wire.buffer);
    // The second record's TTL field is the 00000001 just before its RDLENGTH and address.
    const at = Buffer.from(wire).indexOf(Buffer.from([0, 0, 0, 1, 0, 4, 192, 0, 2, 2]));
    view.setUint32(at, 0x80000001);
    const decoded = decodeMessage(wire);
    expect(decoded.answer.map((r) => r.ttl)).toEqual([0x7fffffff, 0]);
  });
});

describe('encoding never touches its input', () => {
  it('a frozen message encodes, twice, to the same octets (dns-packet writes defaults into its input)', () => {
    const message = deepFreeze(
      responseWith(
        {
          answer: [rr('example.com.', RRType.TXT, ['a', 'b']), rr('example.com.', RRType.CAA, { flags: 0, tag: 'issue', value: 'ca.example' })],
          additional: [rr('ns.example.com.', RRType.A, '192.0.2.53')],
        },
        { edns: { ...edns, cookie: { client: new Uint8Array(8).fill(1) } }, rcode: 23 },
      ),
    );
    const copy = structuredClone(message);
    const first = encodeMessage(message);
    expect(encodeMessage(message, { maxSize: 60 })).not.toEqual(first);
    expect(encodeMessage(message)).toEqual(first);
    expect(message).toEqual(copy);
  });
});

describe('RDATA shapes', () => {
  it('IPv6 decodes compressed and lower case whatever form was encoded', () => {
    const wire = encodeMessage(responseWith({ answer: [rr('example.com.', RRType.AAAA, '2001:0DB8:0000:0000:0000:0000:0000:00AB')] }));
    expect(decodeMessage(wire).answer[0]?.data).toBe('2001:db8::ab');
  });

  it('DS digests decode as lower-case hex', () => {
    const wire = encodeMessage(responseWith({ answer: [rr('example.com.', RRType.DS, { keyTag: 1, algorithm: 8, digestType: 2, digest: 'ABCDEF01' })] }));
    expect(decodeMessage(wire).answer[0]?.data).toEqual({ keyTag: 1, algorithm: 8, digestType: 2, digest: 'abcdef01' });
  });

  it('bad data for a type is a WireError naming the type', () => {
    expect(() => encodeMessage(responseWith({ answer: [rr('x.', RRType.A, '192.0.2.256')] }))).toThrow(/IPv4/);
    expect(() => encodeMessage(responseWith({ answer: [rr('x.', RRType.AAAA, '1:2:3')] }))).toThrow(/IPv6/);
    expect(() => encodeMessage(responseWith({ answer: [rr('x.', RRType.DS, { keyTag: 1, algorithm: 8, digestType: 2, digest: 'xyz' })] }))).toThrow(/hex/);
    expect(() => encodeMessage(responseWith({ answer: [rr('x.', RRType.TXT, ['\u0100'])] }))).toThrow(/one octet/);
    expect(() => encodeMessage(responseWith({ answer: [rr('x.', RRType.TXT, ['x'.repeat(256)])] }))).toThrow(/255/);
    expect(() => encodeMessage(responseWith({ answer: [rr('x.', 65280, 'text')] }))).toThrow(/raw/);
  });
});

describe('EDNS', () => {
  it('payload size, version and the DO bit round-trip and match dns-packet', () => {
    const message: Message = makeQuery(1, 'example.com.', RRType.A, { edns: { udpSize: 1400, version: 0, dnssecOk: true } });
    const wire = encodeMessage(message);
    expect(decodeMessage(wire).edns).toEqual({ udpSize: 1400, version: 0, dnssecOk: true });
    const opt = dnsPacket.decode(Buffer.from(wire)).additionals?.[0] as { udpPayloadSize: number; flag_do: boolean; ednsVersion: number };
    expect(opt).toMatchObject({ udpPayloadSize: 1400, flag_do: true, ednsVersion: 0 });
  });

  it('a client cookie alone, and with a server cookie of 8 and 32 octets, round-trip', () => {
    const client = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const server of [undefined, new Uint8Array(8).fill(9), new Uint8Array(32).fill(10)]) {
      const cookie = server ? { client, server } : { client };
      const wire = encodeMessage(makeQuery(1, 'example.com.', RRType.A, { edns: { ...edns, cookie } }));
      expect(decodeMessage(wire).edns).toEqual({ ...edns, cookie });
      const option = (dnsPacket.decode(Buffer.from(wire)).additionals?.[0] as { options: { code: number; data: Buffer }[] }).options[0];
      expect(option?.code).toBe(10);
      expect(Uint8Array.from(option?.data ?? [])).toEqual(Uint8Array.from([...client, ...(server ?? [])]));
    }
  });

  it('a COOKIE option of any other length decodes with malformedCookie, not an exception (RFC 7873 §5.2.2)', () => {
    for (const length of [0, 7, 9, 15, 41]) {
      const decoded = decodeMessage(queryWithOpt('00000000', `000a ${length.toString(16).padStart(4, '0')} ${'ab'.repeat(length)}`));
      expect(decoded.edns?.malformedCookie).toBe(true);
      expect(decoded.edns?.cookie).toBeUndefined();
    }
  });

  it('other options are skipped; the version and DO bit are read from the TTL field', () => {
    const decoded = decodeMessage(queryWithOpt('00018000', '0008 0004 0001 1800', 512));
    expect(decoded.edns).toEqual({ udpSize: 512, version: 1, dnssecOk: true });
  });

  it('encoding an oversized cookie is refused', () => {
    const cookie = { client: new Uint8Array(8), server: new Uint8Array(33) };
    expect(() => encodeMessage(makeQuery(1, 'x.', 1, { edns: { ...edns, cookie } }))).toThrow(WireError);
  });
});
