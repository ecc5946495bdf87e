/**
 * A scenario after loading: checked, every default filled in, durations in seconds, names
 * canonical (lower case, ending in a dot), distributions in the checked form the samplers take.
 * This is what the world is built from; nothing in it needs the file any more.
 */
import type { Name, RR } from '@cutover/resolver';
import type { CheckedDistribution } from '../random/distribution.ts';

export interface Scenario {
  /** The file it was read from, as given (named in messages). */
  file: string;
  name: string;
  /** What the scenario teaches: `description`, else the comment at the top of the file, else "". */
  description: string;
  seed: number;
  replications: number;
  /** Seconds simulated. */
  horizon: number;
  /** Bin width in seconds; bin ≤ horizon. */
  bin: number;
  /** The zone being migrated. */
  domain: Name;
  /** The registry zone that delegates the domain (com. for example.com., co.uk. for example.co.uk.). */
  registry: Name;
  /** What clients look up; the first is the Result's top-level series. */
  watch: WatchedName[];
  hierarchy: Hierarchy;
  registrar: { delay: CheckedDistribution };
  /** In file order. */
  providers: Provider[];
  /** The delegation at the start. */
  delegation: Delegation;
  resolvers: ResolverPopulation;
  clients: ClientPopulation;
  /** In file order. */
  plan: PlannedAction[];
}

export interface WatchedName {
  name: Name;
  /** Record type code (RRType.A, RRType.MX, …). */
  type: number;
  /** Stub caches between these lookups and the resolvers; shares add up to 1. */
  stub: StubLayer[];
  lookupsPerHour: number;
}

export interface Hierarchy {
  root: { nsTtl: number; delegationTtl: number; negativeTtl: number };
  /**
   * Registry zones (com., net., co.uk., …). A registry below a TLD (co.uk.) implies its parent
   * (uk.), which the world creates with the root's delegation TTL.
   */
  registries: Registry[];
}

export interface Registry {
  zone: Name;
  /** TTL of the NS and glue records it publishes for delegated names. */
  delegationTtl: number;
  negativeTtl: number;
  /** Delay between a registrar's submission and publication. */
  publishDelay: CheckedDistribution;
}

export interface NameServer {
  name: Name;
  /** Given in the scenario, or assigned from 198.18.0.0/15 (RFC 2544), unique in the scenario. */
  address: string;
}

export interface SoaSettings {
  ttl: number;
  mname: Name;
  rname: Name;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

export interface Provider {
  name: string;
  preset: 'generic' | 'route53';
  nameservers: NameServer[];
  /** TTL of the apex NS set it serves. */
  nsTtl: number;
  soa: SoaSettings;
  /** Delay for a change to reach each of its servers. */
  propagation: CheckedDistribution;
  apexNsInAuthority: boolean;
  cookies: boolean;
  /** The zone it serves from the start; null: none until a create-zone action. */
  zone: ZoneSource | null;
}

/**
 * Zone content other than the apex SOA and NS, which always come from the provider's settings
 * (records given for them in the scenario set those settings' defaults instead).
 */
export type ZoneSource =
  /** Records written in the scenario or read from `file`. */
  | { kind: 'records'; records: RR[]; file: string | null }
  /** A copy of another provider's records at the start of the simulation. */
  | { kind: 'import'; from: string };

export interface Delegation {
  /** The provider whose servers answer. */
  to: string;
  /** The NS set the registrar publishes: the provider's servers, or white-label names (address: glue, null when outside the domain and so not glued). */
  nameservers: { name: Name; address: string | null }[];
  whiteLabel: boolean;
}

export interface ResolverPopulation {
  count: number;
  /** The mix's name when a named one was used, else null. */
  mixName: string | null;
  /** Shares add up to 1. */
  mix: MixEntry[];
  /** Round-trip time to an authoritative server, seconds. */
  latency: CheckedDistribution;
}

export interface MixEntry {
  /** Unique in the mix; the key of the Result's byProfile. */
  label: string;
  /** A forwarder caches and forwards to a resolver drawn from `upstream`; a recursive one iterates. */
  role: 'recursive' | 'forwarder';
  /** A profile name `getProfile` of @cutover/resolver accepts. */
  profile: string;
  share: number;
  /** Minimum TTL, drawn per resolver; null: the profile's own. */
  floor: CheckedDistribution | null;
  /** Maximum TTL, drawn per resolver; null: the profile's own. */
  cap: CheckedDistribution | null;
  /** Independent caches, each query landing on one at random. */
  shards: number;
  /** Forwarders: labels of the mix entries forwarded to; empty for recursive resolvers. */
  upstream: string[];
}

export type StubLayer =
  | { kind: 'browser'; share: number; hold: number }
  | { kind: 'os'; share: number; cap: CheckedDistribution }
  /** hold null: forever. */
  | { kind: 'java'; share: number; hold: number | null }
  | { kind: 'none'; share: number };

export interface ClientPopulation {
  count: number;
  spread: { kind: 'equal' } | { kind: 'zipf'; s: number };
  lookupsPerHour: number;
  /** The default stub mix (each watched name has its own resolved copy). */
  stub: StubLayer[];
}

/**
 * When an action is taken. `at` is absolute when known from the plan alone; an action counted from
 * when another *completed* (published by the registry, in sync at a provider) depends on random
 * delays, so `at` is null and the world resolves `after` during the run.
 */
export interface ActionTiming {
  id: string;
  at: number | null;
  after: { id: string; wait: number; from: 'taken' | 'complete' } | null;
}

export type ActionBody =
  | { kind: 'set-ttl'; provider: string; name: Name; type: number; ttl: number }
  | { kind: 'create-zone'; provider: string }
  | { kind: 'import-records'; provider: string; source: ZoneSource }
  | { kind: 'set-records'; provider: string; records: RR[] }
  | ({ kind: 'delegate' } & Delegation)
  | { kind: 'rollback' }
  | { kind: 'decommission'; provider: string; mode: 'stop' | 'refuse' }
  | { kind: 'change-address'; provider: string; server: Name; address: string };

export type PlannedAction = ActionTiming & ActionBody;
