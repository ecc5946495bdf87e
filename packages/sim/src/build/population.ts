/**
 * Who resolves the domain: N resolvers with profiles from the scenario's mix and M clients spread
 * over them. Deterministic for a (seed, replication): the mix becomes counts by the largest
 * remainder method (so a share of 0.27 of 100 resolvers is 27 of them, always), the counts are
 * shuffled with a seeded stream, and everything drawn for resolver i (its TTL floor or cap, the
 * resolver a forwarder forwards to) comes from streams named after i alone.
 *
 * Two kinds of entity:
 * - a recursive resolver: `shards` independent caches (public resolvers), each client lookup
 *   landing on one at random, so each shard sees 1/K of the lookups (a thinned Poisson stream);
 * - a forwarder: a cache in front of one recursive resolver of the mix entries it forwards to
 *   (drawn uniformly among them), keeping answers within its own TTL floor and cap.
 */
import { getProfile, MAX_TTL, type Profile } from '@cutover/resolver';
import { sampler } from '../random/sampler.ts';
import type { MixEntry, Scenario, StubLayer } from '../scenario/types.ts';
import type { StubCache } from '../world/stub-kernel.ts';
import type { BuildContext } from './context.ts';
import { BuildError } from './errors.ts';

export interface RecursiveEntity {
  kind: 'recursive';
  /** Position in the population: names the entity's random streams. */
  index: number;
  label: string;
  profile: Profile;
  shards: number;
  /** Clients that ask this resolver directly (expected count; may be fractional). */
  clients: number;
}

export interface ForwarderEntity {
  kind: 'forwarder';
  index: number;
  label: string;
  /** Population index of the recursive resolver it forwards to. */
  upstream: number;
  clients: number;
  /** How long it keeps an answer: the TTL it was given, within these bounds (seconds). */
  ttl: { min: number; max: number };
}

export type Entity = RecursiveEntity | ForwarderEntity;

/** Counts per mix entry adding up to `total`: floors of share × total, the rest to the largest remainders (ties: mix order). */
export function largestRemainderCounts(shares: readonly number[], total: number): number[] {
  const exact = shares.map((s) => s * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]!.i]!++;
  return counts;
}

/** A profile with a drawn TTL floor and cap (either may be absent). */
export function withTtlLimits(base: Profile, floor: number | null, cap: number | null): Profile {
  if (floor === null && cap === null) return base;
  let minTtl = base.ttl.minTtl;
  let maxTtl = base.ttl.maxTtl;
  const parts = [base.name];
  if (cap !== null) {
    maxTtl = cap;
    parts.push(`cap ${cap}s`);
  }
  if (floor !== null) {
    minTtl = floor;
    // A floor above the cap wins, as Unbound's cache-min-ttl does over cache-max-ttl.
    maxTtl = Math.max(maxTtl, floor);
    parts.push(`floor ${floor}s`);
  }
  return { ...base, name: parts.join(' '), ttl: { ...base.ttl, minTtl, maxTtl } };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Client counts per entity: equal, or Zipf-sized with the ranks given out by a seeded shuffle. */
function clientCounts(ctx: BuildContext, n: number): number[] {
  const { clients } = ctx.scenario;
  if (clients.spread.kind === 'equal') return new Array<number>(n).fill(clients.count / n);
  const s = clients.spread.s;
  const weights = Array.from({ length: n }, (_, k) => Math.pow(k + 1, -s));
  const total = weights.reduce((a, b) => a + b, 0);
  const ranks = shuffled(Array.from({ length: n }, (_, k) => k), ctx.stream('population', 'client-ranks').next);
  return ranks.map((rank) => (clients.count * weights[rank]!) / total);
}

export function planPopulation(ctx: BuildContext): Entity[] {
  const { scenario } = ctx;
  const mix = scenario.resolvers.mix;
  const n = scenario.resolvers.count;
  const counts = largestRemainderCounts(mix.map((m) => m.share), n);
  const kinds: number[] = [];
  counts.forEach((count, entry) => {
    for (let k = 0; k < count; k++) kinds.push(entry);
  });
  shuffled(kinds, ctx.stream('population', 'shuffle').next);
  const clients = clientCounts(ctx, n);

  const entities: Entity[] = kinds.map((entry, index): Entity => {
    const spec = mix[entry]!;
    const floor = drawLimit(ctx, spec, index, 'floor');
    const cap = drawLimit(ctx, spec, index, 'cap');
    if (spec.role === 'forwarder') {
      const min = floor ?? 0;
      return { kind: 'forwarder', index, label: spec.label, upstream: -1, clients: clients[index]!, ttl: { min, max: Math.max(min, cap ?? MAX_TTL) } };
    }
    return { kind: 'recursive', index, label: spec.label, profile: withTtlLimits(getProfile(spec.profile), floor, cap), shards: spec.shards, clients: clients[index]! };
  });
  for (const entity of entities) {
    if (entity.kind !== 'forwarder') continue;
    const spec = mix.find((m) => m.label === entity.label)!;
    const candidates = entities.filter((e) => e.kind === 'recursive' && spec.upstream.includes(e.label));
    if (candidates.length === 0) {
      throw new BuildError(scenario.file, 'resolvers.mix', `forwarders "${entity.label}" forward to ${spec.upstream.join(', ')}, but none of the ${n} resolvers is one`);
    }
    entity.upstream = candidates[Math.floor(ctx.stream('resolver', entity.index, 'upstream').next() * candidates.length)]!.index;
  }
  return entities;
}

/** Resolver `index`'s TTL floor or cap, whole seconds; null when its mix entry has none. */
function drawLimit(ctx: BuildContext, spec: MixEntry, index: number, which: 'floor' | 'cap'): number | null {
  const dist = spec[which];
  if (dist === null) return null;
  return Math.max(0, Math.round(sampler(dist, ctx.stream('resolver', index, which), `resolvers.mix.${spec.label}.${which}`)()));
}

/** A stub layer as the stub kernel takes it; an OS cache's cap is drawn (it adds no delay either way). */
export function stubCache(ctx: BuildContext, layer: StubLayer, path: string): StubCache {
  switch (layer.kind) {
    case 'none':
      return { kind: 'none' };
    case 'browser':
      return { kind: 'hold', seconds: layer.hold };
    // A stub that holds forever holds, within the run, as long as the run.
    case 'java':
      return { kind: 'hold', seconds: layer.hold ?? ctx.scenario.horizon };
    case 'os':
      return { kind: 'ttl', cap: sampler(layer.cap, ctx.stream('stub', path, 'cap'))() };
  }
}

/** The labels of the mix, in mix order. */
export function mixLabels(scenario: Scenario): string[] {
  return scenario.resolvers.mix.map((m) => m.label);
}
