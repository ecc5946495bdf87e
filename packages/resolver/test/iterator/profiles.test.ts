import { describe, expect, it } from 'vitest';
import { getProfile, profileNames, profiles, UnknownProfileError } from '../../src/profiles.ts';
import { InputError } from '../../src/errors.ts';

describe('resolver profiles', () => {
  it('has every named profile, each under its own name', () => {
    for (const name of ['unbound', 'bind', 'bind-parent-centric', 'powerdns', 'knot', 'ttl-floor', 'ttl-cap', 'sticky', 'serve-stale']) {
      expect(profileNames()).toContain(name);
      expect(getProfile(name).name).toBe(name);
    }
  });

  it('carries the facts.md figures', () => {
    expect(profiles.unbound!.ttl).toMatchObject({ maxTtl: 86400, negativeMaxTtl: 3600, expiry: 'serve-zero', ghostClamp: 'keep' });
    expect(profiles.bind!.ttl).toMatchObject({ maxTtl: 604800, negativeMaxTtl: 10800, expiry: 'never-zero', prefetch: { trigger: 2, eligible: 9 } });
    expect(profiles.bind!.failure.servfailTtl).toBe(1);
    expect(profiles['bind-parent-centric']!.ttl.delegationMinTtl).toBe(60);
    expect(profiles.powerdns!.ttl.minTtl).toBe(1);
    expect(profiles.knot!.ttl.minTtl).toBe(5);
    expect(profiles.unbound!.failure.lastResortToParent).toBe(true);
    for (const p of ['bind', 'powerdns', 'knot']) expect(profiles[p]!.failure.lastResortToParent).toBe(false);
    expect(profiles['serve-stale']!.ttl).toMatchObject({ staleWindow: 86400, staleAnswerTtl: 30 });
    expect(profiles.sticky!.ttl.ghostClamp).toBe('none');
  });

  it('builds ttl-floor and ttl-cap with a figure', () => {
    expect(getProfile('ttl-floor:3600').ttl.minTtl).toBe(3600);
    expect(getProfile('ttl-floor:172800').ttl.maxTtl).toBe(172800);
    expect(getProfile('ttl-cap:21600').ttl.maxTtl).toBe(21600);
    expect(getProfile('ttl-floor').ttl.minTtl).toBe(86400);
  });

  it('rejects an unknown name with an error that lists the known ones', () => {
    expect(() => getProfile('unbond')).toThrow(UnknownProfileError);
    expect(() => getProfile('unbond')).toThrow(InputError);
    expect(() => getProfile('unbond')).toThrow(/unknown resolver profile "unbond"; known: unbound, bind/);
  });
});
