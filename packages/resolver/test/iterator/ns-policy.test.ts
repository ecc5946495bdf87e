import { describe, expect, it } from 'vitest';
import type { PositiveEntry } from '../../src/cache/cache.ts';
import { Rank } from '../../src/cache/rank.ts';
import { acceptsChildNs } from '../../src/iterator/ns-policy.ts';
import { getProfile } from '../../src/profiles.ts';

const cached = (ttl: number): PositiveEntry => ({
  rrset: { name: 'example.com.', type: 2, class: 1, ttl, data: ['ns1.example.net.'] },
  ttl,
  expires: ttl,
  rank: Rank.Referral,
  storedAt: 0,
  server: undefined,
  zone: undefined,
});

describe('which child NS sets replace the delegation (facts.md, "observed here")', () => {
  it('unbound and powerdns take it always', () => {
    for (const p of ['unbound', 'powerdns']) {
      expect(acceptsChildNs(getProfile(p).delegation, cached(60), 50, { section: 'authority', cookieValidated: false })).toBe(true);
    }
  });

  it('bind takes the authority-section set only from cookie-validated responses, an NS answer always', () => {
    const bind = getProfile('bind').delegation;
    expect(acceptsChildNs(bind, cached(60), 50, { section: 'authority', cookieValidated: false })).toBe(false);
    expect(acceptsChildNs(bind, cached(60), 50, { section: 'authority', cookieValidated: true })).toBe(true);
    expect(acceptsChildNs(bind, cached(60), 50, { section: 'answer', cookieValidated: false })).toBe(true);
  });

  it('knot takes it only in the last max(5 s, 1 %) of the cached set\u2019s life', () => {
    const knot = getProfile('knot').delegation;
    const arrival = { section: 'authority' as const, cookieValidated: false };
    expect(acceptsChildNs(knot, cached(60), 6, arrival)).toBe(false);
    expect(acceptsChildNs(knot, cached(60), 5, arrival)).toBe(true);
    expect(acceptsChildNs(knot, cached(172800), 1700, arrival)).toBe(true);
    expect(acceptsChildNs(knot, cached(172800), 1800, arrival)).toBe(false);
    expect(acceptsChildNs(knot, undefined, -1, arrival)).toBe(true);
  });
});
