import { describe, expect, it } from 'vitest';
import { negativeTtl, positiveTtl, prefetchDue, remainingTtl } from '../../src/cache/ttl-policy.ts';
import { MAX_TTL } from '../../src/constants.ts';
import type { SoaData } from '../../src/record.ts';
import { policy } from './policy.ts';

const soa = (minimum: number): SoaData => ({ mname: 'a.', rname: 'b.', serial: 1, refresh: 1, retry: 1, expire: 1, minimum });

describe('TTL policy', () => {
  it('bounds positive TTLs by floor and cap, never past 2^31 − 1 (RFC 2181 §8)', () => {
    expect(positiveTtl(300, policy({ maxTtl: 86400 }))).toBe(300);
    expect(positiveTtl(172800, policy({ maxTtl: 86400 }))).toBe(86400);
    expect(positiveTtl(0, policy({ minTtl: 5 }))).toBe(5);
    expect(positiveTtl(MAX_TTL, policy({ maxTtl: Number.MAX_SAFE_INTEGER }))).toBe(MAX_TTL);
  });

  it('negative TTL is min(SOA TTL, minimum) (RFC 2308 §5), then the negative cap and floor', () => {
    // Route 53's SOA: TTL 900, minimum 86400 → 900 (facts.md, Amazon Route 53).
    expect(negativeTtl(900, soa(86400), policy())).toBe(900);
    expect(negativeTtl(86400, soa(86400), policy({ negativeMaxTtl: 10800 }))).toBe(10800);
    expect(negativeTtl(10, soa(20), policy({ negativeMinTtl: 30 }))).toBe(30);
  });

  it('reads the remaining TTL on an integer clock', () => {
    expect(remainingTtl(100, 99.99, 'serve-zero')).toBe(1);
    expect(remainingTtl(100, 100.5, 'serve-zero')).toBe(0);
    expect(remainingTtl(100, 100.5, 'never-zero')).toBe(-1);
    expect(remainingTtl(100, 101, 'serve-zero')).toBe(-1);
  });

  it('prefetches like BIND 2 9: TTL ≥ 9 and at most 2 s left', () => {
    const bind = policy({ prefetch: { trigger: 2, eligible: 9 } });
    expect(prefetchDue(10, 2, bind)).toBe(true);
    expect(prefetchDue(10, 3, bind)).toBe(false);
    expect(prefetchDue(8, 1, bind)).toBe(false);
    expect(prefetchDue(10, 1, policy())).toBe(false);
  });
});
