import { describe, expect, it } from 'vitest';
import { canonicalIPv6, formatIPv6, parseIPv4, parseIPv6 } from '../../src/zonefile/ip-address.ts';

describe('IPv6 text form (RFC 5952)', () => {
  it('gives the recommended form for the examples of RFC 5952 §4', () => {
    expect(canonicalIPv6('2001:0db8::0001')).toBe('2001:db8::1'); // §4.1 leading zeros
    expect(canonicalIPv6('2001:db8:0:0:0:0:2:1')).toBe('2001:db8::2:1'); // §4.2.1 shorten as much as possible
    expect(canonicalIPv6('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1'); // §4.2.2 not for one group
    expect(canonicalIPv6('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1'); // §4.2.3 the longest run
    expect(canonicalIPv6('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1'); // §4.2.3 the first of equal runs
    expect(canonicalIPv6('2001:DB8::ABCD')).toBe('2001:db8::abcd'); // §4.3 lower case
  });

  it('writes IPv4-mapped addresses in mixed notation (RFC 5952 §5)', () => {
    expect(canonicalIPv6('0:0:0:0:0:ffff:c000:0201')).toBe('::ffff:192.0.2.1');
    expect(canonicalIPv6('::ffff:192.0.2.1')).toBe('::ffff:192.0.2.1');
  });

  it('reads every RFC 4291 §2.2 form, including a trailing dotted quad', () => {
    expect(canonicalIPv6('::')).toBe('::');
    expect(canonicalIPv6('::1')).toBe('::1');
    expect(canonicalIPv6('1::')).toBe('1::');
    expect(canonicalIPv6('::13.1.68.3')).toBe('::d01:4403');
    expect(canonicalIPv6('1:2:3:4:5:6:1.2.3.4')).toBe('1:2:3:4:5:6:102:304');
    expect(Array.from(parseIPv6('2001:db8::ff00:42:8329')!)).toEqual([
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0x00, 0x00, 0x42, 0x83, 0x29,
    ]);
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', ':', ':::', '1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12345::', 'g::', '::1%eth0', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3', '192.0.2.1', ':1::', '1::2:']) {
      expect(parseIPv6(bad), bad).toBeUndefined();
    }
  });

  it('round-trips random addresses through text', () => {
    let seed = 7;
    const nextByte = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let n = 0; n < 2000; n++) {
      // Mostly zero octets, so that runs of zero groups of every length occur.
      const octets = Uint8Array.from({ length: 16 }, () => (nextByte() < 160 ? 0 : nextByte()));
      const text = formatIPv6(octets);
      expect(parseIPv6(text)).toEqual(octets);
      expect(text).toBe(text.toLowerCase());
      expect(text.split('::').length).toBeLessThanOrEqual(2);
    }
  });
});

describe('IPv4 text form', () => {
  it('reads dotted quads and refuses leading zeros, which some parsers read as octal', () => {
    expect(Array.from(parseIPv4('192.0.2.255')!)).toEqual([192, 0, 2, 255]);
    for (const bad of ['192.0.2', '192.0.2.256', '192.0.2.01', '1.2.3.4.5', '1..2.3', 'a.b.c.d', ' 1.2.3.4']) {
      expect(parseIPv4(bad), bad).toBeUndefined();
    }
  });
});
