/**
 * Every default a scenario gets, with the line of /work/shared/facts.md ("facts") it comes from.
 * Mixes are written in the same form as in a scenario file and go through the same checks, so a
 * named mix and the same list written out behave identically.
 */
import type { MixEntryInput, StubLayerInput } from './schema.ts';

export const DEFAULT_SEED = 1;
export const DEFAULT_REPLICATIONS = 8;
export const DEFAULT_HORIZON = 7 * 86400;
export const DEFAULT_BIN = 300;
/** More bins than this make the Result unwieldy without showing anything a coarser bin hides. */
export const MAX_BINS = 100_000;

/** facts: hierarchy table, "root NS TTL 518400", "TLD delegation NS and glue TTL in the root 172800", root SOA minimum 86400. */
export const ROOT_DEFAULTS = { nsTtl: 518400, delegationTtl: 172800, negativeTtl: 86400 };

/**
 * facts: hierarchy table, ".com/.net delegation NS and glue TTL 172800", ".com SOA … negative TTL
 * 900", "publication of a registrar change: average under 5 min" (an exponential with mean 150 s is
 * an assumption inside that bound). facts gives no figures for other registries; they are assumed
 * to behave like .com.
 */
export const REGISTRY_DEFAULTS = {
  delegationTtl: 172800,
  negativeTtl: 900,
  publishDelay: { exponential: { mean: 150 } },
};

/** Registries present in every scenario: the four that Route 53's name servers live under (facts: Route 53 table). */
export const DEFAULT_REGISTRIES = ['com', 'net', 'org', 'co.uk'];

/** facts: hierarchy table, "registrar UI → registry delay: varies by registrar; not published". An assumption. */
export const REGISTRAR_DELAY = { uniform: { min: 30, max: 300 } };

/** Resolver ↔ authoritative round-trip time: an assumption (facts has no figure). */
export const RESOLVER_LATENCY = { lognormal: { median: 0.03, p95: 0.15 } };

export const DEFAULT_RESOLVER_COUNT = 10_000;
export const DEFAULT_CLIENT_COUNT = 1_000_000;
export const DEFAULT_LOOKUPS_PER_HOUR = 2;
/** facts: populations, "name popularity Zipf-like" (Jung et al.): resolvers' client counts likewise. */
export const DEFAULT_SPREAD = { zipf: { s: 1 } } as const;

/** Caches behind a public resolver's address (facts: resolver table, Google "many independent caches"; populations, "K ≈ 8"). */
export const PUBLIC_SHARDS = 8;

/** facts: "A suggested default population" table. Its weights are assumptions, as facts says. */
const defaultMix: MixEntryInput[] = [
  { profile: 'bind-9.20', share: 0.27, label: 'bind-9.20' }, // facts: 0.27 bind-9.20, ISP and enterprise resolvers
  { profile: 'unbound', share: 0.15, label: 'unbound' }, // facts: 0.15 unbound
  { profile: 'powerdns', share: 0.08, label: 'powerdns' }, // facts: 0.08 powerdns
  { profile: 'bind-parent-centric', share: 0.1, label: 'parent-centric' }, // facts: 0.10 parent-centric (RFC 9199's ≈10 %)
  { profile: 'ttl-floor', share: 0.09, label: 'ttl-floor', floor: { choice: [3600, 21600, 86400] } }, // facts: 0.09 ttl-floor from {1 h, 6 h, 24 h}
  { profile: 'public', share: 0.17, label: 'public (cap 6h)', cap: 21600 }, // facts: 0.17 public, sharded, cap 21600 (Google)
  { profile: 'public', share: 0.1, label: 'public (no cap)' }, // facts: 0.10 public, sharded, no cap (Cloudflare)
  { profile: 'public', share: 0.04, label: 'public (cap 12h)', cap: 43200 }, // facts: 0.04 public, sharded, cap 43200 (Quad9)
];

/**
 * Every resolver honours TTLs and refreshes only on expiry: the premise of the linear model. The
 * child-centric products of the default mix without prefetch, in the default's proportions
 * 0.15 : 0.08. BIND is left out: its prefetch (facts: "BIND prefetch 2 9") refreshes a record in
 * its last 2 s, when the old delegation may still be cached, and so can hold old data for one more
 * TTL; that is a tail mechanism, shown by the default mix.
 */
const compliantMix: MixEntryInput[] = [
  { profile: 'unbound', share: 0.65, label: 'unbound' },
  { profile: 'powerdns', share: 0.35, label: 'powerdns' },
];

/** The default mix with its TTL-floor share all at 24 h (facts: populations, "an ISP that enforces at least a 24 h TTL"). */
const ispFloor24hMix: MixEntryInput[] = defaultMix.map((entry) =>
  entry.profile === 'ttl-floor' ? { ...entry, label: 'ttl-floor (24h)', floor: 86400 } : entry,
);

export const RESOLVER_MIXES: Record<string, MixEntryInput[]> = {
  default: defaultMix,
  compliant: compliantMix,
  'isp-floor-24h': ispFloor24hMix,
};

/** facts: stub table, "0.6 browser (60 s floor and hold), 0.3 operating-system cache (honours TTL; cap 2 h or 1 d), 0.1 none". */
const defaultStub: StubLayerInput[] = [
  { kind: 'browser', share: 0.6, hold: 60 }, // facts: Chrome and Firefox, 60 s
  { kind: 'os', share: 0.3, cap: { choice: [7200, 86400] } }, // facts: systemd-resolved 2 h, Windows 86400 s
  { kind: 'none', share: 0.1 }, // facts: glibc alone, no cache
];

export const STUB_MIXES: Record<string, StubLayerInput[]> = {
  default: defaultStub,
  none: [{ kind: 'none', share: 1 }],
};

/** The stub mix for lookups of these types unless the scenario says otherwise (facts: "For mail (MX) lookups: no stub cache"). */
export const TYPES_WITHOUT_STUB = new Set(['MX']);

/** facts: stub table, browsers hold 60 s; Java 30 s. */
export const BROWSER_HOLD = 60;
export const JAVA_HOLD = 30;
/** facts: stub table, systemd-resolved caps at 2 h. */
export const OS_CAP = 7200;

/** Defaults of a provider with no preset. */
export const GENERIC_PROVIDER = {
  /** facts: Route 53 and .com both use 172800 for NS; used when neither the scenario nor the zone data gives one. */
  nsTtl: 172800,
  propagation: { constant: 0 },
  /** facts: resolver table, BIND "Its authoritative side adds the apex NS to the authority section by default". */
  apexNsInAuthority: true,
  /** facts: "observed here", "servers that return a valid server cookie (BIND, NSD, Knot do by default)". */
  cookies: true,
  /** No source gives a typical provider's SOA: these are the lab's old provider (scenarios/zones/lab/oldprovider) with serial 1. */
  soa: { ttl: 3600, serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 3600 },
};

/** facts: Route 53 table. */
export const ROUTE53_PROVIDER = {
  /** facts: "4, one each under .com, .net, .org, .co.uk"; the names of scenarios/zones/lab/route53. */
  nameservers: ['ns-0.awsdns-00.com', 'ns-512.awsdns-00.net', 'ns-1024.awsdns-00.org', 'ns-1536.awsdns-00.co.uk'],
  nsTtl: 172800, // facts: "NS TTL it creates 172800"
  soa: { ttl: 900, rname: 'awsdns-hostmaster.amazon.com', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 }, // facts: "SOA it creates"
  propagation: { uniform: { min: 0, max: 60 } }, // facts: "change propagation generally within 60 seconds"
  apexNsInAuthority: false, // facts: "not documented: make it a parameter"; false is the assumption
  cookies: false, // not documented: an assumption
};

/** First address handed to a name server whose address the scenario does not give: 198.18.0.0/15 is for benchmarks (RFC 2544), never routed. */
export const ASSIGNED_ADDRESS_BASE = ((198 << 24) | (18 << 16)) >>> 0;
