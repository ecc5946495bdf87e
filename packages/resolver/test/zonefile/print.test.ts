import { describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import type { RData, RR } from '../../src/record.ts';
import { labelFromOctets } from '../../src/zonefile/escapes.ts';
import { formatIPv6 } from '../../src/zonefile/ip-address.ts';
import { parseZoneFile } from '../../src/zonefile/parse.ts';
import { printZoneFile } from '../../src/zonefile/print.ts';

const route53 = `$ORIGIN example.com.
$TTL 300
@ 900 IN SOA ns-2048.awsdns-64.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400
@ 172800 IN NS ns-2048.awsdns-64.com.
@ 172800 IN NS ns-1024.awsdns-00.net.
@ 172800 IN NS ns-512.awsdns-00.org.
@ 172800 IN NS ns-0.awsdns-00.co.uk.
@ 300 IN MX 10 inbound-smtp.eu-west-1.amazonaws.com.
@ 300 IN TXT "v=spf1 include:amazonses.com ~all"
@ 300 IN CAA 0 issue "amazon.com"
www 60 IN CNAME d111111abcdef8.cloudfront.net.
api 300 IN A 192.0.2.10
api 300 IN AAAA 2001:DB8:0:0:0:0:0:10
_sip._tcp 300 IN SRV 10 60 5060 sip.example.com.
delegated 3600 IN NS ns1.delegated.example.com.
delegated 3600 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118
ns1.delegated 3600 IN A 192.0.2.53
`;

const rfc1035 = `@   IN  SOA     VENERA      Action\\.domains (
                                 20     ; SERIAL
                                 7200   ; REFRESH
                                 600    ; RETRY
                                 3600000; EXPIRE
                                 60)    ; MINIMUM
        NS      A.ISI.EDU.
        NS      VENERA
        MX      10      VENERA
A       A       26.3.0.103
VENERA  A       10.1.0.52
        A       128.9.0.32
`;

describe('printZoneFile', () => {
  it('prints $ORIGIN and $TTL, the SOA first, owners relative and aligned, repeated owners blank', () => {
    const records = parseZoneFile(route53);
    const text = printZoneFile([...records.slice(1), records[0]!]);
    expect(text.split('\n').slice(0, 9)).toEqual([
      '$ORIGIN example.com.',
      '$TTL 300',
      '@             900    IN SOA   ns-2048.awsdns-64.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400',
      '              172800 IN NS    ns-2048.awsdns-64.com.',
      '              172800 IN NS    ns-1024.awsdns-00.net.',
      '              172800 IN NS    ns-512.awsdns-00.org.',
      '              172800 IN NS    ns-0.awsdns-00.co.uk.',
      '              300    IN MX    10 inbound-smtp.eu-west-1.amazonaws.com.',
      '              300    IN TXT   "v=spf1 include:amazonses.com ~all"',
    ]);
    expect(text).toContain('\napi           300    IN A     192.0.2.10\n              300    IN AAAA  2001:db8::10\n');
    expect(text).toContain('\nns1.delegated 3600   IN A     192.0.2.53\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes names outside the origin absolute, and all names absolute with no origin', () => {
    const records: RR[] = [
      { name: 'a.example.', type: RRType.A, class: 1, ttl: 5, data: '192.0.2.1' },
      { name: 'b.example.net.', type: RRType.A, class: 1, ttl: 5, data: '192.0.2.2' },
    ];
    expect(printZoneFile(records, { origin: 'example.' })).toBe('$ORIGIN example.\n$TTL 5\na              5 IN A 192.0.2.1\nb.example.net. 5 IN A 192.0.2.2\n');
    expect(printZoneFile(records)).toBe('$TTL 5\na.example.     5 IN A 192.0.2.1\nb.example.net. 5 IN A 192.0.2.2\n');
  });

  for (const [what, zone, origin] of [
    ['a Route 53 zone', route53, undefined],
    ['the RFC 1035 §5.3 zone', rfc1035, 'isi.edu.'],
  ] as const) {
    it(`parse → print → parse is the identity on ${what}`, () => {
      const records = parseZoneFile(zone, origin ? { origin } : {});
      const printed = printZoneFile(records);
      expect(parseZoneFile(printed)).toEqual(records);
      expect(printZoneFile(parseZoneFile(printed))).toBe(printed);
    });
  }

  it('parse → print → parse is the identity on generated zones with awkward names and data', () => {
    let seed = 2026;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const octets = (length: number, alphabet?: string): Uint8Array =>
      Uint8Array.from({ length }, () => (alphabet ? alphabet.charCodeAt(random(alphabet.length)) : random(256)));
    const awkward = 'aZ09-_.\\"();@$ *';
    const label = (): string => labelFromOctets(octets(1 + random(8), random(3) === 0 ? undefined : random(2) ? awkward : 'abcxyz'));
    const origin = 'zone.example.';
    const name = (): string => {
      const depth = random(3);
      const below = Array.from({ length: depth }, label).join('.');
      return random(5) === 0 ? `${label()}.elsewhere.` : depth === 0 ? origin : `${below}.${origin}`;
    };
    const binary = (length: number): string => String.fromCharCode(...octets(length));
    const dataFor = (type: number): RData => {
      switch (type) {
        case RRType.A: return Array.from(octets(4)).join('.');
        case RRType.AAAA: return formatIPv6(octets(16).map((b) => (random(2) ? 0 : b)));
        case RRType.MX: return { preference: random(65536), exchange: name() };
        case RRType.TXT: return Array.from({ length: 1 + random(3) }, () => binary(random(256)));
        case RRType.CAA: return { flags: random(256), tag: random(2) ? 'issue' : 'iodef', value: binary(random(300)) };
        case RRType.SRV: return { priority: random(65536), weight: random(65536), port: random(65536), target: name() };
        case RRType.DS: return { keyTag: random(65536), algorithm: random(256), digestType: 2, digest: Buffer.from(octets(32)).toString('hex') };
        case 65280: return { raw: octets(random(20)) };
        default: return name();
      }
    };
    const types = [RRType.A, RRType.AAAA, RRType.NS, RRType.CNAME, RRType.PTR, RRType.MX, RRType.TXT, RRType.CAA, RRType.SRV, RRType.DS, 65280];
    for (let zoneNumber = 0; zoneNumber < 40; zoneNumber++) {
      const soa: RR = {
        name: origin,
        type: RRType.SOA,
        class: 1,
        ttl: random(2 ** 31),
        data: { mname: name(), rname: name(), serial: random(2 ** 24) * 256, refresh: random(86400), retry: random(86400), expire: random(2 ** 24), minimum: random(86400) },
      };
      const records: RR[] = [soa];
      for (let i = 0; i < 30; i++) {
        const type = types[random(types.length)]!;
        records.push({ name: random(3) === 0 ? records.at(-1)!.name : name(), type, class: 1, ttl: random(4) === 0 ? 2 ** 31 - 1 : random(172801), data: dataFor(type) });
      }
      const printed = printZoneFile(records);
      expect(parseZoneFile(printed, { file: `generated-${zoneNumber}` })).toEqual(records);
    }
  });
});
