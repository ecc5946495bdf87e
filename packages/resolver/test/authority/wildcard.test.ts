/**
 * Wildcards: the example zone of RFC 4592 §2.2.1 and the verdicts it lists for it, then the
 * cases RFC 1034 §4.3.3 and RFC 4592 §4 add (CNAME from a wildcard, cuts, empty non-terminals).
 */
import { describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { a, ask, cname, mx, ns, serve, shown, soa, srv, txt, zone } from './records.ts';

const example = zone([
  soa('example.', 3600, { mname: 'ns.example.com.', rname: 'hostmaster.example.', serial: 1, refresh: 3600, retry: 600, expire: 604800, minimum: 3600 }),
  ns('example.', 3600, 'ns.example.com.'),
  ns('example.', 3600, 'ns.example.net.'),
  txt('*.example.', 3600, 'this is a wildcard'),
  mx('*.example.', 3600, 10, 'host1.example.'),
  txt('sub.*.example.', 3600, 'this is not a wildcard'),
  a('host1.example.', 3600, '192.0.2.1'),
  srv('_ssh._tcp.host1.example.', 3600, 0, 0, 22, 'host1.example.'),
  srv('_ssh._tcp.host2.example.', 3600, 0, 0, 22, 'host1.example.'),
  ns('subdel.example.', 3600, 'ns.example.com.'),
  ns('subdel.example.', 3600, 'ns.example.net.'),
]);
const authority = serve([example], { apexNsInAuthority: false });

describe('RFC 4592 §2.2.1: answers synthesised from *.example', () => {
  it('host3.example. MX: the wildcard MX, owned by the query name, with AA', () => {
    const r = ask(authority, 'host3.example.', RRType.MX);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(shown(r.answer)).toEqual(['host3.example. 3600 MX 10 host1.example.']);
    expect(shown(r.additional)).toEqual(['host1.example. 3600 A 192.0.2.1']);
  });

  it('host3.example. A: NODATA, the wildcard has no A', () => {
    const r = ask(authority, 'host3.example.', RRType.A);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toEqual([]);
    expect(r.authority.map((rr) => rr.type)).toEqual([RRType.SOA]);
  });

  it('foo.bar.example. TXT: the wildcard TXT, two labels down', () => {
    const r = ask(authority, 'foo.bar.example.', RRType.TXT);
    expect(shown(r.answer)).toEqual(['foo.bar.example. 3600 TXT "this is a wildcard"']);
  });
});

describe('RFC 4592 §2.2.1: queries the wildcard does not answer', () => {
  it('host1.example. MX: the name exists, so NODATA', () => {
    const r = ask(authority, 'host1.example.', RRType.MX);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toEqual([]);
  });

  it('sub.*.example. MX: the name exists, so NODATA; its TXT is its own', () => {
    expect(ask(authority, 'sub.*.example.', RRType.MX).answer).toEqual([]);
    expect(shown(ask(authority, 'sub.*.example.', RRType.TXT).answer)).toEqual(['sub.*.example. 3600 TXT "this is not a wildcard"']);
  });

  it('_telnet._tcp.host1.example. SRV: _tcp.host1.example. exists (empty non-terminal), so NXDOMAIN', () => {
    const r = ask(authority, '_telnet._tcp.host1.example.', RRType.SRV);
    expect(r.rcode).toBe(Rcode.NXDOMAIN);
    expect(r.aa).toBe(true);
  });

  it('host.subdel.example. A: below a cut, so a referral', () => {
    const r = ask(authority, 'host.subdel.example.', RRType.A);
    expect(r.aa).toBe(false);
    expect(shown(r.authority)).toEqual(['subdel.example. 3600 NS ns.example.com.', 'subdel.example. 3600 NS ns.example.net.']);
  });

  it('ghost.*.example. MX: the closest encloser is *.example. itself, and *.*.example. does not exist', () => {
    expect(ask(authority, 'ghost.*.example.', RRType.MX).rcode).toBe(Rcode.NXDOMAIN);
  });
});

describe('wildcard details', () => {
  const z = zone([
    soa('example.org.', 600, { mname: 'ns.example.org.', rname: 'h.example.org.', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 }),
    ns('example.org.', 600, 'ns.example.org.'),
    a('ns.example.org.', 600, '192.0.2.1'),
    a('www.example.org.', 600, '192.0.2.80'),
    cname('*.cdn.example.org.', 300, 'www.example.org.'),
    a('*.example.org.', 300, '192.0.2.99'),
    txt('deep.ent.example.org.', 300, 'x'),
    ns('delegated.example.org.', 600, 'ns.example.net.'),
  ]);
  const server = serve([z], { apexNsInAuthority: false });

  it('follows a CNAME synthesised from a wildcard', () => {
    const r = ask(server, 'img.cdn.example.org.', RRType.A);
    expect(shown(r.answer)).toEqual(['img.cdn.example.org. 300 CNAME www.example.org.', 'www.example.org. 600 A 192.0.2.80']);
  });

  it('does not match across an existing empty non-terminal', () => {
    expect(ask(server, 'ent.example.org.', RRType.A).rcode).toBe(Rcode.NOERROR);
    expect(ask(server, 'ent.example.org.', RRType.A).answer).toEqual([]);
    expect(ask(server, 'x.ent.example.org.', RRType.A).rcode).toBe(Rcode.NXDOMAIN);
  });

  it('does not match across a cut', () => {
    const r = ask(server, 'x.delegated.example.org.', RRType.A);
    expect(r.aa).toBe(false);
    expect(r.answer).toEqual([]);
    expect(r.authority.map((rr) => rr.name)).toEqual(['delegated.example.org.']);
  });

  it('answers ANY from the wildcard with the query name as owner', () => {
    expect(shown(ask(server, 'anything.example.org.', RRType.ANY).answer)).toEqual(['anything.example.org. 300 A 192.0.2.99']);
  });
});
