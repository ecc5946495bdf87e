import { describe, expect, it } from 'vitest';
import { Cache } from '../../src/cache/cache.ts';
import { Rank } from '../../src/cache/rank.ts';
import { RRClass, RRType } from '../../src/constants.ts';
import type { RRset } from '../../src/record.ts';
import { aSet, nsSet, policy } from './policy.ts';

/** An RRset of any type and class, for the index's less common slots. */
function set(name: string, type: number, cls: number, ttl: number, data: string[]): RRset {
  return { name, type, class: cls, ttl, data };
}

describe('the positive index (types by name, one list of entries)', () => {
  it('keeps the types of one name and the classes of one type apart', () => {
    const cache = new Cache(policy());
    cache.store(aSet('h.example.', 100, '192.0.2.1'), Rank.AuthAnswer, 0);
    cache.store(set('h.example.', RRType.AAAA, RRClass.IN, 100, ['2001:db8::1']), Rank.AuthAnswer, 0);
    cache.store(nsSet('h.example.', 100, 'ns.example.'), Rank.AuthAnswer, 0);
    cache.store(set('h.example.', RRType.TXT, RRClass.IN, 100, ['t']), Rank.AuthAnswer, 0);
    cache.store(set('h.example.', RRType.A, RRClass.CH, 100, ['chaos']), Rank.AuthAnswer, 0);
    expect(cache.get('h.example.', RRType.A, 1)?.rrset.data).toEqual(['192.0.2.1']);
    expect(cache.get('h.example.', RRType.AAAA, 1)?.rrset.data).toEqual(['2001:db8::1']);
    expect(cache.get('h.example.', RRType.NS, 1)?.rrset.data).toEqual(['ns.example.']);
    expect(cache.get('h.example.', RRType.TXT, 1)?.rrset.data).toEqual(['t']);
    expect(cache.get('h.example.', RRType.A, 1, RRClass.CH)?.rrset.data).toEqual(['chaos']);
    expect(cache.get('h.example.', RRType.MX, 1)).toBeUndefined();
    expect(cache.get('other.example.', RRType.A, 1)).toBeUndefined();
    expect(cache.size).toBe(5);
  });

  it('replaces an entry in place: one entry per (name, type, class), listed where it was first stored', () => {
    const cache = new Cache(policy());
    cache.store(aSet('a.example.', 100, '192.0.2.1'), Rank.AuthAnswer, 0);
    cache.store(aSet('b.example.', 100, '192.0.2.2'), Rank.AuthAnswer, 0);
    cache.store(aSet('a.example.', 100, '192.0.2.3'), Rank.AuthAnswer, 1);
    expect([...cache.entries()].map((e) => e.rrset.data[0])).toEqual(['192.0.2.3', '192.0.2.2']);
    expect(cache.size).toBe(2);
  });

  it('takes a store back: restoreAt puts the replaced entry back where it was, and refuses another name', () => {
    const cache = new Cache(policy());
    cache.store(aSet('a.example.', 100, '192.0.2.1'), Rank.AuthAnswer, 0);
    cache.store(aSet('b.example.', 100, '192.0.2.2'), Rank.AuthAnswer, 0);
    const position = cache.positionOf('a.example.', RRType.A);
    const before = cache.entryList()[position]!;
    cache.store(aSet('a.example.', 300, '192.0.2.3'), Rank.AuthAnswer, 50);
    expect(cache.get('a.example.', RRType.A, 120)?.rrset.data).toEqual(['192.0.2.3']);
    cache.restoreAt(position, before);
    expect(cache.get('a.example.', RRType.A, 50)).toBe(before);
    expect(cache.get('a.example.', RRType.A, 120)).toBeUndefined();
    expect(cache.entryList().map((e) => e.rrset.name)).toEqual(['a.example.', 'b.example.']);
    expect(() => cache.restoreAt(cache.positionOf('b.example.', RRType.A), before)).toThrow(RangeError);
    expect(() => cache.restoreAt(7, before)).toThrow(RangeError);
  });

  it('finds every survivor of a sweep, and nothing swept, in the same order', () => {
    const cache = new Cache(policy());
    cache.store(aSet('short.example.', 10, '192.0.2.1'), Rank.AuthAnswer, 0);
    cache.store(aSet('long.example.', 1000, '192.0.2.2'), Rank.AuthAnswer, 0);
    cache.store(set('long.example.', RRType.TXT, RRClass.IN, 1000, ['x']), Rank.AuthAnswer, 0);
    cache.store(set('short.example.', RRType.TXT, RRClass.IN, 10, ['y']), Rank.AuthAnswer, 0);
    const late = 10 + policy().staleWindow + 1;
    expect(cache.sweep(late)).toBe(2);
    expect(cache.size).toBe(2);
    expect([...cache.entries()].map((e) => `${e.rrset.name} ${e.rrset.type}`)).toEqual(['long.example. 1', 'long.example. 16']);
    expect(cache.get('long.example.', RRType.TXT, late)?.rrset.data).toEqual(['x']);
    expect(cache.getStale('short.example.', RRType.A, late)).toBeUndefined();
    // A store after the sweep lands in the rebuilt index.
    cache.store(aSet('short.example.', 10, '192.0.2.9'), Rank.AuthAnswer, late);
    expect(cache.get('short.example.', RRType.A, late)?.rrset.data).toEqual(['192.0.2.9']);
    expect(cache.get('long.example.', RRType.A, late)?.rrset.data).toEqual(['192.0.2.2']);
  });

  it('gives each (name, type, class) a position that stays put until a sweep, which bumps the generation', () => {
    const cache = new Cache(policy());
    cache.store(aSet('a.example.', 10, '192.0.2.1'), Rank.AuthAnswer, 0);
    cache.store(nsSet('a.example.', 1000, 'ns.example.'), Rank.AuthAnswer, 0);
    cache.store(aSet('a.example.', 10, '192.0.2.3'), Rank.AuthAnswer, 5);
    expect(cache.positionOf('a.example.', RRType.NS)).toBe(1);
    expect(cache.entryList()[cache.positionOf('a.example.', RRType.A)]!.rrset.data).toEqual(['192.0.2.3']);
    expect(cache.positionOf('a.example.', RRType.TXT)).toBe(-1);
    expect(cache.positionOf('b.example.', RRType.A)).toBe(-1);
    const generation = cache.generation;
    expect(cache.sweep(16 + policy().staleWindow)).toBe(1);
    expect(cache.generation).toBe(generation + 1);
    expect(cache.positionOf('a.example.', RRType.NS)).toBe(0);
  });
});

describe('the store listener', () => {
  it('hears every store call as offered, kept or not, and nothing once unset', () => {
    const cache = new Cache(policy());
    const heard: string[] = [];
    cache.storeListener = (call, now) => heard.push(`${call.kind}${'rrset' in call ? ` ${call.rrset.name}` : ''}${'rank' in call ? ` rank ${call.rank}` : ''} at ${now}`);
    cache.store(aSet('a.example.', 100, '192.0.2.1'), Rank.AuthAnswer, 1, { server: '10.0.0.1' });
    // A glue store that the live answer outranks is still heard: the listener records what was offered.
    expect(cache.store(aSet('a.example.', 100, '192.0.2.9'), Rank.Additional, 2)).toBeUndefined();
    cache.storeDelegation(nsSet('example.', 100, 'ns.example.'), 3);
    cache.storeServfail('b.example.', RRType.A, 4, 1);
    cache.storeListener = undefined;
    cache.store(aSet('c.example.', 100, '192.0.2.3'), Rank.AuthAnswer, 5);
    expect(heard).toEqual([`rrset a.example. rank ${Rank.AuthAnswer} at 1`, `rrset a.example. rank ${Rank.Additional} at 2`, 'delegation example. at 3', 'servfail at 4']);
  });

  it('says whether a negative answer or a remembered SERVFAIL is live', () => {
    const cache = new Cache(policy());
    expect(cache.hasLiveFailureData(0)).toBe(false);
    cache.storeServfail('b.example.', RRType.A, 10, 1);
    expect(cache.hasLiveFailureData(10.5)).toBe(true);
    expect(cache.hasLiveFailureData(11)).toBe(false);
  });
});
