/**
 * The DNS providers: each one's servers, the migrated domain's zone as it serves it, and the
 * infrastructure domains its hosts live under (nameserver-hosts.ts). The apex SOA and NS always
 * come from the provider's settings (the Route 53 preset: SOA `1 7200 900 1209600 86400` with TTL
 * 900, NS TTL 172800, four servers under com, net, org and co.uk); the other records come from the
 * scenario's records or are imported from another provider's at the start, as steps 2–3 of the
 * Route 53 migration guide do. Changes reach each server after its own propagation delay.
 */
import { groupRRsets, isSubdomain, RRType, Zone, type AuthorityOptions, type Name, type RR, type RRset } from '@cutover/resolver';
import { sampler } from '../random/sampler.ts';
import type { Provider, ZoneSource } from '../scenario/types.ts';
import type { Provider as WorldProvider } from '../world/server-node.ts';
import type { World } from '../world/world.ts';
import type { BuildContext } from './context.ts';
import { BuildError } from './errors.ts';
import { rrset } from './hierarchy.ts';
import { delegationHosts, type HostAddress, type HostPlan } from './nameserver-hosts.ts';

export interface BuiltProvider {
  spec: Provider;
  world: WorldProvider;
}

/** The records (other than the apex SOA and NS) a zone source gives; an import copies the other provider's source. */
export function sourceRecords(ctx: BuildContext, source: ZoneSource, trail: readonly string[] = []): RR[] {
  if (source.kind === 'records') return source.records;
  const { scenario } = ctx;
  if (trail.includes(source.from)) throw new BuildError(scenario.file, `providers.${trail[0]}.zone.import`, `imports lead back to ${source.from}: ${[...trail, source.from].join(' → ')}`);
  const from = scenario.providers.find((p) => p.name === source.from);
  if (from === undefined) throw new BuildError(scenario.file, 'zone.import', `no provider named ${source.from}`);
  if (from.zone === null) throw new BuildError(scenario.file, `providers.${from.name}.zone`, `${from.name} has no zone at the start to import from`);
  return sourceRecords(ctx, from.zone, [...trail, from.name]);
}

/** The apex NS hosts a provider serves: its own servers, or the white-label names delegated to it. */
export function apexHosts(provider: Provider, whiteLabel: readonly HostAddress[] | null): readonly HostAddress[] {
  return whiteLabel ?? provider.nameservers.map((s) => ({ name: s.name, address: s.address }));
}

/**
 * The domain's zone at `provider`: its SOA and an NS set of `hosts`, `records`, and an address
 * record for each host under the domain (white-label names are) that `records` do not place
 * already: a host the zone data gives addresses or a CNAME keeps what the data says.
 */
export function domainZone(ctx: BuildContext, provider: Provider, hosts: readonly HostAddress[], records: readonly RR[]): Zone {
  const domain = ctx.scenario.domain;
  const { ttl, ...soa } = provider.soa;
  const placed = new Set(records.filter((rr) => rr.type === RRType.A || rr.type === RRType.AAAA || rr.type === RRType.CNAME).map((rr) => rr.name));
  const sets: RRset[] = [
    rrset(domain, RRType.SOA, ttl, [soa]),
    rrset(domain, RRType.NS, provider.nsTtl, hosts.map((h) => h.name)),
    ...hosts.filter((h) => isSubdomain(h.name, domain) && !placed.has(h.name)).map((h) => rrset(h.name, RRType.A, provider.nsTtl, [h.address])),
  ];
  const apex = new Set(sets.map((s) => `${s.name}|${s.type}`));
  for (const set of groupRRsets(records)) if (!apex.has(`${set.name}|${set.type}`)) sets.push(set);
  try {
    return Zone.fromRRsets(sets, { origin: domain });
  } catch (error) {
    throw new BuildError(ctx.scenario.file, `providers.${provider.name}.zone`, (error as Error).message);
  }
}

/** The zone of an infrastructure domain: its hosts as NS and their addresses. */
function infraZone(provider: Provider, domain: Name, hosts: readonly HostAddress[]): Zone {
  const { ttl, ...soa } = provider.soa;
  return Zone.fromRRsets([
    rrset(domain, RRType.SOA, ttl, [{ ...soa, mname: hosts[0]!.name }]),
    rrset(domain, RRType.NS, provider.nsTtl, hosts.map((h) => h.name)),
    ...hosts.map((h) => rrset(h.name, RRType.A, provider.nsTtl, [h.address])),
  ]);
}

export function authorityOptions(provider: Provider): AuthorityOptions {
  const options: AuthorityOptions = { apexNsInAuthority: provider.apexNsInAuthority };
  if (!provider.cookies) options.cookies = false;
  return options;
}

export function buildProviders(world: World, ctx: BuildContext, hosts: HostPlan): Map<string, BuiltProvider> {
  const { scenario } = ctx;
  const built = new Map<string, BuiltProvider>();
  const initial = scenario.delegation;
  for (const provider of scenario.providers) {
    const whiteLabel = initial.whiteLabel && initial.to === provider.name ? delegationHosts(initial, scenario) : null;
    const zones: Zone[] = hosts.infra.filter((d) => d.provider === provider.name).map((d) => infraZone(provider, d.domain, d.hosts));
    if (provider.zone !== null) zones.push(domainZone(ctx, provider, apexHosts(provider, whiteLabel), sourceRecords(ctx, provider.zone, [provider.name])));
    const servers = provider.nameservers.map((s) => ({ host: s.name, address: s.address }));
    const propagation = sampler(provider.propagation, ctx.stream('provider', provider.name, 'propagation'), `providers.${provider.name}.propagation`);
    built.set(provider.name, { spec: provider, world: world.addProvider(provider.name, servers, zones, propagation, authorityOptions(provider)) });
  }
  return built;
}
