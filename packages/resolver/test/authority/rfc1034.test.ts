/**
 * RFC 1034 §6: the zones of §6.1 and the responses of §6.2 (and the authoritative ones of §6.3),
 * asserted section by section. Adaptations, each forced by the RFC itself or by later RFCs:
 * - §6.1 says C.ISI.EDU serves "the root, MIL, and EDU", but its tree shows MIL served by
 *   SRI-NIC.ARPA and A.ISI.EDU, and §6.2.6 has C.ISI.EDU answer BRL.MIL with a referral; so
 *   C.ISI.EDU serves the root and EDU here, and A.ISI.EDU the root, MIL and ISI.EDU (§6).
 * - The MIL and ISI.EDU zones are not listed in the RFC; they are built from what §6 says of them
 *   (their servers, and the host addresses that appear as glue in the EDU zone).
 * - §6.2.4 shows a NODATA answer with an empty authority section; RFC 2308 §2.2 now puts the SOA
 *   there, with TTL min(SOA TTL, MINIMUM) = 86400.
 * - §6.2.8 prints QTYPE=A in its response although the query is for CNAME (a typo); the question
 *   is echoed as asked.
 * - The §6.1 loader "forces the TTL of all authoritative RRs to be at least" 86400: TTLs are
 *   written out here as loaded.
 * - Servers of 1987 did not add the apex NS RRset to positive answers: `apexNsInAuthority: false`.
 */
import { describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { a, ask, cname, hinfo, HINFO, mx, ns, ptr, serve, shown, soa, zone } from './records.ts';

const DAY = 86400;
const soaFields = { mname: 'SRI-NIC.ARPA.', rname: 'HOSTMASTER.SRI-NIC.ARPA.', refresh: 1800, retry: 300, expire: 604800, minimum: 86400 };

const root = zone([
  soa('.', DAY, { ...soaFields, serial: 870611 }),
  ns('.', DAY, 'A.ISI.EDU.'),
  ns('.', DAY, 'C.ISI.EDU.'),
  ns('.', DAY, 'SRI-NIC.ARPA.'),
  ns('MIL.', DAY, 'SRI-NIC.ARPA.'),
  ns('MIL.', DAY, 'A.ISI.EDU.'),
  ns('EDU.', DAY, 'SRI-NIC.ARPA.'),
  ns('EDU.', DAY, 'C.ISI.EDU.'),
  a('SRI-NIC.ARPA.', DAY, '26.0.0.73'),
  a('SRI-NIC.ARPA.', DAY, '10.0.0.51'),
  mx('SRI-NIC.ARPA.', DAY, 0, 'SRI-NIC.ARPA.'),
  hinfo('SRI-NIC.ARPA.', DAY, 'DEC-2060', 'TOPS20'),
  a('ACC.ARPA.', DAY, '26.6.0.65'),
  hinfo('ACC.ARPA.', DAY, 'PDP-11/70', 'UNIX'),
  mx('ACC.ARPA.', DAY, 10, 'ACC.ARPA.'),
  cname('USC-ISIC.ARPA.', DAY, 'C.ISI.EDU.'),
  ptr('73.0.0.26.IN-ADDR.ARPA.', DAY, 'SRI-NIC.ARPA.'),
  ptr('65.0.6.26.IN-ADDR.ARPA.', DAY, 'ACC.ARPA.'),
  ptr('51.0.0.10.IN-ADDR.ARPA.', DAY, 'SRI-NIC.ARPA.'),
  ptr('52.0.0.10.IN-ADDR.ARPA.', DAY, 'C.ISI.EDU.'),
  ptr('103.0.3.26.IN-ADDR.ARPA.', DAY, 'A.ISI.EDU.'),
  a('A.ISI.EDU.', DAY, '26.3.0.103'),
  a('C.ISI.EDU.', DAY, '10.0.0.52'),
]);

const edu = zone([
  soa('EDU.', DAY, { ...soaFields, serial: 870729 }),
  ns('EDU.', DAY, 'SRI-NIC.ARPA.'),
  ns('EDU.', DAY, 'C.ISI.EDU.'),
  ns('UCI.EDU.', 172800, 'ICS.UCI.EDU.'),
  ns('UCI.EDU.', 172800, 'ROME.UCI.EDU.'),
  a('ICS.UCI.EDU.', 172800, '192.5.19.1'),
  a('ROME.UCI.EDU.', 172800, '192.5.19.31'),
  ns('ISI.EDU.', 172800, 'VAXA.ISI.EDU.'),
  ns('ISI.EDU.', 172800, 'A.ISI.EDU.'),
  ns('ISI.EDU.', 172800, 'VENERA.ISI.EDU.'),
  a('VAXA.ISI.EDU.', 172800, '10.2.0.27'),
  a('VAXA.ISI.EDU.', 172800, '128.9.0.33'),
  a('VENERA.ISI.EDU.', 172800, '10.1.0.52'),
  a('VENERA.ISI.EDU.', 172800, '128.9.0.32'),
  a('A.ISI.EDU.', 172800, '26.3.0.103'),
  ns('UDEL.EDU.', 172800, 'LOUIE.UDEL.EDU.'),
  ns('UDEL.EDU.', 172800, 'UMN-REI-UC.ARPA.'),
  a('LOUIE.UDEL.EDU.', 172800, '10.0.0.96'),
  a('LOUIE.UDEL.EDU.', 172800, '192.5.39.3'),
  ns('YALE.EDU.', 172800, 'YALE.ARPA.'),
  ns('YALE.EDU.', 172800, 'YALE-BULLDOG.ARPA.'),
  ns('MIT.EDU.', 43200, 'XX.LCS.MIT.EDU.'),
  ns('MIT.EDU.', 43200, 'ACHILLES.MIT.EDU.'),
  a('XX.LCS.MIT.EDU.', 43200, '10.0.0.44'),
  a('ACHILLES.MIT.EDU.', 43200, '18.72.0.8'),
]);

const mil = zone([
  soa('MIL.', DAY, { ...soaFields, serial: 870101 }),
  ns('MIL.', DAY, 'SRI-NIC.ARPA.'),
  ns('MIL.', DAY, 'A.ISI.EDU.'),
  a('BRL.MIL.', DAY, '192.5.22.82'),
]);

const isi = zone([
  soa('ISI.EDU.', DAY, { ...soaFields, mname: 'VAXA.ISI.EDU.', rname: 'HOSTMASTER.ISI.EDU.', serial: 870801 }),
  ns('ISI.EDU.', 172800, 'VAXA.ISI.EDU.'),
  ns('ISI.EDU.', 172800, 'A.ISI.EDU.'),
  ns('ISI.EDU.', 172800, 'VENERA.ISI.EDU.'),
  mx('ISI.EDU.', DAY, 10, 'VENERA.ISI.EDU.'),
  mx('ISI.EDU.', DAY, 20, 'VAXA.ISI.EDU.'),
  a('A.ISI.EDU.', 172800, '26.3.0.103'),
  a('C.ISI.EDU.', DAY, '10.0.0.52'),
  a('VAXA.ISI.EDU.', 172800, '10.2.0.27'),
  a('VAXA.ISI.EDU.', 172800, '128.9.0.33'),
  a('VENERA.ISI.EDU.', 172800, '10.1.0.52'),
  a('VENERA.ISI.EDU.', 172800, '128.9.0.32'),
]);

const rfc1987 = { apexNsInAuthority: false } as const;
const cIsiEdu = serve([root, edu], rfc1987);
const aIsiEdu = serve([root, mil, isi], rfc1987);
const sriNicArpa = serve([root, mil, edu], rfc1987);

const isiReferral = {
  authority: ['isi.edu. 172800 NS a.isi.edu.', 'isi.edu. 172800 NS vaxa.isi.edu.', 'isi.edu. 172800 NS venera.isi.edu.'],
  additional: [
    'a.isi.edu. 172800 A 26.3.0.103',
    'vaxa.isi.edu. 172800 A 10.2.0.27',
    'vaxa.isi.edu. 172800 A 128.9.0.33',
    'venera.isi.edu. 172800 A 10.1.0.52',
    'venera.isi.edu. 172800 A 128.9.0.32',
  ],
};

describe('RFC 1034 §6.2 example standard queries', () => {
  it('§6.2.1 SRI-NIC.ARPA A from C.ISI.EDU: an authoritative answer', () => {
    const r = ask(cIsiEdu, 'SRI-NIC.ARPA.', RRType.A);
    expect(r.qr).toBe(true);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.question).toEqual([{ name: 'SRI-NIC.ARPA.', type: RRType.A, class: 1 }]);
    expect(shown(r.answer)).toEqual(['sri-nic.arpa. 86400 A 10.0.0.51', 'sri-nic.arpa. 86400 A 26.0.0.73']);
    expect(r.authority).toEqual([]);
    expect(r.additional).toEqual([]);
  });

  it('§6.2.2 SRI-NIC.ARPA * from C.ISI.EDU: every RRset at the name', () => {
    const r = ask(cIsiEdu, 'SRI-NIC.ARPA.', RRType.ANY);
    expect(r.aa).toBe(true);
    expect(shown(r.answer)).toEqual([
      'sri-nic.arpa. 86400 A 10.0.0.51',
      'sri-nic.arpa. 86400 A 26.0.0.73',
      'sri-nic.arpa. 86400 MX 0 sri-nic.arpa.',
      `sri-nic.arpa. 86400 TYPE${HINFO} 08${Buffer.from('DEC-2060').toString('hex')}06${Buffer.from('TOPS20').toString('hex')}`,
    ]);
    expect(r.authority).toEqual([]);
    // The MX target's addresses are already in the answer section.
    expect(r.additional).toEqual([]);
  });

  it('§6.2.3 SRI-NIC.ARPA MX from C.ISI.EDU: the exchange address in additional', () => {
    const r = ask(cIsiEdu, 'SRI-NIC.ARPA.', RRType.MX);
    expect(r.aa).toBe(true);
    expect(shown(r.answer)).toEqual(['sri-nic.arpa. 86400 MX 0 sri-nic.arpa.']);
    expect(r.authority).toEqual([]);
    expect(shown(r.additional)).toEqual(['sri-nic.arpa. 86400 A 10.0.0.51', 'sri-nic.arpa. 86400 A 26.0.0.73']);
  });

  it('§6.2.4 SRI-NIC.ARPA NS from C.ISI.EDU: the name exists, no NS there (with the RFC 2308 SOA)', () => {
    const r = ask(cIsiEdu, 'SRI-NIC.ARPA.', RRType.NS);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toEqual([]);
    expect(shown(r.authority)).toEqual(['. 86400 SOA sri-nic.arpa. hostmaster.sri-nic.arpa. 870611 1800 300 604800 86400']);
    expect(r.additional).toEqual([]);
  });

  it('§6.2.5 SIR-NIC.ARPA A from C.ISI.EDU: an authoritative name error with the SOA', () => {
    const r = ask(cIsiEdu, 'SIR-NIC.ARPA.', RRType.A);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NXDOMAIN);
    expect(r.answer).toEqual([]);
    expect(shown(r.authority)).toEqual(['. 86400 SOA sri-nic.arpa. hostmaster.sri-nic.arpa. 870611 1800 300 604800 86400']);
    expect(r.additional).toEqual([]);
  });

  it('§6.2.6 BRL.MIL A from C.ISI.EDU: a referral to the MIL servers with their addresses', () => {
    const r = ask(cIsiEdu, 'BRL.MIL.', RRType.A);
    expect(r.aa).toBe(false);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer).toEqual([]);
    expect(shown(r.authority)).toEqual(['mil. 86400 NS a.isi.edu.', 'mil. 86400 NS sri-nic.arpa.']);
    expect(shown(r.additional)).toEqual(['a.isi.edu. 86400 A 26.3.0.103', 'sri-nic.arpa. 86400 A 10.0.0.51', 'sri-nic.arpa. 86400 A 26.0.0.73']);
  });

  it('§6.2.7 USC-ISIC.ARPA A from A.ISI.EDU: the alias and the address, both zones being its own', () => {
    const r = ask(aIsiEdu, 'USC-ISIC.ARPA.', RRType.A);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(r.answer.map((rr) => `${rr.name} ${rr.ttl} ${rr.type}`)).toEqual(['usc-isic.arpa. 86400 5', 'c.isi.edu. 86400 1']);
    expect(shown(r.answer)).toEqual(['c.isi.edu. 86400 A 10.0.0.52', 'usc-isic.arpa. 86400 CNAME c.isi.edu.']);
    expect(r.authority).toEqual([]);
    expect(r.additional).toEqual([]);
  });

  it('§6.2.7 USC-ISIC.ARPA A from C.ISI.EDU: the alias plus a referral to ISI.EDU', () => {
    const r = ask(cIsiEdu, 'USC-ISIC.ARPA.', RRType.A);
    expect(r.aa).toBe(true);
    expect(r.rcode).toBe(Rcode.NOERROR);
    expect(shown(r.answer)).toEqual(['usc-isic.arpa. 86400 CNAME c.isi.edu.']);
    expect(shown(r.authority)).toEqual(isiReferral.authority);
    expect(shown(r.additional)).toEqual(isiReferral.additional);
  });

  it('§6.2.8 USC-ISIC.ARPA CNAME from either server: the CNAME itself, not followed', () => {
    for (const server of [aIsiEdu, cIsiEdu]) {
      const r = ask(server, 'USC-ISIC.ARPA.', RRType.CNAME);
      expect(r.aa).toBe(true);
      expect(r.question[0]!.type).toBe(RRType.CNAME);
      expect(shown(r.answer)).toEqual(['usc-isic.arpa. 86400 CNAME c.isi.edu.']);
      expect(r.authority).toEqual([]);
      expect(r.additional).toEqual([]);
    }
  });
});

describe('RFC 1034 §6.3 authoritative responses met during resolution', () => {
  it('§6.3.1 ISI.EDU MX from SRI-NIC.ARPA: a referral to the ISI.EDU servers', () => {
    const r = ask(sriNicArpa, 'ISI.EDU.', RRType.MX);
    expect(r.aa).toBe(false);
    expect(r.answer).toEqual([]);
    expect(shown(r.authority)).toEqual(isiReferral.authority);
    expect(shown(r.additional)).toEqual(isiReferral.additional);
  });

  it('§6.3.1 ISI.EDU MX from A.ISI.EDU: the exchanges, with their addresses', () => {
    const r = ask(aIsiEdu, 'ISI.EDU.', RRType.MX);
    expect(r.aa).toBe(true);
    expect(shown(r.answer)).toEqual(['isi.edu. 86400 MX 10 venera.isi.edu.', 'isi.edu. 86400 MX 20 vaxa.isi.edu.']);
    expect(r.authority).toEqual([]);
    expect(shown(r.additional)).toEqual([
      'vaxa.isi.edu. 172800 A 10.2.0.27',
      'vaxa.isi.edu. 172800 A 128.9.0.33',
      'venera.isi.edu. 172800 A 10.1.0.52',
      'venera.isi.edu. 172800 A 128.9.0.32',
    ]);
  });

  it('§6.3.2 65.0.6.26.IN-ADDR.ARPA PTR from either SBELT server', () => {
    for (const server of [sriNicArpa, aIsiEdu]) {
      const r = ask(server, '65.0.6.26.IN-ADDR.ARPA.', RRType.PTR);
      expect(r.aa).toBe(true);
      expect(shown(r.answer)).toEqual(['65.0.6.26.in-addr.arpa. 86400 PTR acc.arpa.']);
      expect(r.authority).toEqual([]);
      expect(r.additional).toEqual([]);
    }
  });
});
