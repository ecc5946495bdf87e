import { describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import type { RR } from '../../src/record.ts';
import { formatRR } from '../../src/rdata-text.ts';
import { ZoneFileError } from '../../src/zonefile/errors.ts';
import { parseZoneFile } from '../../src/zonefile/parse.ts';

const lines = (records: RR[]): string[] => records.map(formatRR);

describe('parseZoneFile', () => {
  it('reads the example zone of RFC 1035 §5.3, TTLs taken from the SOA minimum', () => {
    const zone = `@   IN  SOA     VENERA      Action\\.domains (
                                 20     ; SERIAL
                                 7200   ; REFRESH
                                 600    ; RETRY
                                 3600000; EXPIRE
                                 60)    ; MINIMUM

        NS      A.ISI.EDU.
        NS      VENERA
        NS      VAXA
        MX      10      VENERA
        MX      20      VAXA

A       A       26.3.0.103

VENERA  A       10.1.0.52
        A       128.9.0.32

VAXA    A       10.2.0.27
        A       128.9.0.33
`;
    expect(lines(parseZoneFile(zone, { origin: 'ISI.EDU.' }))).toEqual([
      'isi.edu. 60 IN SOA venera.isi.edu. action\\.domains.isi.edu. 20 7200 600 3600000 60',
      'isi.edu. 60 IN NS a.isi.edu.',
      'isi.edu. 60 IN NS venera.isi.edu.',
      'isi.edu. 60 IN NS vaxa.isi.edu.',
      'isi.edu. 60 IN MX 10 venera.isi.edu.',
      'isi.edu. 60 IN MX 20 vaxa.isi.edu.',
      'a.isi.edu. 60 IN A 26.3.0.103',
      'venera.isi.edu. 60 IN A 10.1.0.52',
      'venera.isi.edu. 60 IN A 128.9.0.32',
      'vaxa.isi.edu. 60 IN A 10.2.0.27',
      'vaxa.isi.edu. 60 IN A 128.9.0.33',
    ]);
  });

  it('reads a Route 53 style zone', () => {
    const zone = `$ORIGIN example.com.
$TTL 300
@ 900 IN SOA ns-2048.awsdns-64.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400
@ 172800 IN NS ns-2048.awsdns-64.com.
@ 172800 IN NS ns-1024.awsdns-00.net.
@ 172800 IN NS ns-512.awsdns-00.org.
@ 172800 IN NS ns-0.awsdns-00.co.uk.
www IN A 192.0.2.10
`;
    const records = parseZoneFile(zone, { file: 'example.com.zone' });
    expect(records[0]).toEqual({
      name: 'example.com.',
      type: RRType.SOA,
      class: 1,
      ttl: 900,
      data: { mname: 'ns-2048.awsdns-64.com.', rname: 'awsdns-hostmaster.amazon.com.', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 },
    });
    expect(records.filter((r) => r.type === RRType.NS).map((r) => [r.ttl, r.data])).toEqual([
      [172800, 'ns-2048.awsdns-64.com.'],
      [172800, 'ns-1024.awsdns-00.net.'],
      [172800, 'ns-512.awsdns-00.org.'],
      [172800, 'ns-0.awsdns-00.co.uk.'],
    ]);
    expect(records.at(-1)).toEqual({ name: 'www.example.com.', type: RRType.A, class: 1, ttl: 300, data: '192.0.2.10' });
  });

  it('takes TTL and class in either order, each optional, and TTL units as BIND does', () => {
    const zone = `$ORIGIN example.
a 3600 IN A 192.0.2.1
b IN 3600 A 192.0.2.2
c 1h30m A 192.0.2.3
d IN A 192.0.2.4
e 2d A 192.0.2.5
f 1W2d3h4m5S A 192.0.2.6
g 0 A 192.0.2.7
h 2147483647 A 192.0.2.8
`;
    expect(parseZoneFile(zone).map((r) => [r.name, r.ttl])).toEqual([
      ['a.example.', 3600],
      ['b.example.', 3600],
      ['c.example.', 5400],
      ['d.example.', 5400],
      ['e.example.', 172800],
      ['f.example.', 7 * 86400 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5],
      ['g.example.', 0],
      ['h.example.', 2147483647],
    ]);
  });

  it('applies $TTL to records without a TTL (RFC 2308 §4) and otherwise the last stated TTL (RFC 1035 §5.1)', () => {
    const zone = `$ORIGIN example.
a 60 A 192.0.2.1
b A 192.0.2.2
$TTL 1h
c A 192.0.2.3
d 5 A 192.0.2.4
e A 192.0.2.5
`;
    expect(parseZoneFile(zone).map((r) => r.ttl)).toEqual([60, 60, 3600, 5, 3600]);
    expect(parseZoneFile('a.example. A 192.0.2.1', { defaultTtl: 42 })[0]!.ttl).toBe(42);
  });

  it('follows $ORIGIN, relative to the origin before it, and resolves @ and relative names in RDATA', () => {
    const zone = `$ORIGIN example.com.
$TTL 300
@ MX 10 mail
$ORIGIN sub
@ CNAME www
www A 192.0.2.1
$ORIGIN other.example.
x SRV 0 0 443 @
`;
    expect(lines(parseZoneFile(zone))).toEqual([
      'example.com. 300 IN MX 10 mail.example.com.',
      'sub.example.com. 300 IN CNAME www.sub.example.com.',
      'www.sub.example.com. 300 IN A 192.0.2.1',
      'x.other.example. 300 IN SRV 0 0 443 other.example.',
    ]);
  });

  it('repeats the previous owner for lines that begin with blank space, across directives', () => {
    const zone = `$TTL 300
www.example. A 192.0.2.1
$TTL 60
\tAAAA 2001:db8::1
`;
    expect(lines(parseZoneFile(zone))).toEqual(['www.example. 300 IN A 192.0.2.1', 'www.example. 60 IN AAAA 2001:db8::1']);
  });

  it('canonicalises escapes and case in owner names', () => {
    const zone = '$TTL 1\n\\065\\.b.EXAMPLE. A 192.0.2.1\n\\097\\046b.example. A 192.0.2.2\nsp\\ ace.example. A 192.0.2.3\n';
    expect(parseZoneFile(zone).map((r) => r.name)).toEqual(['a\\.b.example.', 'a\\.b.example.', 'sp\\032ace.example.']);
  });

  it('reads a record written over several lines with comments and RFC 3597 generic data', () => {
    const zone = `$ORIGIN example.
$TTL 1h
dskey 86400 IN DS 60485 5 1 ( 2BB183AF5F22588179A53B0A ; first half
                              98631FAD1A292118 )       ; second half
a.example.   CLASS1 TYPE731 \\# 6 abcd (
                            ef 01 23 45 )
txt TXT ( "one" ; a comment "not a string"
          "two ; still two" )
`;
    expect(lines(parseZoneFile(zone))).toEqual([
      'dskey.example. 86400 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118',
      'a.example. 3600 IN TYPE731 \\# 6 ABCDEF012345',
      'txt.example. 3600 IN TXT "one" "two ; still two"',
    ]);
  });

  it('reads a root hints file in the layout InterNIC publishes', () => {
    const hints = `;       This file holds the information on root name servers needed to
;       initialize cache of Internet domain name servers
;
; FORMERLY NS.INTERNIC.NET
;
.                        3600000      NS    A.ROOT-SERVERS.NET.
A.ROOT-SERVERS.NET.      3600000      A     198.41.0.4
A.ROOT-SERVERS.NET.      3600000      AAAA  2001:503:ba3e::2:30
; End of file`;
    expect(lines(parseZoneFile(hints, { origin: '.' }))).toEqual([
      '. 3600000 IN NS a.root-servers.net.',
      'a.root-servers.net. 3600000 IN A 198.41.0.4',
      'a.root-servers.net. 3600000 IN AAAA 2001:503:ba3e::2:30',
    ]);
  });

  it('reads an empty file and a file of only comments as no records', () => {
    expect(parseZoneFile('')).toEqual([]);
    expect(parseZoneFile('; nothing\n\n   ; here\n')).toEqual([]);
    expect(parseZoneFile('\uFEFF$TTL 5\nexample. A 192.0.2.1\n')).toHaveLength(1);
  });
});

describe('parseZoneFile errors', () => {
  function failure(zone: string, opts = {}): ZoneFileError {
    try {
      parseZoneFile(zone, { file: 'example.com.zone', ...opts });
    } catch (e) {
      if (e instanceof ZoneFileError) return e;
      throw e;
    }
    throw new Error('parsed without error');
  }

  it('says file:line:column, the token and what was expected', () => {
    const zone = `${'; header\n'.repeat(11)}www 12x IN A 192.0.2.1\n`;
    const e = failure(zone, { origin: 'example.com.' });
    expect(e.message).toBe('example.com.zone:12:5: bad TTL "12x": expected a number of seconds or 1h30m-style duration');
    expect([e.file, e.line, e.column, e.token]).toEqual(['example.com.zone', 12, 5, '12x']);
  });

  const cases: [what: string, zone: string, line: number, column: number, token: string, message: RegExp][] = [
    ['TTL above 2^31−1', '$ORIGIN example.\na 2147483648 A 192.0.2.1', 2, 3, '2147483648', /bad TTL "2147483648": expected at most 2147483647 seconds \(RFC 2181 §8\)/],
    ['bad $TTL', '$ORIGIN example.\n$TTL 1h30', 2, 6, '1h30', /bad TTL "1h30"/],
    ['unknown type', '$TTL 1\nexample. IN BOGUS x', 2, 13, 'BOGUS', /bad record type "BOGUS": expected a type such as A, NS, MX or TYPEnnn/],
    ['meta type', '$TTL 1\nexample. IN ANY 192.0.2.1', 2, 13, 'ANY', /ANY is not a record type that can appear in a zone file/],
    ['missing type', '$TTL 1\nexample. 300 IN', 2, 16, '', /missing record type/],
    ['bad RDATA inside parentheses', '$TTL 1\nexample. SOA ns. hm. (\n 1 2 3\n 4 5x )', 4, 4, '5x', /bad SOA minimum "5x"/],
    ['missing RDATA', '$TTL 1\nexample. MX 10 ; no exchange', 2, 15, '', /missing MX exchange: expected a domain name/],
    ['extra RDATA', '$TTL 1\nexample. A 192.0.2.1 192.0.2.2', 2, 22, '192.0.2.2', /unexpected "192.0.2.2" after the A data/],
    ['relative name without origin', '$TTL 1\nwww A 192.0.2.1', 2, 1, 'www', /bad owner name "www": expected a domain name \(relative name with no origin/],
    ['@ without origin', '$TTL 1\n@ A 192.0.2.1', 2, 1, '@', /"@" needs an origin/],
    ['relative RDATA name without origin', '$TTL 1\nexample. NS ns1', 2, 13, 'ns1', /bad NS target "ns1".*relative name with no origin/],
    ['owner omitted on the first record', '$TTL 1\n  A 192.0.2.1', 2, 3, 'A', /no owner/],
    ['class mismatch', '$TTL 1\na.example. IN A 192.0.2.1\nb.example. CH A 192.0.2.2', 3, 12, 'CH', /class CH differs/],
    ['no TTL anywhere', '$ORIGIN example.\n\nwww A 192.0.2.1', 3, 1, 'www', /no TTL for this record/],
    ['$INCLUDE', '$ORIGIN example.\n$INCLUDE other.zone', 2, 1, '$INCLUDE', /\$INCLUDE is not supported/],
    ['$GENERATE', '$GENERATE 1-10 host$ A 192.0.2.$', 1, 1, '$GENERATE', /\$GENERATE is not supported/],
    ['unknown directive', '$ORIGINN example.', 1, 1, '$ORIGINN', /unknown directive "\$ORIGINN": expected \$ORIGIN or \$TTL/],
    ['directive without value', '$ORIGIN ; forgot', 1, 8, '', /missing \$ORIGIN value/],
    ['directive with extra value', '$TTL 300 600', 1, 10, '600', /unexpected "600" after \$TTL 300/],
    ['bad escape in owner', '$TTL 1\na\\300.example. A 192.0.2.1', 2, 1, 'a\\300.example.', /"\\300" is not an octet/],
    ['empty label', '$TTL 1\na..example. A 192.0.2.1', 2, 1, 'a..example.', /empty label/],
    ['label over 63 octets', `$TTL 1\n${'x'.repeat(64)}.example. A 192.0.2.1`, 2, 1, `${'x'.repeat(64)}.example.`, /longer than 63 octets/],
    ['unterminated quote', '$TTL 1\nexample. TXT "abc', 2, 14, '"abc', /unterminated quoted string/],
    ['unclosed parenthesis', '$TTL 1\nexample. SOA ns hm ( 1 2 3 4 5', 2, 20, '(', /unbalanced "\("/],
  ];
  for (const [what, zone, line, column, token, message] of cases) {
    it(what, () => {
      const e = failure(zone);
      expect({ line: e.line, column: e.column, token: e.token }).toEqual({ line, column, token });
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(`example.com.zone:${line}:${column}: `)).toBe(true);
    });
  }
});
