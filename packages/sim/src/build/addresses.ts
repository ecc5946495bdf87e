/**
 * Addresses for what the scenario does not place itself: the registries' servers, taken from the
 * top of 198.19.0.0/16 downwards (the scenario assigns its own from 198.18.0.0 upwards, RFC 2544),
 * skipping every address the scenario uses; and the resolvers, from 100.64.0.0/10 (RFC 6598),
 * which no server uses. A resolver's address matters only to the server cookies bound to it.
 */
import type { Scenario } from '../scenario/types.ts';

const REGISTRY_TOP = ((198 << 24) | (19 << 16) | (255 << 8) | 254) >>> 0;
const REGISTRY_BOTTOM = ((198 << 24) | (19 << 16)) >>> 0;
const RESOLVER_BASE = ((100 << 24) | (64 << 16)) >>> 0;
const RESOLVER_COUNT = 1 << 22;

export function ipv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Every address the scenario names: its servers, glue in delegations, addresses servers move to. */
export function scenarioAddresses(scenario: Scenario): Set<string> {
  const used = new Set<string>();
  for (const provider of scenario.providers) for (const server of provider.nameservers) used.add(server.address);
  for (const server of scenario.delegation.nameservers) if (server.address !== null) used.add(server.address);
  for (const action of scenario.plan) {
    if (action.kind === 'delegate') for (const server of action.nameservers) if (server.address !== null) used.add(server.address);
    if (action.kind === 'change-address') used.add(action.address);
  }
  return used;
}

/** Hands out registry server addresses not in `used`. */
export function registryAddresses(used: ReadonlySet<string>): () => string {
  let next = REGISTRY_TOP;
  return () => {
    while (next >= REGISTRY_BOTTOM && used.has(ipv4(next))) next--;
    if (next < REGISTRY_BOTTOM) throw new RangeError('198.19.0.0/16 has no address left for a registry server');
    return ipv4(next--);
  };
}

/** The address of the world's `index`-th resolver node. */
export function resolverAddress(index: number): string {
  if (!(index >= 0 && index < RESOLVER_COUNT)) throw new RangeError(`resolver index ${index} outside 100.64.0.0/10`);
  return ipv4(RESOLVER_BASE + index);
}
