import { describe, expect, it } from 'vitest';
import { Cache } from '../../src/cache/cache.ts';
import { Rank } from '../../src/cache/rank.ts';
import { DelegationPoint } from '../../src/iterator/delegation-point.ts';
import { Recursor } from '../../src/iterator/recursor.ts';
import { getProfile, profiles } from '../../src/profiles.ts';
import { rootHints, seeded } from '../replay/world.ts';
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

  it('is passed over when its servers are all inside it and have no address: the search goes up', () => {
    const r = new Recursor({ rootHints, profile: getProfile('unbound'), random: seeded(1) });
    r.cache.store(nsSet('com.', 3600, 'ns.nic.com.'), Rank.Referral, 0);
    r.cache.store(aSet('ns.nic.com.', 3600, '192.0.2.53'), Rank.Additional, 0);
    r.cache.store(nsSet('example.com.', 3600, 'ns1.example.com.'), Rank.Referral, 0);
    expect(r.findCutEntry('www.example.com.', 1)?.rrset.name).toBe('com.');
    // With an address for its server, or a server outside it, the zone's own cut is usable.
    r.cache.store(aSet('ns1.example.com.', 60, '192.0.2.1'), Rank.Additional, 0);
    expect(r.findCutEntry('www.example.com.', 1)?.rrset.name).toBe('example.com.');
    expect(r.findCutEntry('www.example.com.', 120)?.rrset.name).toBe('com.');
    r.cache.store(nsSet('example.com.', 3600, 'ns1.example.net.'), Rank.Referral, 0);
    expect(r.findCut('www.example.com.', 120)?.zone).toBe('example.com.');
  });
});
