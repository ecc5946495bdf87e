/**
 * Where the addresses of the scenario's name-server hosts are published. A resolver that follows
 * a delegation to `ns-0.awsdns-00.com` must be able to find that host's address the way it would
 * on the Internet: com delegates `awsdns-00.com` to the provider's servers with glue, and the
 * provider serves the `awsdns-00.com` zone. Each such *infrastructure domain* is the name one
 * label below the registry zone that holds the host, served by the provider whose host it is.
 *
 * Hosts under the migrated domain itself (white-label `ns1.example.com`) are different: their
 * addresses are glue at the domain's registry and records in the domain's own zone, which is why
 * a provider's address change breaks them (plan.ts).
 *
 * Also works out which registry zones the world needs: the scenario's, the parents they imply
 * (uk. for co.uk.), and the TLD of any host under a registry the scenario does not name.
 */
import { isSubdomain, parentName, ROOT, selfAndAncestors, type Name } from '@cutover/resolver';
import { parseDistribution } from '../random/distribution.ts';
import { REGISTRY_DEFAULTS } from '../scenario/defaults.ts';
import type { Delegation, Registry, Scenario } from '../scenario/types.ts';
import { BuildError } from './errors.ts';

export interface HostAddress {
  name: Name;
  address: string;
}

export interface InfraDomain {
  /** E.g. awsdns-00.com. */
  domain: Name;
  /** The registry zone that delegates it, e.g. com. */
  registry: Name;
  /** The provider that serves it. */
  provider: string;
  /** Its name-server hosts (the provider's hosts under it), in scenario order. */
  hosts: HostAddress[];
}

export interface HostPlan {
  /** Every registry zone, parents before children; the root is not among them. */
  registries: Registry[];
  infra: InfraDomain[];
}

/** The host names a delegation publishes, with the address each resolves to. */
export function delegationHosts(delegation: Delegation, scenario: Scenario): HostAddress[] {
  const provider = scenario.providers.find((p) => p.name === delegation.to);
  if (provider === undefined) throw new BuildError(scenario.file, 'delegation', `no provider named ${delegation.to}`);
  if (delegation.nameservers.length === 0) return provider.nameservers.map((s) => ({ name: s.name, address: s.address }));
  // White-label names without glue are the provider's servers under other names, in order.
  return delegation.nameservers.map((s, i) => ({ name: s.name, address: s.address ?? provider.nameservers[i % provider.nameservers.length]!.address }));
}

/** Every delegation the scenario can publish: the one at the start and each delegate action's. */
export function allDelegations(scenario: Scenario): Delegation[] {
  const out: Delegation[] = [scenario.delegation];
  for (const action of scenario.plan) if (action.kind === 'delegate') out.push({ to: action.to, nameservers: action.nameservers, whiteLabel: action.whiteLabel });
  return out;
}

export function planHosts(scenario: Scenario): HostPlan {
  const registries = new Map<Name, Registry>(scenario.hierarchy.registries.map((r) => [r.zone, r]));
  const implied = (zone: Name, delegationTtl: number): void => {
    if (registries.has(zone)) return;
    registries.set(zone, { zone, delegationTtl, negativeTtl: REGISTRY_DEFAULTS.negativeTtl, publishDelay: parseDistribution(REGISTRY_DEFAULTS.publishDelay) });
  };
  // Parents of multi-label registries (uk. for co.uk.), with the root's delegation TTL.
  for (const zone of [...registries.keys()]) {
    for (let p = parentName(zone); p !== undefined && p !== ROOT; p = parentName(p)) implied(p, scenario.hierarchy.root.delegationTtl);
  }
  if (!registries.has(scenario.registry)) throw new BuildError(scenario.file, 'domain', `the registry zone ${scenario.registry} is not in the hierarchy`);

  const registryOf = (host: Name): Name => {
    for (const zone of selfAndAncestors(host)) if (zone !== host && registries.has(zone)) return zone;
    // A host under a TLD the scenario does not name: that TLD, with the usual registry settings.
    const labels = [...selfAndAncestors(host)];
    const tld = labels[labels.length - 2]!;
    implied(tld, REGISTRY_DEFAULTS.delegationTtl);
    return tld;
  };

  const infra = new Map<Name, InfraDomain>();
  const place = (host: HostAddress, provider: string): void => {
    if (isSubdomain(host.name, scenario.domain)) return;
    const registry = registryOf(host.name);
    let domain = host.name;
    for (const name of selfAndAncestors(host.name)) {
      if (parentName(name) === registry) {
        domain = name;
        break;
      }
    }
    let entry = infra.get(domain);
    if (entry === undefined) infra.set(domain, (entry = { domain, registry, provider, hosts: [] }));
    if (!entry.hosts.some((h) => h.name === host.name)) entry.hosts.push(host);
  };
  for (const provider of scenario.providers) for (const server of provider.nameservers) place(server, provider.name);
  for (const delegation of allDelegations(scenario)) {
    if (!delegation.whiteLabel) continue;
    for (const host of delegationHosts(delegation, scenario)) place(host, delegation.to);
  }

  const depth = (zone: Name): number => [...selfAndAncestors(zone)].length;
  const ordered = [...registries.values()].sort((a, b) => depth(a.zone) - depth(b.zone) || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
  return { registries: ordered, infra: [...infra.values()] };
}
