import type { TtlPolicy } from '../../src/cache/ttl-policy.ts';
import { RRClass, RRType } from '../../src/constants.ts';
import type { RRset, SoaData } from '../../src/record.ts';

/** A permissive policy the tests narrow field by field. */
export function policy(overrides: Partial<TtlPolicy> = {}): TtlPolicy {
  return {
    minTtl: 0,
    maxTtl: 604800,
    delegationMinTtl: 0,
    negativeMinTtl: 0,
    negativeMaxTtl: 10800,
    expiry: 'serve-zero',
    ghostClamp: 'all',
    staleWindow: 0,
    staleAnswerTtl: 30,
    ...overrides,
  };
}

export function aSet(name: string, ttl: number, ...addresses: string[]): RRset {
  return { name, type: RRType.A, class: RRClass.IN, ttl, data: addresses };
}

export function nsSet(name: string, ttl: number, ...servers: string[]): RRset {
  return { name, type: RRType.NS, class: RRClass.IN, ttl, data: servers };
}

export function soaSet(name: string, ttl: number, minimum: number): RRset {
  const data: SoaData = { mname: `ns1.${name}`, rname: `hostmaster.${name}`, serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum };
  return { name, type: RRType.SOA, class: RRClass.IN, ttl, data: [data] };
}
