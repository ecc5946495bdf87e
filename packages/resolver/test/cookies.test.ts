import { describe, expect, it } from 'vitest';
import { Authority } from '../src/authority.ts';
import { Rcode, RRType } from '../src/constants.ts';
import {
  addressOctets,
  checkServerCookie,
  CookieError,
  makeClientCookie,
  makeServerCookie,
} from '../src/cookies.ts';
import { makeQuery, type Cookie } from '../src/message.ts';
import { siphash24, SipHashKeyError } from '../src/siphash.ts';
import { a, ask, ns, soa, zone } from './authority/records.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const octets = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

/**
 * SipHash-2-4 reference vectors (vectors.h of the reference implementation, the paper's test
 * set): key 00 01 … 0f, message 00 01 … (n−1) for n = 0 … 63, the output as a 64-bit integer
 * whose little-endian octets are the hash.
 */
const SIPHASH_VECTORS = [
  0x726fdb47dd0e0e31n, 0x74f839c593dc67fdn, 0x0d6c8009d9a94f5an, 0x85676696d7fb7e2dn, 0xcf2794e0277187b7n, 0x18765564cd99a68dn,
  0xcbc9466e58fee3cen, 0xab0200f58b01d137n, 0x93f5f5799a932462n, 0x9e0082df0ba9e4b0n, 0x7a5dbbc594ddb9f3n, 0xf4b32f46226bada7n,
  0x751e8fbc860ee5fbn, 0x14ea5627c0843d90n, 0xf723ca908e7af2een, 0xa129ca6149be45e5n, 0x3f2acc7f57c29bdbn, 0x699ae9f52cbe4794n,
  0x4bc1b3f0968dd39cn, 0xbb6dc91da77961bdn, 0xbed65cf21aa2ee98n, 0xd0f2cbb02e3b67c7n, 0x93536795e3a33e88n, 0xa80c038ccd5ccec8n,
  0xb8ad50c6f649af94n, 0xbce192de8a85b8ean, 0x17d835b85bbb15f3n, 0x2f2e6163076bcfadn, 0xde4daaaca71dc9a5n, 0xa6a2506687956571n,
  0xad87a3535c49ef28n, 0x32d892fad841c342n, 0x7127512f72f27ccen, 0xa7f32346f95978e3n, 0x12e0b01abb051238n, 0x15e034d40fa197aen,
  0x314dffbe0815a3b4n, 0x027990f029623981n, 0xcadcd4e59ef40c4dn, 0x9abfd8766a33735cn, 0x0e3ea96b5304a7d0n, 0xad0c42d6fc585992n,
  0x187306c89bc215a9n, 0xd4a60abcf3792b95n, 0xf935451de4f21df2n, 0xa9538f0419755787n, 0xdb9acddff56ca510n, 0xd06c98cd5c0975ebn,
  0xe612a3cb9ecba951n, 0xc766e62cfcadaf96n, 0xee64435a9752fe72n, 0xa192d576b245165an, 0x0a8787bf8ecb74b2n, 0x81b3e73d20b49b6fn,
  0x7fa8220ba3b2ecean, 0x245731c13ca42499n, 0xb78dbfaf3a8d83bdn, 0xea1ad565322a1a0bn, 0x60e61c23a3795013n, 0x6606d7e446282b93n,
  0x6ca4ecb15c5f91e1n, 0x9f626da15c9625f3n, 0xe51b38608ef25f57n, 0x958a324ceb064572n,
];

function littleEndian(value: bigint): string {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value, true);
  return hex(out);
}

describe('siphash24', () => {
  const key = Uint8Array.from({ length: 16 }, (_, i) => i);

  it('matches the 64 reference vectors', () => {
    expect(SIPHASH_VECTORS).toHaveLength(64);
    SIPHASH_VECTORS.forEach((expected, n) => {
      const message = Uint8Array.from({ length: n }, (_, i) => i);
      expect(hex(siphash24(key, message)), `n = ${n}`).toBe(littleEndian(expected));
    });
  });

  it('reads a message given as a view into a larger buffer', () => {
    const buffer = Uint8Array.from({ length: 40 }, (_, i) => (i + 250) & 0xff);
    const view = buffer.subarray(6, 6 + 15);
    expect(hex(siphash24(key, view))).toBe(littleEndian(SIPHASH_VECTORS[15]!));
  });

  it('refuses a key that is not 16 octets', () => {
    expect(() => siphash24(new Uint8Array(15), new Uint8Array(0))).toThrow(SipHashKeyError);
  });
});

/** RFC 9018 Appendix A. */
const SECRET = octets('e5e973e5a6b2a43f48e7dc849e37bfcf');

describe('server cookies: RFC 9018 Appendix A', () => {
  it('A.1 learning a new server cookie', () => {
    const server = makeServerCookie(SECRET, octets('2464c4abcf10c957'), '198.51.100.100', 1559731985);
    expect(hex(server)).toBe('010000005cf79f111f8130c3eee29480');
  });

  it('A.2 the same client, 40 minutes later: its cookie is stale and is renewed', () => {
    const client = octets('2464c4abcf10c957');
    const sent = octets('010000005cf79f111f8130c3eee29480');
    expect(checkServerCookie(SECRET, client, sent, '198.51.100.100', 1559734385)).toBe('stale');
    expect(hex(makeServerCookie(SECRET, client, '198.51.100.100', 1559734385))).toBe('010000005cf7a871d4a564a1442aca77');
  });

  it('A.3 another client: the reserved octets it sent are part of the hash', () => {
    const client = octets('fc93fc62807ddb86');
    const sent = octets('01abcdef5cf78f71a314227b6679ebf5');
    const issued = 0x5cf78f71;
    expect(checkServerCookie(SECRET, client, sent, '203.0.113.203', issued + 60)).toBe('valid');
    expect(checkServerCookie(SECRET, client, sent, '203.0.113.204', issued + 60)).toBe('invalid');
    // The appendix answers 1 h 52 min after the cookie was issued, past §4.3's one hour, so
    // here the cookie no longer validates; the renewed cookie is the appendix's either way.
    expect(checkServerCookie(SECRET, client, sent, '203.0.113.203', 1559734700)).toBe('invalid');
    expect(hex(makeServerCookie(SECRET, client, '203.0.113.203', 1559734700))).toBe('010000005cf7a9acf73a7810aca2381e');
  });

  it('A.4 an IPv6 client across a secret rollover', () => {
    const client = octets('22681ab97d52c298');
    const sent = octets('010000005cf7c57926556bd0934c72f8');
    const address = '2001:db8:220:1:59de:d0f4:8769:82b8';
    const oldSecret = octets('dd3bdf9344b678b185a6f5cb60fca715');
    const newSecret = octets('445536bcd2513298075a5d379663c962');
    expect(checkServerCookie(oldSecret, client, sent, address, 1559741961)).toBe('valid');
    expect(checkServerCookie(newSecret, client, sent, address, 1559741961)).toBe('invalid');
    expect(hex(makeServerCookie(newSecret, client, address, 1559741961))).toBe('010000005cf7c609a6bb79d16625507a');
  });
});

describe('server cookie time window (RFC 9018 §4.3)', () => {
  const client = octets('0123456789abcdef');
  const issuedAt = 1_700_000_000;
  const cookie = makeServerCookie(SECRET, client, '192.0.2.7', issuedAt + 0.9);
  const at = (dt: number) => checkServerCookie(SECRET, client, cookie, '192.0.2.7', issuedAt + dt);

  it('stamps whole seconds', () => {
    expect(hex(cookie.subarray(4, 8))).toBe(issuedAt.toString(16));
  });

  it('is valid for half an hour, then stale until an hour, then invalid', () => {
    expect(at(0)).toBe('valid');
    expect(at(1800)).toBe('valid');
    expect(at(1801)).toBe('stale');
    expect(at(3600)).toBe('stale');
    expect(at(3601)).toBe('invalid');
  });

  it('allows five minutes of clock skew into the future, no more', () => {
    expect(at(-300)).toBe('valid');
    expect(at(-301)).toBe('invalid');
  });

  it('measures age across the 32-bit wrap of the timestamp', () => {
    const nearWrap = 2 ** 32 - 100;
    const wrapped = makeServerCookie(SECRET, client, '192.0.2.7', nearWrap);
    expect(checkServerCookie(SECRET, client, wrapped, '192.0.2.7', 2 ** 32 + 1000)).toBe('valid');
    expect(checkServerCookie(SECRET, client, wrapped, '192.0.2.7', 2 ** 32 + 2000)).toBe('stale');
    expect(checkServerCookie(SECRET, client, wrapped, '192.0.2.7', 2 ** 32 + 3600)).toBe('invalid');
  });

  it('rejects a cookie of another version, length, client cookie or address', () => {
    const v2 = Uint8Array.from(cookie);
    v2[0] = 2;
    expect(checkServerCookie(SECRET, client, v2, '192.0.2.7', issuedAt)).toBe('invalid');
    expect(checkServerCookie(SECRET, client, cookie.subarray(0, 8), '192.0.2.7', issuedAt)).toBe('invalid');
    expect(checkServerCookie(SECRET, octets('0123456789abcdee'), cookie, '192.0.2.7', issuedAt)).toBe('invalid');
    expect(checkServerCookie(SECRET, client, cookie, '192.0.2.8', issuedAt)).toBe('invalid');
  });

  it('refuses a secret or client cookie of the wrong size', () => {
    expect(() => makeServerCookie(new Uint8Array(8), client, '192.0.2.7', 0)).toThrow(CookieError);
    expect(() => makeServerCookie(SECRET, new Uint8Array(7), '192.0.2.7', 0)).toThrow(/8 octets/);
  });
});

describe('client cookies (RFC 7873 §4.1, RFC 9018 §3)', () => {
  const secret = octets('000102030405060708090a0b0c0d0e0f');

  it('is the SipHash of the server address under the client secret', () => {
    const cookie = makeClientCookie(secret, '192.0.2.53');
    expect(cookie).toHaveLength(8);
    expect(hex(cookie)).toBe(hex(siphash24(secret, new Uint8Array([192, 0, 2, 53]))));
    expect(hex(makeClientCookie(secret, '192.0.2.54'))).not.toBe(hex(cookie));
  });
});

describe('addressOctets', () => {
  it('reads IPv4 and IPv6 in their text forms', () => {
    expect([...addressOctets('198.51.100.100')]).toEqual([198, 51, 100, 100]);
    expect(hex(addressOctets('2001:db8:220:1:59de:d0f4:8769:82b8'))).toBe('20010db80220000159ded0f4876982b8');
    expect(hex(addressOctets('2001:DB8::1'))).toBe('20010db8000000000000000000000001');
    expect(hex(addressOctets('::1'))).toBe('00000000000000000000000000000001');
    expect(hex(addressOctets('::'))).toBe('0'.repeat(32));
    expect(hex(addressOctets('fe80::1%eth0'))).toBe('fe800000000000000000000000000001');
  });

  it('takes an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect([...addressOctets('::ffff:192.0.2.1')]).toEqual([192, 0, 2, 1]);
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', 'localhost', '256.0.0.1', '1.2.3', '01.2.3.4', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1']) {
      expect(() => addressOctets(bad), bad).toThrow(CookieError);
    }
  });
});

describe('the authority and cookies (RFC 7873 §5.2)', () => {
  const example = zone([
    soa('example.com.', 900, { mname: 'ns1.example.com.', rname: 'h.example.com.', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 900 }),
    ns('example.com.', 3600, 'ns1.example.com.'),
    a('ns1.example.com.', 3600, '192.0.2.1'),
    a('www.example.com.', 300, '192.0.2.10'),
  ]);
  const secret = octets('0f0e0d0c0b0a09080706050403020100');
  const authority = new Authority([example], { cookies: { secret } });
  const client = octets('a1a2a3a4a5a6a7a8');
  const now = 1_700_000_000;
  const withCookie = (cookie: Cookie) => ({ udpSize: 1232, version: 0, dnssecOk: false, cookie });

  function expectFreshCookie(cookie: Cookie | undefined, at: number): void {
    expect(cookie?.client).toEqual(client);
    expect(cookie?.server).toHaveLength(16);
    expect(checkServerCookie(secret, client, cookie!.server!, '192.0.2.200', at)).toBe('valid');
    expect(hex(cookie!.server!.subarray(4, 8))).toBe(Math.floor(at).toString(16));
  }

  it('answers a client cookie alone normally, with a fresh server cookie', () => {
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: withCookie({ client }), now });
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toHaveLength(1);
    expectFreshCookie(r.edns?.cookie, now);
  });

  it('answers a valid server cookie with a refreshed one', () => {
    const first = ask(authority, 'www.example.com.', RRType.A, { edns: withCookie({ client }), now }).edns!.cookie!;
    const later = now + 60;
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: withCookie(first), now: later });
    expect(r.rcode).toBe(Rcode.NOERROR);
    expectFreshCookie(r.edns?.cookie, later);
  });

  it('answers a stale server cookie with a new one', () => {
    const old = makeServerCookie(secret, client, '192.0.2.200', now - 2400);
    expect(checkServerCookie(secret, client, old, '192.0.2.200', now)).toBe('stale');
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: withCookie({ client, server: old }), now });
    expectFreshCookie(r.edns?.cookie, now);
  });

  it('answers an invalid server cookie normally, with a new one', () => {
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: withCookie({ client, server: new Uint8Array(16).fill(7) }), now });
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toHaveLength(1);
    expectFreshCookie(r.edns?.cookie, now);
  });

  it('answers FORMERR to a malformed COOKIE option', () => {
    const flagged = { udpSize: 1232, version: 0, dnssecOk: false, malformedCookie: true };
    expect(ask(authority, 'www.example.com.', RRType.A, { edns: flagged }).rcode).toBe(Rcode.FORMERR);
    expect(ask(authority, 'www.example.com.', RRType.A, { edns: withCookie({ client: new Uint8Array(5) }) }).rcode).toBe(Rcode.FORMERR);
    const shortServer = withCookie({ client, server: new Uint8Array(7) });
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: shortServer });
    expect(r.rcode).toBe(Rcode.FORMERR);
    expect(r.answer).toEqual([]);
    expect(r.edns?.cookie).toBeUndefined();
  });

  it('sends no cookie when the query has none', () => {
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: { udpSize: 1232, version: 0, dnssecOk: false } });
    expect(r.edns).toBeDefined();
    expect(r.edns?.cookie).toBeUndefined();
  });

  it('sends no cookie, and ignores a malformed one, when cookies are off', () => {
    const off = new Authority([example], { cookies: false });
    expect(ask(off, 'www.example.com.', RRType.A, { edns: withCookie({ client }) }).edns?.cookie).toBeUndefined();
    const r = ask(off, 'www.example.com.', RRType.A, { edns: { udpSize: 1232, version: 0, dnssecOk: false, malformedCookie: true } });
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toHaveLength(1);
  });

  it('is on by default', () => {
    const r = ask(new Authority([example]), 'www.example.com.', RRType.A, { edns: withCookie({ client }) });
    expect(r.edns?.cookie?.server).toHaveLength(16);
  });

  it('answers a question-less query that carries a cookie with just a cookie (RFC 7873 §5.4)', () => {
    const q = { ...makeQuery(9, 'www.example.com.', RRType.A, { edns: withCookie({ client }) }), question: [] };
    const r = authority.answer(q, { now, client: '192.0.2.200' });
    expect(r.rcode).toBe(Rcode.NOERROR);
    expectFreshCookie(r.edns?.cookie, now);
  });

  it('keeps the cookie on a BADVERS answer', () => {
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: { udpSize: 1232, version: 1, dnssecOk: false, cookie: { client } }, now });
    expect(r.rcode).toBe(Rcode.BADVERS);
    expectFreshCookie(r.edns?.cookie, now);
  });

  it('refuses a server secret that is not 16 octets', () => {
    expect(() => new Authority([example], { cookies: { secret: new Uint8Array(8) } })).toThrow(CookieError);
  });
});
