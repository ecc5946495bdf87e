/**
 * The DNS above the migrated domain: the root zone and every registry zone, each served by one
 * server of its own, with the TTLs of the scenario's hierarchy (shared/facts.md: root NS 518400,
 * TLD delegations 172800, the root SOA `1800 900 604800 86400`, .com's negative TTL 900). Each
 * parent delegates its children with glue; each registry delegates the providers' infrastructure
 * domains (awsdns-00.com and the like, nameserver-hosts.ts) with glue; the domain's registry
 * publishes the domain's delegation at the start. Resolvers get root hints for the root server.
 */
import { isSubdomain, parentName, ROOT, RRType, Zone, type Name, type RR, type RRset, type SoaData, type ZoneChanges } from '@cutover/resolver';
import { sampler } from '../random/sampler.ts';
import type { Delegation } from '../scenario/types.ts';
import type { Provider as WorldProvider, Registry as WorldRegistry } from '../world/server-node.ts';
import type { World } from '../world/world.ts';
import { registryAddresses, scenarioAddresses } from './addresses.ts';
import type { BuildContext } from './context.ts';
import { delegationHosts, type HostPlan } from './nameserver-hosts.ts';

const IN = 1;
export const ROOT_SERVER = 'a.root-servers.net.';

export interface Hierarchy {
  rootHints: RR[];
  root: WorldProvider;
  /** By registry zone. */
  registries: Map<Name, WorldRegistry>;
  /** The zone edit that makes the domain's registry publish `next` in place of `previous`. */
  delegationChange(previous: Delegation, next: Delegation): ZoneChanges;
  /** TTL of the domain's delegation at its registry. */
  delegationTtl: number;
}

export function rrset(name: Name, type: number, ttl: number, data: RRset['data']): RRset {
  return { name, type, class: IN, ttl, data };
}

/** The host that serves registry zone `zone`. */
export function registryHost(zone: Name): Name {
  return `ns.nic.${zone}`;
}

export function buildHierarchy(world: World, ctx: BuildContext, hosts: HostPlan): Hierarchy {
  const { scenario } = ctx;
  const nextAddress = registryAddresses(scenarioAddresses(scenario));
  const rootAddress = nextAddress();
  const addressOf = new Map<Name, string>(hosts.registries.map((r) => [r.zone, nextAddress()]));
  const root = scenario.hierarchy.root;

  /** The NS set and glue by which `zone` is delegated, with TTL `ttl`. */
  const delegationOf = (child: Name, ttl: number, servers: readonly { name: Name; address: string }[]): RRset[] => [
    rrset(child, RRType.NS, ttl, servers.map((s) => s.name)),
    ...servers.filter((s) => isSubdomain(s.name, child)).map((s) => rrset(s.name, RRType.A, ttl, [s.address])),
  ];
  const childRegistries = (zone: Name, ttl: number): RRset[] =>
    hosts.registries.filter((r) => parentName(r.zone) === zone).flatMap((r) => delegationOf(r.zone, ttl, [{ name: registryHost(r.zone), address: addressOf.get(r.zone)! }]));

  const soa = (zone: Name, ttl: number, mname: Name, rname: Name, negative: number): RRset =>
    rrset(zone, RRType.SOA, ttl, [{ mname, rname, serial: 1, refresh: 1800, retry: 900, expire: 604800, minimum: negative } satisfies SoaData]);

  const rootZone = Zone.fromRRsets([
    soa(ROOT, 86400, ROOT_SERVER, 'nstld.verisign-grs.com.', root.negativeTtl),
    rrset(ROOT, RRType.NS, root.nsTtl, [ROOT_SERVER]),
    rrset(ROOT_SERVER, RRType.A, root.nsTtl, [rootAddress]),
    ...childRegistries(ROOT, root.delegationTtl),
  ]);
  const rootProvider = world.addProvider('root', [{ host: ROOT_SERVER, address: rootAddress }], [rootZone]);

  const domainRegistry = hosts.registries.find((r) => r.zone === scenario.registry)!;
  const domainDelegation = (delegation: Delegation): RRset[] => delegationOf(scenario.domain, domainRegistry.delegationTtl, delegationHosts(delegation, scenario));

  const registries = new Map<Name, WorldRegistry>();
  for (const registry of hosts.registries) {
    const zone = registry.zone;
    const host = registryHost(zone);
    const address = addressOf.get(zone)!;
    const sets: RRset[] = [
      // facts: .com SOA TTL 900 with negative TTL 900; the SOA TTL follows the negative TTL so that min(TTL, minimum) is it.
      soa(zone, registry.negativeTtl, host, `hostmaster.nic.${zone}`, registry.negativeTtl),
      rrset(zone, RRType.NS, registry.delegationTtl, [host]),
      ...childRegistries(zone, registry.delegationTtl),
      ...hosts.infra.filter((d) => d.registry === zone).flatMap((d) => delegationOf(d.domain, registry.delegationTtl, d.hosts)),
      ...(zone === scenario.registry ? domainDelegation(scenario.delegation) : []),
    ];
    // The server's own address, unless a child registry's delegation holds it as glue already.
    if (!sets.some((s) => s.name === host && s.type === RRType.A)) sets.push(rrset(host, RRType.A, registry.delegationTtl, [address]));
    const provider = world.addProvider(`registry ${zone}`, [{ host, address }], [Zone.fromRRsets(sets)]);
    registries.set(zone, world.registry(provider, sampler(registry.publishDelay, ctx.stream('registry', zone, 'publish'), `hierarchy.tlds.${zone}.publishDelay`)));
  }

  return {
    rootHints: [
      { name: ROOT, type: RRType.NS, class: IN, ttl: root.nsTtl, data: ROOT_SERVER },
      { name: ROOT_SERVER, type: RRType.A, class: IN, ttl: root.nsTtl, data: rootAddress },
    ],
    root: rootProvider,
    registries,
    delegationTtl: domainRegistry.delegationTtl,
    delegationChange(previous, next) {
      const put = domainDelegation(next);
      const kept = new Set(put.map((s) => `${s.name}|${s.type}`));
      const remove = domainDelegation(previous)
        .filter((s) => !kept.has(`${s.name}|${s.type}`))
        .map((s) => ({ name: s.name, type: s.type }));
      return { put, remove };
    },
  };
}
