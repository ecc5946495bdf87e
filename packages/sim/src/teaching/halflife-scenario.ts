/**
 * The scenario behind `cutover halflife`: one domain moved between two providers in a world where
 * every TTL the rule of thumb could mean is the same T (the registry's delegation TTL, the child's
 * NS TTL, the watched record's TTL), the registrar and registry act at once, and resolvers have
 * had time to fill their caches before the change. What remains between the rule of thumb and the
 * simulated curve is then the population: floors, caps, NS handling, shards, stub caches.
 */
export interface HalflifeSetup {
  ttl: number;
  /** A named resolver mix (compliant, default, isp-floor-24h, …). */
  mix: string;
  /** A named stub-cache mix (default, none). */
  stub: string;
  periods: number;
  resolvers: number;
  clients: number;
  replications: number;
  seed: number;
}

/** Bins per TTL: fine enough to read a share at each whole period. */
const BINS_PER_TTL = 30;

/**
 * Each client looks the name up once a minute: a popular name, so that resolvers refresh within a
 * second or two of an expiry and the "asked often" premise of the linear model holds.
 */
const LOOKUPS_PER_HOUR = 60;

/**
 * Time before the change: the longest TTL any resolver of the named mixes may hold (a 24 h floor)
 * plus one T, so that caches are in their steady phase when the change is published.
 */
export function warmUp(ttl: number): number {
  return 86400 + ttl;
}

export function halflifeScenarioYaml(s: HalflifeSetup): string {
  const bin = Math.max(1, Math.round(s.ttl / BINS_PER_TTL));
  const change = Math.ceil(warmUp(s.ttl) / bin) * bin;
  const horizon = change + s.periods * s.ttl + bin;
  return `# cutover halflife: every TTL is ${s.ttl} s; the change is published at once.
name: halflife-${s.mix}-${s.ttl}s
seed: ${s.seed}
replications: ${s.replications}
horizon: ${horizon}
bin: ${bin}
domain: example.com
watch: [www.example.com]
hierarchy:
  tlds:
    com: { delegationTtl: ${s.ttl}, publishDelay: 0 }
registrar: { delay: 0 }
providers:
  old:
    nameservers: [ns1.oldprovider.net, ns2.oldprovider.net]
    nsTtl: ${s.ttl}
    zone: { records: ["www ${s.ttl} IN A 192.0.2.10"] }
  new:
    nameservers: [ns1.newprovider.net, ns2.newprovider.net]
    nsTtl: ${s.ttl}
    zone: { records: ["www ${s.ttl} IN A 198.51.100.10"] }
resolvers:
  count: ${s.resolvers}
  mix: ${s.mix}
clients:
  count: ${s.clients}
  lookupsPerHour: ${LOOKUPS_PER_HOUR}
  stub: ${s.stub}
plan:
  - { id: change, at: ${change}, delegate: { to: new } }
`;
}
