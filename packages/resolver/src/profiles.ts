import type { TtlPolicy } from './cache/ttl-policy.ts';
import { InputError } from './errors.ts';

/**
 * Resolver products as data. The iterator and the cache are the same for all of them; a profile
 * only sets the knobs where the products differ. Every value cites the line of
 * /work/shared/facts.md ("facts") it comes from; where a product's behaviour is not known the
 * field is still a parameter and its comment says the value is a guess.
 */

/**
 * When an NS set from the child (the zone's own servers, AA) may replace the delegation the
 * resolver recurses with:
 * - `always`: as soon as it arrives (child-centric);
 * - `cookie-validated`: only from a response carrying a valid server cookie (RFC 7873);
 * - `near-expiry`: only when the cached set is in the last seconds (or fraction) of its life;
 * - `never`: the parent's referral alone decides (parent-centric).
 */
export type ChildNsAcceptance = 'always' | 'cookie-validated' | 'near-expiry' | 'never';

export interface DelegationPolicy {
  /** Delegations live in their own store, filled only from referrals (BIND 9.21's delegation database). */
  parentCentric: boolean;
  /** The child's apex NS set in the authority section of an answer. */
  childNsInAuthority: ChildNsAcceptance;
  /** The child's NS set as the answer to an explicit NS query. */
  childNsInAnswer: ChildNsAcceptance;
  /** For `near-expiry`: the window is max(seconds, fraction × the cached set's lifetime). */
  nearExpiry: { seconds: number; fraction: number };
  /**
   * Whether a name server whose name turns out to be a CNAME is queried at the alias target's
   * address. RFC 1912 §2.4 and RFC 2181 §10.3 forbid NS records that point at an alias, and
   * resolvers differ on what they do with one: BIND skips the server (a lame delegation), Unbound
   * follows the alias. The rule is the same whether the alias comes from the network (with its
   * target's address in one answer, or leading into another zone) or from the cache.
   */
  followCnameNs: boolean;
}

export interface FailurePolicy {
  /** When every cached server of a zone fails, ask the parent for the delegation again (Unbound's `processLastResort`). */
  lastResortToParent: boolean;
  /** Seconds a SERVFAIL for (name, type) is remembered and answered from cache; 0: not cached. */
  servfailTtl: number;
  /** Timeout of the first query to a server, seconds; each further round over silent servers doubles it. */
  queryTimeout: number;
  /** Seconds of silence from a zone's servers after which they count as failed for this resolution. */
  silenceBudget: number;
  /** Seconds a server that stayed silent is skipped by later resolutions (Unbound's infra cache, `infra-host-ttl`). */
  serverDownTtl: number;
}

export interface Profile {
  readonly name: string;
  readonly ttl: TtlPolicy;
  readonly delegation: DelegationPolicy;
  readonly failure: FailurePolicy;
  /** RFC 9156: ask each server only for the next label it needs. */
  readonly qnameMinimisation: boolean;
  /** Send DNS COOKIEs (RFC 7873) on queries. */
  readonly cookies: boolean;
  /** EDNS UDP payload size advertised on queries (DNS flag day 2020: 1232). */
  readonly ednsUdpSize: number;
}

/** Thrown by `getProfile` for a name that is not a profile. */
export class UnknownProfileError extends InputError {
  override name = 'UnknownProfileError';
  constructor(readonly profileName: string) {
    super(`unknown resolver profile "${profileName}"; known: ${profileNames().join(', ')}, ttl-floor:SECONDS, ttl-cap:SECONDS`);
  }
}

const unbound: Profile = {
  name: 'unbound',
  ttl: {
    minTtl: 0, // facts: resolver table, Unbound "min TTL 0"
    maxTtl: 86400, // facts: resolver table, Unbound "max TTL cap 86400"
    delegationMinTtl: 0, // facts: no delegation floor is listed for Unbound
    negativeMinTtl: 0, // facts: none listed
    negativeMaxTtl: 3600, // facts: resolver table, Unbound "negative cap 3600"
    expiry: 'serve-zero', // facts: "observed here", Unbound "serves records down to TTL 0"
    ghostClamp: 'keep', // facts: "observed here", Unbound "the delegation lives for the parent's TTL"; a shorter child TTL does not end it either (packages/cli/test/child-ns-ttl.test.ts)
    staleWindow: 0, // facts: resolver table, serve-stale "off"
    staleAnswerTtl: 30, // facts: resolver table, "30 s reply TTL"
  }, // prefetch: facts, "Prefetch: off in Unbound"
  delegation: {
    parentCentric: false,
    childNsInAuthority: 'always', // facts: resolver table, "child apex NS (AA) outranks referral NS"
    childNsInAnswer: 'always', // facts: same row
    nearExpiry: { seconds: 0, fraction: 0 },
    followCnameNs: true, // not in facts.md; Unbound's behaviour: it resolves an NS name like any other name, CNAMEs included
  },
  failure: {
    lastResortToParent: true, // facts: resolver table, "re-asks the parent (processLastResort)"; observed: REFUSED → parent at once
    servfailTtl: 0, // facts: no figure; a parameter
    queryTimeout: 0.376, // Unbound's timeout for a server with no RTT history (UNKNOWN_SERVER_NICENESS); doubling gives the observed ~13 s
    silenceBudget: 13, // facts: "observed here", Unbound "retries for about 13 s … then asks the parent"
    serverDownTtl: 900, // Unbound's infra-host-ttl default; facts has no line for it
  },
  qnameMinimisation: true, // Unbound's default (qname-minimisation: yes); not in facts
  cookies: false, // Unbound 1.17 sends no client cookies; facts: BIND is the only resolver whose NS handling depends on them
  ednsUdpSize: 1232,
};

const bind: Profile = {
  name: 'bind',
  ttl: {
    minTtl: 0, // facts: resolver table, BIND "min TTL 0 (max 90)"
    maxTtl: 604800, // facts: resolver table, BIND "max TTL cap 604800"
    delegationMinTtl: 0,
    negativeMinTtl: 0,
    negativeMaxTtl: 10800, // facts: resolver table, BIND "negative cap 10800"
    expiry: 'never-zero', // facts: "observed here", BIND "never serves TTL 0"
    ghostClamp: 'all', // facts: resolver table, BIND "with the same clamp"; observed: "clamped to what is left of the parent's"
    staleWindow: 0, // facts: resolver table, serve-stale "off (max-stale 86400, answer TTL 30)"
    staleAnswerTtl: 30,
    prefetch: { trigger: 2, eligible: 9 }, // facts: "BIND prefetch 2 9"
  },
  delegation: {
    parentCentric: false,
    childNsInAuthority: 'cookie-validated', // facts: "observed here", BIND 9.18 adopts the child's set only from servers returning a valid cookie
    childNsInAnswer: 'always', // facts: "An explicit answer to an NS query replaces it in both cases, again clamped"
    nearExpiry: { seconds: 0, fraction: 0 },
    followCnameNs: false, // not in facts.md; BIND's documented behaviour: it logs "skipping nameserver … because it is a CNAME"
  },
  failure: {
    lastResortToParent: false, // facts: "observed here", BIND "does not go back to the parent early"
    servfailTtl: 1, // facts: "observed here", BIND "answers SERVFAIL (cached 1 s)"
    queryTimeout: 0.8, // BIND's first retransmission interval; facts has no figure: a parameter
    silenceBudget: 10, // BIND's resolver-query-timeout default; facts has no figure: a parameter
    serverDownTtl: 600, // not measured: a parameter
  },
  qnameMinimisation: true, // BIND 9.18 default qname-minimization relaxed; not in facts
  cookies: true, // facts: "observed here", BIND's NS handling depends on DNS COOKIEs it sends
  ednsUdpSize: 1232,
};

const bindParentCentric: Profile = {
  ...bind,
  name: 'bind-parent-centric',
  ttl: { ...bind.ttl, delegationMinTtl: 60 }, // facts: resolver table, BIND 9.21.21+ "delegations ≥ 60 s"
  delegation: {
    parentCentric: true, // facts: resolver table, "a separate delegation database, child NS never used for recursion"
    childNsInAuthority: 'never',
    childNsInAnswer: 'never',
    nearExpiry: { seconds: 0, fraction: 0 },
    followCnameNs: bind.delegation.followCnameNs, // the same server selection as the BIND it extends
  },
};

const powerdns: Profile = {
  name: 'powerdns',
  ttl: {
    minTtl: 1, // facts: resolver table, PowerDNS "min TTL 1 (minimum-ttl-override)"
    maxTtl: 86400, // facts: resolver table, PowerDNS "max TTL cap 86400"
    delegationMinTtl: 0,
    negativeMinTtl: 0,
    negativeMaxTtl: 3600, // facts: resolver table, PowerDNS "negative cap 3600"
    expiry: 'never-zero', // not measured (facts is silent): a parameter
    ghostClamp: 'authoritative-only', // facts: resolver table, "only a later authoritative NS set may not raise the TTL of an authoritative one"
    staleWindow: 0, // facts: resolver table, serve-stale "off"
    staleAnswerTtl: 30,
  }, // prefetch: facts, "Prefetch: off in … PowerDNS"
  delegation: {
    parentCentric: false,
    childNsInAuthority: 'always', // facts: "observed here", PowerDNS "adopts the child's NS set and the child's TTL as soon as it sees them"
    childNsInAnswer: 'always',
    nearExpiry: { seconds: 0, fraction: 0 },
    followCnameNs: true, // unmeasured (facts.md is silent): a parameter
  },
  failure: {
    lastResortToParent: false, // facts: "observed here", PowerDNS "answers SERVFAIL for the rest of the child's TTL"
    servfailTtl: 0, // facts has no figure: a parameter
    queryTimeout: 1.5, // PowerDNS network-timeout 1500 ms; facts has no figure
    silenceBudget: 0, // one round over the servers, then SERVFAIL; not measured: a parameter
    serverDownTtl: 60, // PowerDNS throttles a silent server for about a minute; not measured: a parameter
  },
  qnameMinimisation: true, // PowerDNS 4.8 default; not in facts
  cookies: false,
  ednsUdpSize: 1232,
};

const knot: Profile = {
  name: 'knot',
  ttl: {
    minTtl: 5, // facts: resolver table, Knot "min TTL 5"; lab notes "Its default minimum TTL is 5 s"
    maxTtl: 86400, // facts: resolver table, Knot "max TTL cap 86400"
    delegationMinTtl: 0,
    negativeMinTtl: 0,
    negativeMaxTtl: 86400, // facts: resolver table, Knot negative cap "—": the positive cap stands in
    expiry: 'never-zero', // not measured: a parameter
    ghostClamp: 'authoritative-only', // not documented (facts: "not documented: measure it"); lets the near-expiry child set keep its own TTL
    staleWindow: 0, // facts: resolver table, Knot serve-stale "module off (1 d window)"
    staleAnswerTtl: 30,
  }, // prefetch: facts, "Prefetch: off in … Knot"
  delegation: {
    parentCentric: false,
    childNsInAuthority: 'near-expiry', // facts: "observed here", Knot "takes the child's set (and its TTL) when a refetch happens within the last ~5 s (or 1 %)"
    childNsInAnswer: 'near-expiry', // not measured separately: same rule assumed
    nearExpiry: { seconds: 5, fraction: 0.01 }, // facts: same line, "~5 s (or 1 %)"
    followCnameNs: true, // unmeasured (facts.md is silent): a parameter
  },
  failure: {
    lastResortToParent: false, // facts: "observed here", Knot "answers SERVFAIL until the NS set expires"
    servfailTtl: 0, // not measured: a parameter
    queryTimeout: 0.4, // not measured: a parameter
    silenceBudget: 3, // not measured: a parameter
    serverDownTtl: 60, // not measured: a parameter
  },
  qnameMinimisation: true, // Knot Resolver default; not in facts
  cookies: false, // Knot Resolver 5 sends no cookies; not in facts
  ednsUdpSize: 1232,
};

/**
 * An operator-enforced TTL floor (facts: population table, "an ISP that enforces at least a 24 h
 * TTL"; Unbound `cache-min-ttl`): Unbound otherwise. The cap is raised to the floor if needed.
 */
export function ttlFloorProfile(floor: number): Profile {
  checkSeconds('ttl-floor', floor);
  return {
    ...unbound,
    name: `ttl-floor:${floor}`,
    ttl: { ...unbound.ttl, minTtl: floor, maxTtl: Math.max(unbound.ttl.maxTtl, floor) },
  };
}

/** A TTL cap (facts: resolver table, Google ≈21600, Quad9 ≈43200, OpenDNS ≈3600): Unbound otherwise. */
export function ttlCapProfile(cap: number): Profile {
  checkSeconds('ttl-cap', cap);
  return { ...unbound, name: `ttl-cap:${cap}`, ttl: { ...unbound.ttl, maxTtl: cap } };
}

function checkSeconds(what: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what}: expected whole seconds ≥ 0, got ${value}`);
}

/**
 * Resolvers before the 2012 ghost-domain fixes (facts: populations, Jiang et al. NDSS 2012): the
 * child's NS set, re-learnt from the zone's own servers, starts a fresh lifetime each time, so a
 * delegation stays alive as long as the old servers keep answering.
 */
const sticky: Profile = {
  ...unbound,
  name: 'sticky',
  ttl: { ...unbound.ttl, ghostClamp: 'none' },
  failure: { ...unbound.failure, lastResortToParent: false },
};

/** Unbound with serve-expired on (facts: resolver table, "86400 window, 30 s reply TTL"; RFC 8767). */
const serveStale: Profile = {
  ...unbound,
  name: 'serve-stale',
  ttl: { ...unbound.ttl, staleWindow: 86400, staleAnswerTtl: 30 },
};

/**
 * A public resolver's caches (Google Public DNS, Cloudflare, Quad9). Their software is not
 * documented; they are modelled as Unbound's caching and failure handling with a delegation that
 * a shorter child NS TTL ends (BIND's clamp), so that with BIND, PowerDNS and Knot they make up
 * the ≈90 % of resolvers that follow the child's NS TTL (facts: populations, Moura et al. via
 * RFC 9199). Unbound 1.17 itself keeps the parent's TTL (`unbound`, observed).
 */
const publicResolver: Profile = {
  ...unbound,
  name: 'public',
  ttl: { ...unbound.ttl, ghostClamp: 'all' },
};

export const profiles: Record<string, Profile> = {
  unbound,
  bind,
  'bind-9.18': { ...bind, name: 'bind-9.18' },
  'bind-9.20': { ...bind, name: 'bind-9.20' },
  'bind-parent-centric': bindParentCentric,
  powerdns,
  knot,
  'ttl-floor': { ...ttlFloorProfile(86400), name: 'ttl-floor' },
  'ttl-cap': { ...ttlCapProfile(21600), name: 'ttl-cap' },
  sticky,
  'serve-stale': serveStale,
  public: publicResolver,
};

/** The names `getProfile` accepts besides `ttl-floor:N` and `ttl-cap:N`. */
export function profileNames(): string[] {
  return Object.keys(profiles);
}

/** A profile by name; `ttl-floor:3600` and `ttl-cap:21600` build the generic ones with that figure. */
export function getProfile(name: string): Profile {
  const known = profiles[name];
  if (known !== undefined) return known;
  const m = /^(ttl-floor|ttl-cap):(\d+)$/.exec(name);
  if (m) return m[1] === 'ttl-floor' ? ttlFloorProfile(Number(m[2])) : ttlCapProfile(Number(m[2]));
  throw new UnknownProfileError(name);
}
