import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RRType, typeName } from '../../src/constants.ts';
import { formatRData, formatRR, parseRData } from '../../src/rdata-text.ts';
import { RDataError } from '../../src/zonefile/errors.ts';
import type { RData } from '../../src/record.ts';

// dns-packet is an independent encoder: its octets, read back through RFC 3597's generic form,
// must give the same RDATA as our reading of the presentation text.
const dnsPacket = createRequire(import.meta.url)('dns-packet') as {
  record(type: string): { encode(data: unknown): Uint8Array };
};

const origin = 'example.com.';
const words = (text: string): string[] => text.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
const parse = (type: number, text: string): RData => parseRData(type, words(text), origin);

function genericOf(type: number, packetData: unknown): string[] {
  const encoded = dnsPacket.record(typeName(type)).encode(packetData).subarray(2); // drop RDLENGTH
  return ['\\#', String(encoded.length), Buffer.from(encoded).toString('hex')];
}

const samples: { type: number; text: string; data: RData; packet: unknown }[] = [
  { type: RRType.A, text: '192.0.2.1', data: '192.0.2.1', packet: '192.0.2.1' },
  { type: RRType.AAAA, text: '2001:DB8:0:0::0:1', data: '2001:db8::1', packet: '2001:db8::1' },
  { type: RRType.NS, text: 'ns1', data: 'ns1.example.com.', packet: 'ns1.example.com' },
  { type: RRType.CNAME, text: 'Target.Example.NET.', data: 'target.example.net.', packet: 'target.example.net' },
  { type: RRType.PTR, text: '@', data: 'example.com.', packet: 'example.com' },
  {
    type: RRType.SOA,
    text: 'ns-2048.awsdns-64.com. awsdns-hostmaster.amazon.com. 1 2h 15m 2w 1d',
    data: { mname: 'ns-2048.awsdns-64.com.', rname: 'awsdns-hostmaster.amazon.com.', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 },
    packet: { mname: 'ns-2048.awsdns-64.com', rname: 'awsdns-hostmaster.amazon.com', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 },
  },
  { type: RRType.MX, text: '10 mail', data: { preference: 10, exchange: 'mail.example.com.' }, packet: { preference: 10, exchange: 'mail.example.com' } },
  {
    type: RRType.TXT,
    text: '"v=spf1 -all" plain "a \\"quoted\\" \\\\ word" "\\255\\000"',
    data: ['v=spf1 -all', 'plain', 'a "quoted" \\ word', '\u00ff\u0000'],
    packet: [Buffer.from('v=spf1 -all'), Buffer.from('plain'), Buffer.from('a "quoted" \\ word'), Buffer.from([255, 0])],
  },
  {
    type: RRType.CAA,
    text: '0 issue "ca.example.net; account=230123"',
    data: { flags: 0, tag: 'issue', value: 'ca.example.net; account=230123' },
    packet: { flags: 0, tag: 'issue', value: 'ca.example.net; account=230123' },
  },
  {
    type: RRType.SRV,
    text: '0 5 5060 sipserver.example.com.',
    data: { priority: 0, weight: 5, port: 5060, target: 'sipserver.example.com.' },
    packet: { priority: 0, weight: 5, port: 5060, target: 'sipserver.example.com' },
  },
  {
    // RFC 4034 §5.4, the digest split as it is there.
    type: RRType.DS,
    text: '60485 5 1 2BB183AF5F22588179A53B0A 98631FAD1A292118',
    data: { keyTag: 60485, algorithm: 5, digestType: 1, digest: '2bb183af5f22588179a53b0a98631fad1a292118' },
    packet: { keyTag: 60485, algorithm: 5, digestType: 1, digest: Buffer.from('2bb183af5f22588179a53b0a98631fad1a292118', 'hex') },
  },
];

describe('parseRData and formatRData', () => {
  for (const { type, text, data, packet } of samples) {
    describe(typeName(type), () => {
      it('reads the presentation form', () => {
        expect(parse(type, text)).toEqual(data);
      });
      it('round-trips through formatRData', () => {
        const printed = formatRData(type, data);
        expect(parseRData(type, words(printed), 'elsewhere.example.')).toEqual(data);
        expect(formatRData(type, parse(type, printed))).toBe(printed);
      });
      it('reads the same data from the RFC 3597 generic form of dns-packet’s octets', () => {
        expect(parseRData(type, genericOf(type, packet), origin)).toEqual(data);
      });
    });
  }

  it('prints names absolute and DS digests in upper-case hex, as dig does', () => {
    expect(formatRData(RRType.MX, parse(RRType.MX, '10 mail'))).toBe('10 mail.example.com.');
    expect(formatRData(RRType.DS, parse(RRType.DS, '60485 RSASHA1 1 2bb183af5f22588179a53b0a98631fad1a292118'))).toBe(
      '60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118',
    );
  });

  it('escapes TXT octets that are not printable ASCII and reads non-ASCII text as UTF-8', () => {
    expect(parse(RRType.TXT, '"tab\\009é"')).toEqual(['tab\u0009\u00c3\u00a9']);
    expect(formatRData(RRType.TXT, ['tab\u0009\u00c3\u00a9'])).toBe('"tab\\009\\195\\169"');
  });

  it('keeps escaped dots inside a label and folds escaped letters', () => {
    expect(parse(RRType.CNAME, 'a\\.b.\\069xample.com.')).toBe('a\\.b.example.com.');
    expect(parse(RRType.CNAME, '\\040paren\\). ')).toBe('\\(paren\\).');
  });
});

describe('RFC 3597 generic RDATA', () => {
  it('reads the examples of RFC 3597 §5', () => {
    expect(parseRData(731, words('\\# 6 abcd ef 01 23 45'), origin)).toEqual({ raw: Uint8Array.from([0xab, 0xcd, 0xef, 0x01, 0x23, 0x45]) });
    expect(parseRData(62347, words('\\# 0'), origin)).toEqual({ raw: new Uint8Array(0) });
    expect(parseRData(RRType.A, words('\\# 4 0A000001'), origin)).toBe('10.0.0.1');
  });

  it('prints opaque data generically, for any type', () => {
    expect(formatRData(731, { raw: Uint8Array.from([0xab, 0xcd, 0xef, 0x01, 0x23, 0x45]) })).toBe('\\# 6 ABCDEF012345');
    expect(formatRData(62347, { raw: new Uint8Array(0) })).toBe('\\# 0');
  });

  it('refuses a length that does not match the data, and data that does not fit the type', () => {
    expect(() => parseRData(731, words('\\# 3 abcd'), origin)).toThrow('bad TYPE731 generic data "abcd": expected 6 hex digits for length 3 (got 4)');
    expect(() => parseRData(RRType.A, words('\\# 3 0a0000'), origin)).toThrow('bad generic A data: expected more octets');
    expect(() => parseRData(RRType.A, words('\\# 5 0a00000100'), origin)).toThrow('expected no octets after the A data');
    expect(() => parseRData(RRType.NS, words('\\# 2 c00c'), origin)).toThrow(/uncompressed/);
    expect(() => parseRData(731, words('0A000001'), origin)).toThrow(/RFC 3597/);
  });
});

describe('bad RDATA', () => {
  const cases: [type: number, text: string, index: number, message: string][] = [
    [RRType.A, '192.0.2.256', 0, 'bad A address "192.0.2.256": expected an IPv4 address such as 192.0.2.1'],
    [RRType.A, '', 0, 'missing A address: expected an IPv4 address such as 192.0.2.1'],
    [RRType.A, '192.0.2.1 192.0.2.2', 1, 'unexpected "192.0.2.2" after the A data: expected the end of the record'],
    [RRType.AAAA, '2001:db8::1::2', 0, 'bad AAAA address "2001:db8::1::2": expected an IPv6 address such as 2001:db8::1'],
    [RRType.MX, '65536 mail', 0, 'bad MX preference "65536": expected a number 0…65535'],
    [RRType.MX, '10', 1, 'missing MX exchange: expected a domain name'],
    [RRType.NS, 'a..b', 0, 'bad NS target "a..b": expected a domain name (empty label)'],
    [RRType.NS, '"ns1"', 0, 'bad NS target "\\"ns1\\"": expected a domain name (a domain name is not quoted)'],
    [RRType.SOA, 'ns hm 1 2h 15m 2w 1x', 6, 'bad SOA minimum "1x": expected a number of seconds or 1h30m-style duration, at most 4294967295'],
    [RRType.SOA, 'ns hm 4294967296 2h 15m 2w 1d', 2, 'bad SOA serial "4294967296": expected a number 0…4294967295'],
    [RRType.TXT, `"${'x'.repeat(256)}"`, 0, 'expected a character-string of at most 255 octets (this one has 256)'],
    [RRType.TXT, '"\\256"', 0, 'expected a character-string ("\\256" is not an octet: \\DDD must be 255 or less)'],
    [RRType.CAA, '0 is-sue "x"', 1, 'bad CAA tag "is-sue": expected a tag of ASCII letters and digits such as issue'],
    [RRType.CAA, '256 issue "x"', 0, 'bad CAA flags "256": expected a number 0…255'],
    [RRType.SRV, '0 5 5060', 3, 'missing SRV target: expected a domain name'],
    [RRType.DS, '60485 5 1 2BB183AF5F2258', 3, 'expected 40 hex digits for digest type 1 (got 14)'],
    [RRType.DS, '60485 5 1 2BB183AF5F22588179A53B0A 98631FAD1A29211Z', 4, 'bad DS digest "98631FAD1A29211Z": expected hex digits'],
    [RRType.DS, '60485 NOPE 1 00', 1, 'bad DS algorithm "NOPE": expected an algorithm number 0…255 or mnemonic such as ECDSAP256SHA256'],
  ];
  for (const [type, text, index, message] of cases) {
    it(`${typeName(type)} ${text.slice(0, 40)}`, () => {
      let error: unknown;
      try {
        parse(type, text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RDataError);
      expect((error as RDataError).index).toBe(index);
      expect((error as RDataError).message).toContain(message);
    });
  }
});

describe('formatRR', () => {
  it('prints one record on one line, as dig does', () => {
    expect(formatRR({ name: 'www.example.com.', type: RRType.A, class: 1, ttl: 300, data: '192.0.2.1' })).toBe('www.example.com. 300 IN A 192.0.2.1');
    expect(formatRR({ name: 'x.example.', type: 731, class: 32, ttl: 0, data: { raw: Uint8Array.from([1]) } })).toBe('x.example. 0 CLASS32 TYPE731 \\# 1 01');
  });
});
