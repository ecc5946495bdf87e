import { describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import { InputError } from '../../src/errors.ts';
import { Zone, ZoneError } from '../../src/zone.ts';
import { a, aaaa, cname, ds, mx, ns, shown, soa, txt, zone } from './records.ts';

const apex = [
  soa('example.com.', 900, { mname: 'ns1.example.com.', rname: 'hostmaster.example.com.', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 }),
  ns('example.com.', 172800, 'ns1.example.com.'),
  ns('example.com.', 172800, 'ns2.example.net.'),
  a('ns1.example.com.', 3600, '192.0.2.1'),
];

function rejects(records: Parameters<typeof zone>[0], pattern: RegExp, origin?: string): ZoneError {
  let error: unknown;
  try {
    zone(records, origin);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ZoneError);
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(pattern);
  return error as ZoneError;
}

describe('Zone.fromRecords', () => {
  it('takes the owner of the single SOA as the origin and exposes the apex', () => {
    const z = zone([...apex, a('WWW.example.com.', 300, '192.0.2.10')]);
    expect(z.origin).toBe('example.com.');
    expect(z.soa.ttl).toBe(900);
    expect(z.apexNs.data).toEqual(['ns1.example.com.', 'ns2.example.net.']);
    expect(z.negativeTtl).toBe(900);
    expect(z.get('www.example.com.', RRType.A)?.data).toEqual(['192.0.2.10']);
    expect(z.get('www.example.com.', RRType.AAAA)).toBeUndefined();
  });

  it('groups records into RRsets, a differing TTL taking the lowest (RFC 2181 §5.2)', () => {
    const z = zone([...apex, a('www.example.com.', 300, '192.0.2.10'), a('www.example.com.', 60, '192.0.2.11')]);
    expect(z.get('www.example.com.', RRType.A)).toMatchObject({ ttl: 60, data: ['192.0.2.10', '192.0.2.11'] });
    expect(shown(z.records()).filter((l) => l.startsWith('www'))).toEqual(['www.example.com. 60 A 192.0.2.10', 'www.example.com. 60 A 192.0.2.11']);
  });

  it('knows empty non-terminals exist and other names do not', () => {
    const z = zone([...apex, txt('a.b.c.example.com.', 300, 'deep')]);
    expect(z.exists('b.c.example.com.')).toBe(true);
    expect(z.exists('c.example.com.')).toBe(true);
    expect(z.exists('x.c.example.com.')).toBe(false);
    expect(z.rrsetsAt('c.example.com.')).toEqual([]);
  });

  it('finds the closest enclosing cut, and none for the apex or names above the cuts', () => {
    const z = zone([...apex, ns('sub.example.com.', 3600, 'ns.sub.example.com.'), a('ns.sub.example.com.', 3600, '192.0.2.53')]);
    expect(z.cutFor('sub.example.com.')).toBe('sub.example.com.');
    expect(z.cutFor('a.b.sub.example.com.')).toBe('sub.example.com.');
    expect(z.cutFor('example.com.')).toBeUndefined();
    expect(z.cutFor('www.example.com.')).toBeUndefined();
    expect(z.isCut('sub.example.com.')).toBe(true);
  });

  it('names the file in its errors', () => {
    expect(() => Zone.fromRecords(apex.slice(1), { file: 'zones/example.zone' })).toThrow(/^zones\/example\.zone: no SOA record/);
    expect(() => Zone.fromRecords([...apex, a('www.example.org.', 60, '192.0.2.1')], { file: 'x.zone' })).toThrow(
      'x.zone: zone example.com.: www.example.org. A: outside the zone example.com.',
    );
  });

  it('merges RRsets given twice for one name and type, each record once, at the lower TTL', () => {
    const www = { name: 'www.example.com.', type: RRType.A, class: 1 };
    const z = Zone.fromRRsets([
      ...Zone.fromRecords(apex).rrsets(),
      { ...www, ttl: 300, data: ['192.0.2.10', '192.0.2.11'] },
      { ...www, ttl: 60, data: ['192.0.2.11', '192.0.2.12'] },
    ]);
    expect(z.get('www.example.com.', RRType.A)).toMatchObject({ ttl: 60, data: ['192.0.2.10', '192.0.2.11', '192.0.2.12'] });
  });

  it('hands out RRsets that cannot be edited in place', () => {
    const z = zone(apex);
    expect(() => z.apexNs.data.push('ns3.example.org.')).toThrow(TypeError);
    expect(() => {
      (z.soa as { ttl: number }).ttl = 0;
    }).toThrow(TypeError);
    expect(z.apexNs.data).toHaveLength(2);
  });
});

describe('zone validation', () => {
  it('needs exactly one SOA, at the apex', () => {
    rejects(apex.slice(1), /no SOA/);
    rejects([...apex, soa('sub.example.com.', 900, { mname: 'a.', rname: 'b.', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 })], /second SOA/);
    rejects([...apex, soa('example.com.', 900, { mname: 'other.', rname: 'b.', serial: 2, refresh: 1, retry: 1, expire: 1, minimum: 1 })], /2 SOA records/);
    const e = rejects(apex, /no SOA record at the apex/, 'example.org.');
    expect(e.zone).toBe('example.org.');
  });

  it('needs NS records at the apex', () => {
    rejects([apex[0]!], /no NS records at the apex/);
  });

  it('refuses a CNAME beside other data, or two CNAMEs at a name (RFC 1034 §3.6.2, RFC 2181 §10.1)', () => {
    const e = rejects([...apex, cname('www.example.com.', 300, 'a.example.net.'), txt('www.example.com.', 300, 'x')], /CNAME beside other data \(TXT\)/);
    expect(e.record).toEqual({ name: 'www.example.com.', type: RRType.CNAME });
    rejects([...apex, cname('www.example.com.', 300, 'a.example.net.'), cname('www.example.com.', 300, 'b.example.net.')], /more than one CNAME/);
    rejects([...apex, cname('example.com.', 300, 'elsewhere.example.net.')], /CNAME beside other data/);
  });

  it('refuses records outside the origin', () => {
    const e = rejects([...apex, a('www.example.org.', 300, '192.0.2.1')], /outside the zone example\.com\./);
    expect(e.record).toEqual({ name: 'www.example.org.', type: RRType.A });
    rejects([...apex, a('badexample.com.', 300, '192.0.2.1')], /outside the zone/);
  });

  it('allows only glue below a cut, and NS, DS and glue at it', () => {
    const cut = [ns('sub.example.com.', 3600, 'ns.sub.example.com.')];
    expect(() => zone([...apex, ...cut, a('ns.sub.example.com.', 3600, '192.0.2.53'), aaaa('ns.sub.example.com.', 3600, '2001:db8::53')])).not.toThrow();
    expect(() => zone([...apex, ...cut, ds('sub.example.com.', 3600, 12345, 'ab'.repeat(32))])).not.toThrow();
    const below = rejects([...apex, ...cut, txt('www.sub.example.com.', 300, 'x')], /below the zone cut at sub\.example\.com\., where only glue/);
    expect(below.record).toEqual({ name: 'www.sub.example.com.', type: RRType.TXT });
    rejects([...apex, ...cut, mx('sub.example.com.', 300, 10, 'mail.example.com.')], /at a zone cut, where only NS, DS and glue/);
    rejects([...apex, ...cut, ns('deeper.sub.example.com.', 300, 'ns.example.net.')], /below the zone cut/);
  });

  it('refuses a wildcard delegation and a TTL outside RFC 2181 §8', () => {
    rejects([...apex, ns('*.example.com.', 300, 'ns.example.net.')], /wildcard owner cannot be a delegation/);
    rejects([...apex, a('www.example.com.', 2 ** 31, '192.0.2.1')], /TTL 2147483648 is outside/);
  });
});

describe('zone changes', () => {
  const base = zone([...apex, a('www.example.com.', 300, '192.0.2.10')]);

  it('replaces an RRset in a new zone, leaving the old one as it was', () => {
    const lowered = base.withRRset({ ...base.apexNs, ttl: 60 });
    expect(lowered.apexNs.ttl).toBe(60);
    expect(base.apexNs.ttl).toBe(172800);
    expect(lowered.get('www.example.com.', RRType.A)).toBe(base.get('www.example.com.', RRType.A));
  });

  it('adds and removes RRsets, updating what exists', () => {
    const added = base.withRRset({ name: 'x.y.example.com.', type: RRType.TXT, class: 1, ttl: 60, data: [['hi']] });
    expect(added.exists('y.example.com.')).toBe(true);
    const removed = added.withoutRRset('x.y.example.com.', RRType.TXT);
    expect(removed.exists('y.example.com.')).toBe(false);
    expect(removed.exists('x.y.example.com.')).toBe(false);
    expect(base.withoutRRset('nothing.example.com.', RRType.A)).toBe(base);
  });

  it('re-validates: a change that breaks the zone is refused and the old zone stands', () => {
    expect(() => base.withoutRRset('example.com.', RRType.NS)).toThrow(/no NS records at the apex/);
    expect(() => base.withRRset({ name: 'www.example.com.', type: RRType.CNAME, class: 1, ttl: 60, data: ['a.example.net.'] })).toThrow(/CNAME beside/);
    expect(base.apexNs.data.length).toBe(2);
  });

  it('moves a delegation to new servers in one batch', () => {
    const parent = zone([...apex, ns('sub.example.com.', 172800, 'ns1.old.example.net.')]);
    const moved = parent.withChanges({
      remove: [{ name: 'sub.example.com.', type: RRType.NS }],
      put: [{ name: 'sub.example.com.', type: RRType.NS, class: 1, ttl: 172800, data: ['ns-1.awsdns-1.com.', 'ns-2.awsdns-2.net.'] }],
    });
    expect(moved.get('sub.example.com.', RRType.NS)?.data).toEqual(['ns-1.awsdns-1.com.', 'ns-2.awsdns-2.net.']);
    expect(parent.get('sub.example.com.', RRType.NS)?.data).toEqual(['ns1.old.example.net.']);
  });

  it('does not share mutable data with the caller', () => {
    const data = ['192.0.2.99'];
    const z = base.withRRset({ name: 'mutable.example.com.', type: RRType.A, class: 1, ttl: 60, data });
    data.push('192.0.2.100');
    expect(z.get('mutable.example.com.', RRType.A)?.data).toEqual(['192.0.2.99']);
  });
});
