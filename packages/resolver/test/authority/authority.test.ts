import { describe, expect, it } from 'vitest';
import { Authority, DEFAULT_UDP_SIZE, MAX_CNAME_LINKS } from '../../src/authority.ts';
import { Opcode, Rcode, RRClass, RRType } from '../../src/constants.ts';
import { makeQuery } from '../../src/message.ts';
import { a, aaaa, ask, cname, CLIENT, ds, mx, ns, serve, shown, soa, srv, txt, zone } from './records.ts';

// SOA TTL 3600 with MINIMUM 300, so the negative TTL (RFC 2308 §3) is the MINIMUM…
const com = zone([
  soa('com.', 900, { mname: 'a.gtld-servers.net.', rname: 'nstld.verisign-grs.com.', serial: 1, refresh: 1800, retry: 900, expire: 604800, minimum: 86400 }),
  ns('com.', 172800, 'a.gtld-servers.net.'),
  ns('example.com.', 172800, 'ns1.example.com.'),
  ns('example.com.', 172800, 'ns2.example.net.'),
  a('ns1.example.com.', 172800, '192.0.2.1'),
  aaaa('ns1.example.com.', 172800, '2001:db8::1'),
  ds('example.com.', 86400, 370, 'e2d3c916f6deeac73294e8268fb5885044a833fc5459588f4a9184cfc41a5766'),
  ns('unsigned.com.', 172800, 'ns.unsigned.com.'),
  a('ns.unsigned.com.', 172800, '192.0.2.40'),
]);

// …and here SOA TTL 300 with MINIMUM 3600, so it is the SOA's own TTL.
const example = zone([
  soa('example.com.', 300, { mname: 'ns1.example.com.', rname: 'hostmaster.example.com.', serial: 7, refresh: 7200, retry: 900, expire: 1209600, minimum: 3600 }),
  ns('example.com.', 3600, 'ns1.example.com.'),
  ns('example.com.', 3600, 'ns2.example.net.'),
  a('ns1.example.com.', 3600, '192.0.2.1'),
  aaaa('ns1.example.com.', 3600, '2001:db8::1'),
  a('www.example.com.', 300, '192.0.2.10'),
  cname('alias.example.com.', 600, 'www.example.com.'),
  cname('chain1.example.com.', 60, 'chain2.example.com.'),
  cname('chain2.example.com.', 60, 'chain3.example.com.'),
  cname('chain3.example.com.', 60, 'www.example.com.'),
  cname('loop1.example.com.', 60, 'loop2.example.com.'),
  cname('loop2.example.com.', 60, 'loop1.example.com.'),
  cname('away.example.com.', 60, 'www.example.org.'),
  cname('across.example.com.', 60, 'www.other.test.'),
  cname('dangling.example.com.', 60, 'missing.example.com.'),
  cname('empty.example.com.', 60, 'www.example.com.'),
  txt('a.b.c.example.com.', 300, 'deep'),
  mx('example.com.', 300, 10, 'mail.example.com.'),
  mx('example.com.', 300, 20, 'mx.example.net.'),
  a('mail.example.com.', 300, '192.0.2.25'),
  srv('_https._tcp.example.com.', 300, 0, 5, 443, 'www.example.com.'),
  ns('sub.example.com.', 86400, 'ns1.sub.example.com.'),
  ns('sub.example.com.', 86400, 'ns.example.net.'),
  a('ns1.sub.example.com.', 86400, '192.0.2.53'),
]);

const other = zone([
  soa('other.test.', 120, { mname: 'ns.other.test.', rname: 'h.other.test.', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 }),
  ns('other.test.', 120, 'ns.other.test.'),
  a('ns.other.test.', 120, '198.51.100.1'),
  a('www.other.test.', 120, '198.51.100.80'),
]);

const plain = { apexNsInAuthority: false } as const;

describe('zone selection', () => {
  const both = serve([com, example]);
  it('answers from the deepest zone that encloses the name', () => {
    expect(both.zoneFor('www.example.com.')?.origin).toBe('example.com.');
    expect(both.zoneFor('example.com.')?.origin).toBe('example.com.');
    expect(both.zoneFor('other.com.')?.origin).toBe('com.');
    expect(both.zoneFor('example.org.')).toBeUndefined();
  });

  it('refuses names outside its zones, without AA: a lame server', () => {
    const r = ask(both, 'www.example.org.', RRType.A);
    expect(r.rcode).toBe(Rcode.REFUSED);
    expect(r.aa).toBe(false);
    expect(r.answer).toEqual([]);
    expect(r.authority).toEqual([]);
  });

  it('swaps its zones atomically on reload', () => {
    const authority = serve([example]);
    authority.setZones([other]);
    expect(ask(authority, 'www.example.com.', RRType.A).rcode).toBe(Rcode.REFUSED);
    expect(ask(authority, 'www.other.test.', RRType.A).rcode).toBe(Rcode.NOERROR);
    expect(authority.zones.map((z) => z.origin)).toEqual(['other.test.']);
    expect(() => authority.setZones([other, other])).toThrow(/served twice/);
    expect(authority.zones.map((z) => z.origin)).toEqual(['other.test.']);
  });

  it('answers from the new version of a zone once it is swapped in, after answering the old one', () => {
    const authority = serve([example]);
    const before = ask(authority, 'www.example.com.', RRType.A);
    const www = example.get('www.example.com.', RRType.A)!;
    authority.setZones([example.withRRset({ ...www, ttl: 7, data: ['198.51.100.7'] })]);
    const after = ask(authority, 'www.example.com.', RRType.A);
    expect(shown(after.answer)).toEqual(['www.example.com. 7 A 198.51.100.7']);
    expect(shown(before.answer)).not.toEqual(shown(after.answer));
    // Repeated questions get equal but separate sections: a caller may edit its own response.
    const again = ask(authority, 'www.example.com.', RRType.A);
    expect(again.answer).toEqual(after.answer);
    expect(again.answer).not.toBe(after.answer);
  });
});

describe('referrals', () => {
  const tld = serve([com], plain);

  it('refers below a cut without AA, with the delegation and its glue (A and AAAA)', () => {
    const r = ask(tld, 'www.example.com.', RRType.A);
    expect(r.aa).toBe(false);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toEqual([]);
    expect(shown(r.authority)).toEqual(['example.com. 172800 NS ns1.example.com.', 'example.com. 172800 NS ns2.example.net.']);
    // ns2.example.net is out of bailiwick and not served here: no address for it.
    expect(shown(r.additional)).toEqual(['ns1.example.com. 172800 A 192.0.2.1', 'ns1.example.com. 172800 AAAA 2001:db8::1']);
  });

  it('refers a query for the cut itself, including its NS, and names far below it', () => {
    for (const [name, type] of [
      ['example.com.', RRType.NS],
      ['example.com.', RRType.A],
      ['a.b.c.d.example.com.', RRType.TXT],
      ['ns1.example.com.', RRType.A],
    ] as const) {
      const r = ask(tld, name, type);
      expect(r.aa, name).toBe(false);
      expect(r.authority.every((rr) => rr.name === 'example.com.' && rr.type === RRType.NS), name).toBe(true);
    }
  });

  it('uses the glue of the referring zone for servers it also serves authoritatively', () => {
    const r = ask(serve([com, example], plain), 'www.sub.example.com.', RRType.A);
    expect(r.aa).toBe(false);
    expect(shown(r.authority)).toEqual(['sub.example.com. 86400 NS ns.example.net.', 'sub.example.com. 86400 NS ns1.sub.example.com.']);
    expect(shown(r.additional)).toEqual(['ns1.sub.example.com. 86400 A 192.0.2.53']);
  });
});

describe('DS is answered by the parent (RFC 4035 §3.1.4.1)', () => {
  it('answers DS at a cut from the parent side, authoritatively', () => {
    const r = ask(serve([com], plain), 'example.com.', RRType.DS);
    expect(r.aa).toBe(true);
    expect(shown(r.answer)).toEqual(['example.com. 86400 DS 370 13 2 e2d3c916f6deeac73294e8268fb5885044a833fc5459588f4a9184cfc41a5766']);
    expect(r.authority).toEqual([]);
  });

  it('answers NODATA from the parent for an unsigned delegation', () => {
    const r = ask(serve([com], plain), 'unsigned.com.', RRType.DS);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toEqual([]);
    expect(shown(r.authority)).toEqual(['com. 900 SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400']);
  });

  it('uses the parent zone when it serves both parent and child, not the child apex', () => {
    const r = ask(serve([com, example], plain), 'example.com.', RRType.DS);
    expect(r.aa).toBe(true);
    expect(r.answer.map((rr) => rr.type)).toEqual([RRType.DS]);
  });

  it('answers NODATA from the child apex when it serves only the child', () => {
    const r = ask(serve([example], plain), 'example.com.', RRType.DS);
    expect(r.aa).toBe(true);
    expect(r.answer).toEqual([]);
    expect(r.authority.map((rr) => `${rr.name} ${rr.type}`)).toEqual(['example.com. 6']);
  });

  it('refers DS queries for names below a cut', () => {
    const r = ask(serve([com], plain), 'x.example.com.', RRType.DS);
    expect(r.aa).toBe(false);
    expect(r.authority[0]?.type).toBe(RRType.NS);
  });
});

describe('CNAME', () => {
  const authority = serve([example, other], plain);

  it('follows an alias inside the zone', () => {
    const r = ask(authority, 'alias.example.com.', RRType.A);
    expect(r.aa).toBe(true);
    expect(shown(r.answer)).toEqual(['alias.example.com. 600 CNAME www.example.com.', 'www.example.com. 300 A 192.0.2.10']);
  });

  it('follows a chain in order', () => {
    const r = ask(authority, 'chain1.example.com.', RRType.A);
    expect(r.answer.map((rr) => rr.name)).toEqual(['chain1.example.com.', 'chain2.example.com.', 'chain3.example.com.', 'www.example.com.']);
    expect(r.rcode).toBe(Rcode.NOERROR);
  });

  it('continues into another zone it serves', () => {
    const r = ask(authority, 'across.example.com.', RRType.A);
    expect(r.aa).toBe(true);
    expect(shown(r.answer)).toEqual(['across.example.com. 60 CNAME www.other.test.', 'www.other.test. 120 A 198.51.100.80']);
  });

  it('stops where its authority ends, with the alias only', () => {
    const r = ask(authority, 'away.example.com.', RRType.A);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(shown(r.answer)).toEqual(['away.example.com. 60 CNAME www.example.org.']);
    expect(r.authority).toEqual([]);
  });

  it('takes the rcode from the end of the chain (RFC 6604): NXDOMAIN with the SOA', () => {
    const r = ask(authority, 'dangling.example.com.', RRType.A);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NXDOMAIN);
    expect(shown(r.answer)).toEqual(['dangling.example.com. 60 CNAME missing.example.com.']);
    expect(r.authority.map((rr) => rr.type)).toEqual([RRType.SOA]);
  });

  it('ends a chain in NODATA with the SOA of the target zone', () => {
    const r = ask(authority, 'empty.example.com.', RRType.TXT);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(shown(r.answer)).toEqual(['empty.example.com. 60 CNAME www.example.com.']);
    expect(r.authority.map((rr) => `${rr.name} ${rr.type} ${rr.ttl}`)).toEqual(['example.com. 6 300']);
  });

  it('answers a CNAME query with the CNAME itself', () => {
    const r = ask(authority, 'alias.example.com.', RRType.CNAME);
    expect(shown(r.answer)).toEqual(['alias.example.com. 600 CNAME www.example.com.']);
  });

  it('stops at a loop, each link once', () => {
    const r = ask(authority, 'loop1.example.com.', RRType.A);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer.map((rr) => rr.name)).toEqual(['loop1.example.com.', 'loop2.example.com.']);
  });

  it(`caps a chain at ${MAX_CNAME_LINKS} links`, () => {
    const links = Array.from({ length: 20 }, (_, i) => cname(`c${i}.example.com.`, 60, `c${i + 1}.example.com.`));
    const long = serve([example.withChanges({ put: links.map((rr) => ({ ...rr, data: [rr.data] })) })], plain);
    const r = ask(long, 'c0.example.com.', RRType.A);
    expect(r.answer).toHaveLength(MAX_CNAME_LINKS);
    expect(r.answer.every((rr) => rr.type === RRType.CNAME)).toBe(true);
  });

  it('follows into a delegated part of the chain with a referral, keeping AA for the alias', () => {
    const z = example.withRRset({ name: 'tosub.example.com.', type: RRType.CNAME, class: 1, ttl: 60, data: ['www.sub.example.com.'] });
    const r = ask(serve([z], plain), 'tosub.example.com.', RRType.A);
    expect(r.aa).toBe(true);
    expect(shown(r.answer)).toEqual(['tosub.example.com. 60 CNAME www.sub.example.com.']);
    expect(r.authority.map((rr) => `${rr.name} ${rr.type}`)).toEqual(['sub.example.com. 2', 'sub.example.com. 2']);
    expect(shown(r.additional)).toEqual(['ns1.sub.example.com. 86400 A 192.0.2.53']);
  });
});

describe('negative answers (RFC 2308)', () => {
  const authority = serve([com, example], plain);

  it('NXDOMAIN carries the SOA with TTL min(SOA TTL, MINIMUM): the MINIMUM when lower', () => {
    const r = ask(authority, 'nope.com.', RRType.A);
    expect(r.rcode).toBe(Rcode.NXDOMAIN);
    expect(r.aa).toBe(true);
    expect(r.answer).toEqual([]);
    expect(r.authority.map((rr) => `${rr.name} ${rr.ttl}`)).toEqual(['com. 900']);
  });

  it('NODATA carries the SOA with TTL min(SOA TTL, MINIMUM): the SOA TTL when lower', () => {
    const r = ask(authority, 'www.example.com.', RRType.AAAA);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.aa).toBe(true);
    expect(r.answer).toEqual([]);
    expect(r.authority.map((rr) => `${rr.name} ${rr.ttl}`)).toEqual(['example.com. 300']);
    expect(r.additional).toEqual([]);
  });

  it('takes the MINIMUM when it is below the SOA TTL', () => {
    const z = example.withRRset({ ...example.soa, ttl: 7200 });
    const r = ask(serve([z], plain), 'nope.example.com.', RRType.A);
    expect(r.authority.map((rr) => rr.ttl)).toEqual([3600]);
  });

  it('treats an empty non-terminal as NODATA, and a name below it as NXDOMAIN', () => {
    for (const name of ['c.example.com.', 'b.c.example.com.']) {
      const r = ask(authority, name, RRType.A);
      expect(r.rcode, name).toBe(Rcode.NOERROR);
      expect(r.answer, name).toEqual([]);
      expect(r.authority.map((rr) => rr.type), name).toEqual([RRType.SOA]);
    }
    expect(ask(authority, 'x.b.c.example.com.', RRType.A).rcode).toBe(Rcode.NXDOMAIN);
    expect(ask(authority, 'a.b.c.example.com.', RRType.TXT).answer).toHaveLength(1);
  });
});

describe('additional section', () => {
  const authority = serve([example], plain);

  it('adds addresses of MX exchanges it is authoritative for, and only those', () => {
    const r = ask(authority, 'example.com.', RRType.MX);
    expect(shown(r.additional)).toEqual(['mail.example.com. 300 A 192.0.2.25']);
  });

  it('adds addresses of SRV targets', () => {
    const r = ask(authority, '_https._tcp.example.com.', RRType.SRV);
    expect(shown(r.additional)).toEqual(['www.example.com. 300 A 192.0.2.10']);
  });

  it('adds addresses of the apex NS in an NS answer', () => {
    const r = ask(authority, 'example.com.', RRType.NS);
    expect(r.aa).toBe(true);
    expect(shown(r.answer)).toEqual(['example.com. 3600 NS ns1.example.com.', 'example.com. 3600 NS ns2.example.net.']);
    expect(shown(r.additional)).toEqual(['ns1.example.com. 3600 A 192.0.2.1', 'ns1.example.com. 3600 AAAA 2001:db8::1']);
  });

  it('does not use glue as authoritative data for MX targets', () => {
    const z = example.withRRset({ name: 'example.com.', type: RRType.MX, class: 1, ttl: 300, data: [{ preference: 5, exchange: 'ns1.sub.example.com.' }] });
    expect(ask(serve([z], plain), 'example.com.', RRType.MX).additional).toEqual([]);
  });
});

describe('apexNsInAuthority', () => {
  const on = serve([example], { apexNsInAuthority: true });
  const off = serve([example], { apexNsInAuthority: false });
  const apexNs = ['example.com. 3600 NS ns1.example.com.', 'example.com. 3600 NS ns2.example.net.'];

  it('is on by default, as in BIND', () => {
    expect(shown(ask(serve([example]), 'www.example.com.', RRType.A).authority)).toEqual(apexNs);
  });

  it('puts the apex NS and their addresses on positive answers when on', () => {
    const r = ask(on, 'www.example.com.', RRType.A);
    expect(shown(r.authority)).toEqual(apexNs);
    expect(shown(r.additional)).toEqual(['ns1.example.com. 3600 A 192.0.2.1', 'ns1.example.com. 3600 AAAA 2001:db8::1']);
    expect(shown(ask(on, 'alias.example.com.', RRType.A).authority)).toEqual(apexNs);
  });

  it('leaves them out when off', () => {
    const r = ask(off, 'www.example.com.', RRType.A);
    expect(r.authority).toEqual([]);
    expect(r.additional).toEqual([]);
  });

  it('never adds them to referrals, NODATA, NXDOMAIN or an answer that is the apex NS', () => {
    expect(shown(ask(on, 'www.sub.example.com.', RRType.A).authority).every((l) => l.startsWith('sub.example.com.'))).toBe(true);
    expect(ask(on, 'www.example.com.', RRType.TXT).authority.map((rr) => rr.type)).toEqual([RRType.SOA]);
    expect(ask(on, 'nope.example.com.', RRType.A).authority.map((rr) => rr.type)).toEqual([RRType.SOA]);
    const nsAnswer = ask(on, 'example.com.', RRType.NS);
    expect(nsAnswer.answer).toHaveLength(2);
    expect(nsAnswer.authority).toEqual([]);
    const anyAnswer = ask(on, 'example.com.', RRType.ANY);
    expect(anyAnswer.authority).toEqual([]);
  });

  it('does not add them when a CNAME chain ends in a referral', () => {
    const z = example.withRRset({ name: 'tosub.example.com.', type: RRType.CNAME, class: 1, ttl: 60, data: ['www.sub.example.com.'] });
    const r = ask(serve([z], { apexNsInAuthority: true }), 'tosub.example.com.', RRType.A);
    expect(r.authority.map((rr) => rr.name)).toEqual(['sub.example.com.', 'sub.example.com.']);
  });

  it('uses the apex NS of the zone that ends a CNAME chain', () => {
    const r = ask(serve([example, other], { apexNsInAuthority: true }), 'across.example.com.', RRType.A);
    expect(shown(r.authority)).toEqual(['other.test. 120 NS ns.other.test.']);
    expect(shown(r.additional)).toEqual(['ns.other.test. 120 A 198.51.100.1']);
  });
});

describe('header, question and EDNS handling', () => {
  const authority = serve([example], plain);
  const ctx = { now: 1_700_000_000, client: CLIENT };

  it('echoes ID, RD and the question as asked (0x20 case), with RA clear', () => {
    const r = ask(authority, 'WwW.ExAmPlE.cOm.', RRType.A, { rd: true, id: 777 });
    expect(r.id).toBe(777);
    expect(r.rd).toBe(true);
    expect(r.ra).toBe(false);
    expect(r.question).toEqual([{ name: 'WwW.ExAmPlE.cOm.', type: RRType.A, class: RRClass.IN }]);
    expect(shown(r.answer)).toEqual(['www.example.com. 300 A 192.0.2.10']);
  });

  it('answers FORMERR to a message with QR set', () => {
    const q = { ...makeQuery(1, 'www.example.com.', RRType.A), qr: true };
    expect(authority.answer(q, ctx).rcode).toBe(Rcode.FORMERR);
  });

  it('answers FORMERR without exactly one question', () => {
    const none = { ...makeQuery(1, 'www.example.com.', RRType.A), question: [] };
    expect(authority.answer(none, ctx).rcode).toBe(Rcode.FORMERR);
    const q = makeQuery(1, 'www.example.com.', RRType.A);
    const two = { ...q, question: [q.question[0]!, { name: 'example.com.', type: RRType.NS, class: 1 }] };
    const r = authority.answer(two, ctx);
    expect(r.rcode).toBe(Rcode.FORMERR);
    expect(r.answer).toEqual([]);
  });

  it('answers NOTIMP to opcodes other than QUERY', () => {
    for (const opcode of [Opcode.NOTIFY, Opcode.UPDATE, 2]) {
      const q = { ...makeQuery(1, 'example.com.', RRType.SOA), opcode };
      const r = authority.answer(q, ctx);
      expect(r.rcode).toBe(Rcode.NOTIMP);
      expect(r.opcode).toBe(opcode);
      expect(r.answer).toEqual([]);
    }
  });

  it('refuses classes other than IN', () => {
    const q = makeQuery(1, 'version.bind.', RRType.TXT);
    q.question[0]!.class = RRClass.CH;
    expect(authority.answer(q, ctx).rcode).toBe(Rcode.REFUSED);
  });

  it('answers meta types as servers do: OPT FORMERR, AXFR REFUSED', () => {
    expect(ask(authority, 'example.com.', RRType.OPT).rcode).toBe(Rcode.FORMERR);
    expect(ask(authority, 'example.com.', 252).rcode).toBe(Rcode.REFUSED);
  });

  it('includes an OPT with its payload size only when the query had one', () => {
    expect(ask(authority, 'www.example.com.', RRType.A).edns).toBeUndefined();
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: { udpSize: 4096, version: 0, dnssecOk: true } });
    expect(r.edns).toEqual({ udpSize: DEFAULT_UDP_SIZE, version: 0, dnssecOk: true });
    const small = serve([example], { udpSize: 512 });
    expect(ask(small, 'www.example.com.', RRType.A, { edns: { udpSize: 4096, version: 0, dnssecOk: false } }).edns?.udpSize).toBe(512);
    expect(() => new Authority([example], { udpSize: 100 })).toThrow(RangeError);
  });

  it('answers BADVERS (16) with an OPT of version 0 to EDNS versions above 0', () => {
    const r = ask(authority, 'www.example.com.', RRType.A, { edns: { udpSize: 1232, version: 1, dnssecOk: false } });
    expect(r.rcode).toBe(Rcode.BADVERS);
    expect(r.edns?.version).toBe(0);
    expect(r.answer).toEqual([]);
  });
});
