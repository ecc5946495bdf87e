import { MAX_TTL } from '../constants.ts';
import type { SoaData } from '../record.ts';

/**
 * How a resolver turns the TTL a server sent into a lifetime in its cache. Every figure is in
 * seconds. Resolver caches run on an integer clock (Unbound and BIND both keep `time_t` expiry
 * times), so lifetimes are counted in whole seconds from `floor(now)`.
 */
export interface TtlPolicy {
  /** Positive data lives at least this long (Unbound `cache-min-ttl`, PowerDNS `minimum-ttl-override`). */
  minTtl: number;
  /** Positive data lives at most this long (`cache-max-ttl`, `max-cache-ttl`). */
  maxTtl: number;
  /** Floor for NS sets in the delegation store only (BIND 9.21's delegation database keeps them ≥ 60 s). */
  delegationMinTtl: number;
  /** Floor for negative answers. */
  negativeMinTtl: number;
  /** Cap for negative answers (`cache-max-negative-ttl`, `max-ncache-ttl`). */
  negativeMaxTtl: number;
  expiry: ExpiryRounding;
  ghostClamp: GhostClamp;
  /** RFC 8767: how long expired data is kept for serving when resolution fails; 0 turns serve-stale off. */
  staleWindow: number;
  /** RFC 8767 §4: the TTL given to stale data in an answer. */
  staleAnswerTtl: number;
  /** BIND's `prefetch TRIGGER ELIGIBLE`; undefined when the resolver does not prefetch. */
  prefetch?: { trigger: number; eligible: number };
}

/**
 * - `serve-zero`: an entry is served through the second its TTL reaches 0 (Unbound: a refetch
 *   lands about a second after the nominal expiry).
 * - `never-zero`: the entry is gone once its TTL would read 0 (BIND never answers with TTL 0).
 */
export type ExpiryRounding = 'serve-zero' | 'never-zero';

/**
 * The ghost-domain clamp (CVE-2012-1033, CVE-2022-30698/30699): whether an NS set that replaces
 * an unexpired one may outlive it, or end before it.
 * - `keep`: a replacement takes over the cached NS set's expiry, neither extending nor shortening
 *   it: the delegation lives for the parent's TTL, whatever the child's says (Unbound 1.17,
 *   observed: `packages/cli/test/child-ns-ttl.test.ts`).
 * - `all`: no replacement extends the cached NS set's expiry, a shorter one ends it sooner (BIND:
 *   "clamped to what is left of the parent's, so a shorter child TTL wins").
 * - `authoritative-only`: only a replacement of an authoritative (child) set is clamped; the
 *   child's set replacing a referral's keeps its own TTL, even when longer (PowerDNS).
 * - `none`: every replacement starts a fresh lifetime (resolvers before 2012: "sticky").
 */
export type GhostClamp = 'keep' | 'all' | 'authoritative-only' | 'none';

/** The lifetime in the cache of positive data that arrived with `ttl`; the floor wins over the cap. */
export function positiveTtl(ttl: number, policy: TtlPolicy, isDelegation = false): number {
  let t = Math.min(ttl, policy.maxTtl);
  t = Math.max(t, policy.minTtl);
  if (isDelegation) t = Math.max(t, policy.delegationMinTtl);
  return Math.min(t, MAX_TTL);
}

/** RFC 2308 §5: a negative answer lives min(SOA TTL, SOA minimum), then the policy's bounds. */
export function negativeTtl(soaTtl: number, soa: SoaData, policy: TtlPolicy): number {
  const t = Math.min(soaTtl, soa.minimum, policy.negativeMaxTtl);
  return Math.max(t, policy.negativeMinTtl);
}

/** The integer second at which an entry stored at `now` with lifetime `ttl` reads TTL 0. */
export function expiryFor(now: number, ttl: number): number {
  return Math.floor(now) + ttl;
}

/**
 * The TTL an entry expiring at `expires` shows at `now`, or −1 once it is no longer served. A
 * plain function of two numbers: the cache's hot path calls it without allocating.
 */
export function remainingTtl(expires: number, now: number, rounding: ExpiryRounding): number {
  const left = expires - Math.floor(now);
  if (left > 0) return left;
  if (left === 0 && rounding === 'serve-zero') return 0;
  return -1;
}

/** True when expired data may still be served stale at `now` (RFC 8767). */
export function withinStaleWindow(expires: number, now: number, policy: TtlPolicy): boolean {
  return policy.staleWindow > 0 && Math.floor(now) < expires + policy.staleWindow;
}

/** BIND's prefetch rule: data whose original TTL was at least `eligible` and has at most `trigger` left. */
export function prefetchDue(originalTtl: number, remaining: number, policy: TtlPolicy): boolean {
  const p = policy.prefetch;
  return p !== undefined && originalTtl >= p.eligible && remaining >= 0 && remaining <= p.trigger;
}
