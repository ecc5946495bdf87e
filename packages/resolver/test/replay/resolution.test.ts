/** Single resolutions and cached answers in the lab hierarchy: RFC 1034 §5.3.3 step by step. */
import { describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { getProfile } from '../../src/profiles.ts';
import { formatTrace } from '../../src/iterator/trace.ts';
import type { SoaData } from '../../src/record.ts';
import { firstTime, lastTime, summary } from './harness.ts';
import { lab, NEW, OLD, providerServer } from './world.ts';

describe('a first resolution', () => {
  it('primes from the root hints, follows referrals, and resolves the glueless NS name in another TLD', () => {
    const { replay } = lab({ profile: getProfile('unbound') });
    const out = replay.ask('www.example.com');
    expect(summary(out.response)).toBe(`NOERROR ${OLD}`);
    const steps = out.asked.map((q) => `${q.server} ${q.name} ${q.type}`);
    expect(steps[0]).toBe(`10.0.0.1 . ${RRType.NS}`);
    // com's referral names servers under net: their address is looked up before example.com is asked.
    const lookup = steps.findIndex((s) => s.includes('ns1.oldprov.net.') || s.includes('ns2.oldprov.net.'));
    const final = steps.findIndex((s) => s.endsWith(`www.example.com. ${RRType.A}`));
    expect(lookup).toBeGreaterThan(0);
    expect(final).toBe(steps.length - 1);
    expect(lookup).toBeLessThan(final);
    expect(out.asked.at(-1)!.server).toMatch(/^10\.1\.0\./);
  });

  it('gives the client RA=1, AA=0, its own ID and question, and EDNS', () => {
    const { replay } = lab({ profile: getProfile('unbound') });
    const r = replay.ask('WWW.Example.COM').response;
    expect(r).toMatchObject({ qr: true, ra: true, aa: false, rd: true, id: 1, rcode: Rcode.NOERROR });
    expect(r.question[0]!.name).toBe('WWW.Example.COM');
    expect(r.edns?.udpSize).toBe(1232);
  });

  it('minimises the query names (RFC 9156): the root is asked for com., com for example.com.', () => {
    const { replay } = lab({ profile: getProfile('unbound') });
    const names = replay.ask('www.example.com').asked.map((q) => `${q.server} ${q.name}`);
    expect(names).toContain('10.0.0.1 com.');
    expect(names).toContain('10.0.0.2 example.com.');
    expect(names.filter((n) => n.includes('www.example.com.'))).toHaveLength(1);
  });

  it('sends the full name everywhere when minimisation is off', () => {
    const { replay } = lab({ profile: { ...getProfile('unbound'), qnameMinimisation: false } });
    const asked = replay.ask('www.example.com').asked;
    expect(asked.filter((q) => q.server === '10.0.0.2').some((q) => q.name === 'www.example.com.')).toBe(true);
  });

  it('sends client cookies when the profile does (BIND), and returns the server cookie it was given', () => {
    const { replay } = lab({ profile: getProfile('bind') });
    replay.ask('www.example.com');
    const toRoot = replay.log.filter((q) => q.server === '10.0.0.1');
    expect(toRoot.length).toBeGreaterThan(1);
    expect(toRoot[0]!.query.edns?.cookie?.client).toHaveLength(8);
    expect(toRoot[0]!.query.edns?.cookie?.server).toBeUndefined();
    expect(toRoot[1]!.query.edns?.cookie?.server).toHaveLength(16);
    expect(toRoot[1]!.query.edns?.cookie?.client).toEqual(toRoot[0]!.query.edns?.cookie?.client);
    const { replay: plain } = lab({ profile: getProfile('unbound') });
    plain.ask('www.example.com');
    expect(plain.log.every((q) => q.query.edns?.cookie === undefined && q.query.edns?.udpSize === 1232)).toBe(true);
  });

  it('prints a dig +trace style trace', () => {
    const { replay } = lab({ profile: getProfile('unbound') });
    const text = formatTrace(replay.ask('www.example.com').resolution.trace);
    expect(text).toContain(';; referral NOERROR (to com.)');
    expect(text).toContain(';; referral NOERROR (to example.com.)');
    expect(text).toMatch(/^www\.example\.com\. 2 IN A 192\.0\.2\.1$/m);
    expect(text).toMatch(/^;; \. NS → \S+ \(\.\) at \+0\.000 s$/m);
  });

  it('answers the second question from the cache without asking anyone', () => {
    const { replay, recursor } = lab({ profile: getProfile('unbound'), wwwTtl: 300 });
    replay.ask('www.example.com');
    replay.advanceTo(100);
    const again = replay.ask('www.example.com');
    expect(again.asked).toEqual([]);
    expect(again.response.answer[0]!.ttl).toBe(200);
    expect(recursor.lookupCached('www.example.com.', RRType.A, 100)?.rrset.data).toEqual([OLD]);
    expect(recursor.answerFromCache(again.resolution.response!, 100)?.answer[0]!.ttl).toBe(200);
  });
});

describe('CNAME chains', () => {
  it('follows a CNAME into another zone, asking that zone\u2019s servers for the target', () => {
    const { replay } = lab({ profile: getProfile('unbound'), oldExtra: 'alias.example.com. 300 CNAME web.newprov.net.' });
    const out = replay.ask('alias.example.com');
    expect(out.response.answer.map((rr) => `${rr.name} ${rr.type} ${rr.data}`)).toEqual([
      `alias.example.com. ${RRType.CNAME} web.newprov.net.`,
      `web.newprov.net. ${RRType.A} 10.2.0.80`,
    ]);
    const last = out.asked.at(-1)!;
    expect(last).toMatchObject({ name: 'web.newprov.net.' });
    expect(last.server).toMatch(/^10\.2\.0\./);
  });

  it('drops the target data a server volunteers for a zone it is not asked about (scrubbing)', () => {
    // The old provider serves oldprov.net too and puts web.oldprov.net's address after the CNAME.
    const { replay } = lab({ profile: getProfile('unbound'), oldExtra: 'alias.example.com. 300 CNAME web.oldprov.net.' });
    const out = replay.ask('alias.example.com');
    expect(summary(out.response)).toBe('NOERROR 10.1.0.80');
    expect(out.asked.at(-1)!.name).toBe('web.oldprov.net.');
  });

  it('answers an NXDOMAIN at the end of a chain with the chain and the SOA', () => {
    const { replay } = lab({ profile: getProfile('unbound'), oldExtra: 'gone.example.com. 300 CNAME nothing.example.com.' });
    const r = replay.ask('gone.example.com').response;
    expect(r.rcode).toBe(Rcode.NXDOMAIN);
    expect(r.answer.map((rr) => rr.type)).toEqual([RRType.CNAME]);
    expect(r.authority[0]!.type).toBe(RRType.SOA);
  });
});

describe('negative caching (RFC 2308)', () => {
  function appearingName(profile: string) {
    const opts = { profile: getProfile(profile), negativeTtl: 30 };
    const { replay } = lab({
      ...opts,
      oldProviderAfter: [{ from: 5, handler: providerServer(opts, 'oldprov', 'new.example.com. 300 A 192.0.2.9') }],
    });
    return replay;
  }

  it('an NXDOMAIN holds for min(SOA TTL, SOA minimum); the new name is seen only after it', () => {
    const replay = appearingName('unbound');
    const first = replay.ask('new.example.com');
    expect(first.response.rcode).toBe(Rcode.NXDOMAIN);
    const soa = first.response.authority[0]!;
    expect(soa.type).toBe(RRType.SOA);
    expect(soa.ttl).toBe(30);
    expect((soa.data as SoaData).minimum).toBe(30);
    replay.advanceTo(10);
    const cached = replay.ask('new.example.com');
    expect(cached.asked).toEqual([]);
    expect(cached.response.authority[0]!.ttl).toBe(20);
    const samples = replay.poll('new.example.com', 'A', 11, 40, 1);
    // Unbound serves down to TTL 0: the entry stored at 0 with TTL 30 is last served at 30.
    expect(lastTime(samples, (a) => a === 'NXDOMAIN')).toBe(30);
    expect(firstTime(samples, (a) => a === 'NOERROR 192.0.2.9')).toBe(31);
  });

  it('bind never serves TTL 0: the same entry is gone at 30', () => {
    const replay = appearingName('bind');
    replay.ask('new.example.com');
    const samples = replay.poll('new.example.com', 'A', 1, 40, 1);
    expect(lastTime(samples, (a) => a === 'NXDOMAIN')).toBe(29);
    expect(firstTime(samples, (a) => a === 'NOERROR 192.0.2.9')).toBe(30);
  });

  it('a NODATA answer is cached for the type only', () => {
    const { replay } = lab({ profile: getProfile('unbound') });
    const mx = replay.ask('www.example.com', 'MX');
    expect(mx.response.rcode).toBe(Rcode.NOERROR);
    expect(mx.response.answer).toEqual([]);
    expect(mx.response.authority[0]!.type).toBe(RRType.SOA);
    replay.advanceTo(1);
    expect(replay.ask('www.example.com', 'MX').asked).toEqual([]);
    expect(replay.ask('www.example.com', 'TXT').asked.length).toBeGreaterThan(0);
  });
});

describe('TTL floor', () => {
  it('a 1 h floor holds the old address for an hour although its TTL is 2 s', () => {
    const opts = { profile: getProfile('ttl-floor:3600') };
    const { replay } = lab({ ...opts, oldProviderAfter: [{ from: 10, handler: providerServer(opts, 'oldprov', '', NEW) }] });
    expect(summary(replay.ask('www.example.com').response)).toBe(`NOERROR ${OLD}`);
    const samples = replay.poll('www.example.com', 'A', 100, 4000, 100);
    expect(lastTime(samples, (a) => a === `NOERROR ${OLD}`)).toBe(3600);
    expect(firstTime(samples, (a) => a === `NOERROR ${NEW}`)).toBe(3700);
  });

  it('unbound without a floor sees the same change within the record TTL', () => {
    const opts = { profile: getProfile('unbound') };
    const { replay } = lab({ ...opts, oldProviderAfter: [{ from: 10, handler: providerServer(opts, 'oldprov', '', NEW) }] });
    const samples = replay.poll('www.example.com', 'A', 0, 20, 1);
    expect(firstTime(samples, (a) => a === `NOERROR ${NEW}`)).toBeLessThanOrEqual(13);
  });
});

describe('prefetch (BIND prefetch 2 9)', () => {
  it('answers from the cache and refreshes an RRset with 2 s or less left', () => {
    const { replay } = lab({ profile: getProfile('bind'), wwwTtl: 10 });
    replay.ask('www.example.com');
    replay.advanceTo(8.5);
    const out = replay.ask('www.example.com');
    expect(out.response.answer[0]!.ttl).toBe(2);
    expect(out.answeredAt).toBe(8.5);
    expect(out.asked.map((q) => q.name)).toEqual(['www.example.com.']);
    replay.advanceTo(12);
    const later = replay.ask('www.example.com');
    expect(later.asked).toEqual([]);
    expect(later.response.answer[0]!.ttl).toBe(6);
  });
});
