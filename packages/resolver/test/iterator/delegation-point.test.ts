import { describe, expect, it } from 'vitest';
import { Cache } from '../../src/cache/cache.ts';
import { Rank } from '../../src/cache/rank.ts';
import { DelegationPoint } from '../../src/iterator/delegation-point.ts';
import { profiles } from '../../src/profiles.ts';
import { aSet, nsSet } from '../cache/policy.ts';
import { rrs } from './messages.ts';

describe('delegation points', () => {
  it('takes addresses from glue first and the cache for the rest', () => {
    const cache = new Cache(profiles.unbound!.ttl);
    cache.store(aSet('ns.example.net.', 300, '192.0.2.99'), Rank.AuthAnswer, 0);
    const dp = DelegationPoint.fromReferral(
      nsSet('example.com.', 60, 'ns1.example.com.', 'ns.example.net.', 'ns.example.org.'),
      rrs('ns1.example.com. A 192.0.2.1'),
      cache,
      0,
    );
    expect(dp.candidates(() => false)).toEqual(['192.0.2.1', '192.0.2.99']);
    expect(dp.unresolvedNames()).toEqual(['ns.example.org.']);
  });

  it('leaves out failed, silent and skipped addresses', () => {
    const dp = DelegationPoint.fromHints(rrs('. NS a.root.\n. NS b.root.\na.root. A 10.0.0.1\nb.root. A 10.0.0.2\nb.root. AAAA 2001:db8::2'));
    expect(dp.candidates(() => false)).toEqual(['10.0.0.1', '10.0.0.2', '2001:db8::2']);
    dp.failed.add('10.0.0.1');
    dp.silent.add('10.0.0.2');
    expect(dp.candidates((a) => a.includes(':'))).toEqual([]);
  });

  it('is unusable when its servers are all inside it and have no glue', () => {
    const cache = new Cache(profiles.unbound!.ttl);
    expect(DelegationPoint.fromCache(nsSet('example.com.', 60, 'ns1.example.com.'), cache, 0).isUsable()).toBe(false);
    expect(DelegationPoint.fromCache(nsSet('example.com.', 60, 'ns1.example.net.'), cache, 0).isUsable()).toBe(true);
  });
});
