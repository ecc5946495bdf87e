import { describe, expect, it } from 'vitest';
import { Cache, cacheKey } from '../../src/cache/cache.ts';
import { Rank } from '../../src/cache/rank.ts';
import { RRClass, RRType } from '../../src/constants.ts';
import { aSet, nsSet, policy, soaSet } from './policy.ts';

describe('credibility ranks (RFC 2181 §5.4.1)', () => {
  it('orders glue < referral < non-authoritative answer < authoritative authority < authoritative answer', () => {
    expect(Rank.Additional).toBeLessThan(Rank.Referral);
    expect(Rank.Referral).toBeLessThan(Rank.NonAuthAnswer);
    expect(Rank.NonAuthAnswer).toBeLessThan(Rank.AuthAuthority);
    expect(Rank.AuthAuthority).toBeLessThan(Rank.AuthAnswer);
  });

  it('lets higher-ranked data replace glue, and never glue replace unexpired higher-ranked data', () => {
    const cache = new Cache(policy());
    cache.store(aSet('ns1.example.com.', 100, '192.0.2.1'), Rank.Additional, 0);
    expect(cache.store(aSet('ns1.example.com.', 100, '192.0.2.2'), Rank.AuthAnswer, 1)?.rank).toBe(Rank.AuthAnswer);
    expect(cache.store(aSet('ns1.example.com.', 100, '192.0.2.3'), Rank.Additional, 2)).toBeUndefined();
    expect(cache.get('ns1.example.com.', RRType.A, 2)?.rrset.data).toEqual(['192.0.2.2']);
  });

  it('lets equal rank replace, and any rank replace expired data', () => {
    const cache = new Cache(policy());
    cache.store(aSet('www.example.', 10, '192.0.2.1'), Rank.AuthAnswer, 0);
    cache.store(aSet('www.example.', 10, '192.0.2.2'), Rank.AuthAnswer, 5);
    expect(cache.get('www.example.', RRType.A, 5)?.rrset.data).toEqual(['192.0.2.2']);
    expect(cache.store(aSet('www.example.', 10, '192.0.2.3'), Rank.Additional, 16)).toBeDefined();
  });

  it('answers clients only from answer ranks: glue and referral NS sets are for iteration', () => {
    const cache = new Cache(policy());
    cache.store(nsSet('example.com.', 100, 'ns1.example.net.'), Rank.Referral, 0);
    expect(cache.get('example.com.', RRType.NS, 1)).toBeDefined();
    expect(cache.getAnswer('example.com.', RRType.NS, 1)).toBeUndefined();
  });
});

describe('expiry and countdown', () => {
  it('counts the TTL down in whole seconds from the second it was stored', () => {
    const cache = new Cache(policy());
    const entry = cache.store(aSet('a.example.', 300, '192.0.2.1'), Rank.AuthAnswer, 100.7)!;
    expect(entry.expires).toBe(400);
    expect(cache.remaining(entry, 100.9)).toBe(300);
    expect(cache.remaining(entry, 101)).toBe(299);
    expect(cache.remaining(entry, 399.5)).toBe(1);
  });

  it('serve-zero (Unbound) serves the last second at TTL 0; never-zero (BIND) is gone then', () => {
    const unbound = new Cache(policy({ expiry: 'serve-zero' }));
    const bind = new Cache(policy({ expiry: 'never-zero' }));
    for (const c of [unbound, bind]) c.store(aSet('a.example.', 5, '192.0.2.1'), Rank.AuthAnswer, 10.3);
    expect(unbound.get('a.example.', RRType.A, 14.9) && unbound.remaining(unbound.get('a.example.', RRType.A, 14.9)!, 14.9)).toBe(1);
    expect(unbound.remaining(unbound.get('a.example.', RRType.A, 15.9)!, 15.9)).toBe(0);
    expect(unbound.get('a.example.', RRType.A, 16)).toBeUndefined();
    expect(bind.remaining(bind.get('a.example.', RRType.A, 14.9)!, 14.9)).toBe(1);
    expect(bind.get('a.example.', RRType.A, 15)).toBeUndefined();
  });

  it('keys by class as well as name and type', () => {
    const cache = new Cache(policy());
    cache.store({ ...aSet('a.example.', 5, '192.0.2.1'), class: RRClass.CH }, Rank.AuthAnswer, 0);
    expect(cache.get('a.example.', RRType.A, 0)).toBeUndefined();
    expect(cache.get('a.example.', RRType.A, 0, RRClass.CH)).toBeDefined();
    expect(cacheKey('a.example.', 1)).toBe('a.example.|1');
  });
});

describe('TTL floor and cap', () => {
  it('caps long TTLs and raises short ones; the floor wins over the cap', () => {
    const cache = new Cache(policy({ maxTtl: 86400, minTtl: 60 }));
    expect(cache.store(aSet('a.', 172800, '192.0.2.1'), Rank.AuthAnswer, 0)!.ttl).toBe(86400);
    expect(cache.store(aSet('b.', 5, '192.0.2.1'), Rank.AuthAnswer, 0)!.ttl).toBe(60);
    const odd = new Cache(policy({ maxTtl: 100, minTtl: 3600 }));
    expect(odd.store(aSet('c.', 5, '192.0.2.1'), Rank.AuthAnswer, 0)!.ttl).toBe(3600);
  });

  it('applies the delegation floor in the delegation store only', () => {
    const cache = new Cache(policy({ delegationMinTtl: 60 }));
    expect(cache.storeDelegation(nsSet('example.', 10, 'ns.example.'), 0)!.ttl).toBe(60);
    expect(cache.store(nsSet('example.', 10, 'ns.example.'), Rank.AuthAnswer, 0)!.ttl).toBe(10);
    expect(cache.delegation('example.', 30)).toBeDefined();
    expect(cache.get('example.', RRType.NS, 30)).toBeUndefined();
  });
});

describe('the ghost-domain clamp', () => {
  const referral = nsSet('example.com.', 60, 'ns1.old.net.');
  const child = (ttl: number) => nsSet('example.com.', ttl, 'ns1.old.net.');

  it('all: a replacing NS set never extends, but may shorten, the cached one', () => {
    const cache = new Cache(policy({ ghostClamp: 'all' }));
    cache.store(referral, Rank.Referral, 0);
    expect(cache.store(child(120), Rank.AuthAuthority, 30)!.expires).toBe(60);
    expect(cache.store(child(10), Rank.AuthAuthority, 40)!.expires).toBe(50);
    expect(cache.store(child(120), Rank.AuthAuthority, 45)!.expires).toBe(50);
  });

  it('authoritative-only: the child set replacing a referral keeps its own TTL; later child sets are clamped', () => {
    const cache = new Cache(policy({ ghostClamp: 'authoritative-only' }));
    cache.store(referral, Rank.Referral, 0);
    expect(cache.store(child(120), Rank.AuthAuthority, 30)!.expires).toBe(150);
    expect(cache.store(child(120), Rank.AuthAuthority, 100)!.expires).toBe(150);
  });

  it('none (sticky): each re-learnt set starts a fresh lifetime', () => {
    const cache = new Cache(policy({ ghostClamp: 'none' }));
    cache.store(referral, Rank.Referral, 0);
    expect(cache.store(child(60), Rank.AuthAuthority, 50)!.expires).toBe(110);
    expect(cache.store(child(60), Rank.AuthAuthority, 100)!.expires).toBe(160);
  });

  it('does not clamp after the old set expired, nor other types', () => {
    const cache = new Cache(policy({ ghostClamp: 'all' }));
    cache.store(referral, Rank.Referral, 0);
    expect(cache.store(child(60), Rank.AuthAuthority, 61)!.expires).toBe(121);
    cache.store(aSet('www.example.com.', 10, '192.0.2.1'), Rank.AuthAnswer, 0);
    expect(cache.store(aSet('www.example.com.', 10, '192.0.2.1'), Rank.AuthAnswer, 5)!.expires).toBe(15);
  });
});

describe('negative caching (RFC 2308)', () => {
  it('keeps a negative answer for min(SOA TTL, SOA minimum), within the negative cap', () => {
    const cache = new Cache(policy({ negativeMaxTtl: 3600 }));
    expect(cache.storeNegative('nxdomain', 'a.example.', RRType.A, soaSet('example.', 900, 300), Rank.AuthAnswer, 0).ttl).toBe(300);
    expect(cache.storeNegative('nxdomain', 'b.example.', RRType.A, soaSet('example.', 60, 300), Rank.AuthAnswer, 0).ttl).toBe(60);
    expect(cache.storeNegative('nxdomain', 'c.example.', RRType.A, soaSet('example.', 86400, 86400), Rank.AuthAnswer, 0).ttl).toBe(3600);
  });

  it('an NXDOMAIN covers every type of the name; a NODATA only its type', () => {
    const cache = new Cache(policy());
    cache.storeNegative('nxdomain', 'gone.example.', RRType.A, soaSet('example.', 900, 900), Rank.AuthAnswer, 0);
    cache.storeNegative('nodata', 'www.example.', RRType.MX, soaSet('example.', 900, 900), Rank.AuthAnswer, 0);
    expect(cache.getNegative('gone.example.', RRType.TXT, 10)?.kind).toBe('nxdomain');
    expect(cache.getNegative('www.example.', RRType.MX, 10)?.kind).toBe('nodata');
    expect(cache.getNegative('www.example.', RRType.A, 10)).toBeUndefined();
    expect(cache.getNegative('gone.example.', RRType.A, 901)).toBeUndefined();
  });

  it('keeps the SOA for the answer, and forgets the negative entry when the data appears', () => {
    const cache = new Cache(policy());
    const soa = soaSet('example.', 900, 900);
    expect(cache.storeNegative('nxdomain', 'new.example.', RRType.A, soa, Rank.AuthAnswer, 0).soa).toBe(soa);
    cache.store(aSet('new.example.', 300, '192.0.2.9'), Rank.AuthAnswer, 5);
    expect(cache.getNegative('new.example.', RRType.A, 5)).toBeUndefined();
  });
});

describe('serve-stale (RFC 8767), prefetch, SERVFAIL, sweep', () => {
  it('keeps expired answers for the stale window only when serve-stale is on', () => {
    const stale = new Cache(policy({ staleWindow: 86400 }));
    const off = new Cache(policy());
    for (const c of [stale, off]) c.store(aSet('a.example.', 10, '192.0.2.1'), Rank.AuthAnswer, 0);
    expect(stale.get('a.example.', RRType.A, 100)).toBeUndefined();
    expect(stale.getStale('a.example.', RRType.A, 100)?.rrset.data).toEqual(['192.0.2.1']);
    expect(stale.getStale('a.example.', RRType.A, 10 + 86400 + 1)).toBeUndefined();
    expect(off.getStale('a.example.', RRType.A, 100)).toBeUndefined();
  });

  it('remembers a SERVFAIL for its TTL', () => {
    const cache = new Cache(policy());
    cache.storeServfail('a.example.', RRType.A, 10, 1);
    expect(cache.hasServfail('a.example.', RRType.A, 10.5)).toBe(true);
    expect(cache.hasServfail('a.example.', RRType.A, 11)).toBe(false);
    expect(cache.hasServfail('a.example.', RRType.AAAA, 10.5)).toBe(false);
  });

  it('sweeps entries past expiry and stale window', () => {
    const cache = new Cache(policy({ staleWindow: 100 }));
    cache.store(aSet('a.example.', 10, '192.0.2.1'), Rank.AuthAnswer, 0);
    cache.store(aSet('b.example.', 1000, '192.0.2.1'), Rank.AuthAnswer, 0);
    expect(cache.sweep(50)).toBe(0);
    expect(cache.sweep(111)).toBe(1);
    expect(cache.size).toBe(1);
  });
});
