/**
 * One replication's world for one watched name: the hierarchy, the providers, the resolvers with
 * their clients' lookup rates for that name, and the plan scheduled on the engine.
 *
 * A resolver node watches one question (world/resolver-node.ts), so a scenario that watches
 * several names gets one world per name. The worlds are built from the same streams: the same
 * resolvers with the same profiles, the same registrar and registry delays, the same plan
 * timeline; only the lookup rates, and so the refresh times, differ.
 */
import { makeQuery, type Message, type Name } from '@cutover/resolver';
import type { CheckedDistribution } from '../random/distribution.ts';
import { sampler } from '../random/sampler.ts';
import type { Scenario } from '../scenario/types.ts';
import { AnswerClass } from '../world/answer-class.ts';
import type { ClientGroup } from '../world/metrics.ts';
import type { Provider as WorldProvider } from '../world/server-node.ts';
import { resolverSideRate, type StubCache } from '../world/stub-kernel.ts';
import type { ResolverNode } from '../world/resolver-node.ts';
import { World } from '../world/world.ts';
import { resolverAddress } from './addresses.ts';
import { buildContext, type BuildContext } from './context.ts';
import { buildHierarchy, type Hierarchy } from './hierarchy.ts';
import { planHosts } from './nameserver-hosts.ts';
import { oneWayLatency } from './one-way-latency.ts';
import { inPart, type Part } from './parts.ts';
import { schedulePlan, targetProvider, type PlanRecord } from './plan.ts';
import { planPopulation, stubCache, type Entity, type RecursiveEntity } from './population.ts';
import { buildProviders, type BuiltProvider } from './providers.ts';
import { delegationLifetime, resolveAt } from './warm-up.ts';

export interface BuildOptions {
  /** Skip refreshes that cannot change anything (default true; docs/simulation.md). */
  skip?: boolean;
  /** Give each resolver a cache in its steady state at the start (default true; warm-up.ts). */
  warmUp?: boolean;
  /** Build only this part's resolvers and forwarders (parts.ts); all by default. */
  part?: Part;
}

export interface BuiltWorld {
  ctx: BuildContext;
  world: World;
  hierarchy: Hierarchy;
  providers: Map<string, BuiltProvider>;
  plan: PlanRecord;
  /** The watched question. */
  watch: { name: Name; type: number };
  /** The clients' stub layers for this name, as the metrics' client groups. */
  clientGroups: ClientGroup[];
  /** Client lookups per second of the watched name, all clients together. */
  clientRate: number;
  /** Per mix label, the resolver-side lookup rate of its clients at each metrics node (by node index). */
  labelRates: Map<string, Float64Array>;
}

export function buildWorld(scenario: Scenario, replication: number, watchIndex: number, opts: BuildOptions = {}): BuiltWorld {
  const ctx = buildContext(scenario, replication);
  const watched = scenario.watch[watchIndex];
  if (watched === undefined) throw new RangeError(`scenario ${scenario.file} watches ${scenario.watch.length} names; no name ${watchIndex}`);
  const hosts = planHosts(scenario);
  const world = new World({ horizon: scenario.horizon, bin: scenario.bin });
  const hierarchy = buildHierarchy(world, ctx, hosts);
  const providers = buildProviders(world, ctx, hosts);

  const old = providers.get(scenario.delegation.to)!.world;
  const target = targetProvider(ctx);
  const classes = new Map<WorldProvider, AnswerClass>([[old, AnswerClass.Old]]);
  if (target !== null) classes.set(providers.get(target)!.world, AnswerClass.New);
  // Data from any other provider is not the new provider's: it counts as old.
  const classify = world.classifier(classes, AnswerClass.Old);

  // Clients of this name and what their stub caches let through to the resolvers.
  const clientRate = watched.lookupsPerHour / 3600;
  const layers = watched.stub.map((layer, j): { share: number; stub: StubCache; passed: number } => {
    const stub = stubCache(ctx, layer, `watch ${watchIndex} layer ${j}`);
    return { share: layer.share, stub, passed: clientRate > 0 ? resolverSideRate(stub, clientRate) : 0 };
  });
  const passedPerClient = layers.reduce((sum, l) => sum + l.share * l.passed, 0);

  const entities = populationOf(ctx);
  const latency = oneWayLatency(scenario);
  const startNs = providers.get(scenario.delegation.to)!.spec.nsTtl;
  const query = makeQuery(0, watched.name, watched.type, { rd: true });
  const warmUp = opts.warmUp ?? true;
  const seed = `${scenario.seed}/${replication}`;
  /** Clients and mix label of each metrics node (resolver shard or forwarder), by node index. */
  const nodeClients: number[] = [];
  const nodeLabel: string[] = [];
  const nodesOf = new Map<number, ResolverNode[]>();

  for (const entity of entities) {
    if (entity.kind !== 'recursive' || !inPart(entity.index, opts.part)) continue;
    const rate = entity.clients * passedPerClient;
    if (!(rate > 0)) continue;
    const options = {
      seed,
      streamPath: ['entity', entity.index],
      address: resolverAddress(entity.index),
      profile: entity.profile,
      rootHints: hierarchy.rootHints,
      watch: { name: watched.name, type: watched.type, zone: scenario.domain },
      rate,
      latency,
      classify,
      skip: opts.skip ?? true,
    };
    const nodes = entity.shards > 1 ? world.addPublicResolver(options, entity.shards) : [world.addResolver(options)];
    nodesOf.set(entity.index, nodes);
    nodes.forEach((node, shard) => {
      nodeClients[node.index] = entity.clients / nodes.length;
      nodeLabel[node.index] = entity.label;
      if (warmUp) warm(ctx, world, node, options.address, entity, shard, query, [hierarchy.delegationTtl, startNs], latency);
    });
  }
  for (const entity of entities) {
    if (entity.kind !== 'forwarder' || !inPart(entity.upstream, opts.part)) continue;
    const rate = entity.clients * passedPerClient;
    const upstream = nodesOf.get(entity.upstream);
    if (!(rate > 0) || upstream === undefined) continue;
    // A forwarder sends to one address; behind a sharded resolver that is one shard at a time, drawn once.
    const shard = upstream[Math.floor(ctx.stream('resolver', entity.index, 'upstream-shard').next() * upstream.length)]!;
    const node = world.addForwarder({ seed, streamPath: ['entity', entity.index], rate, ttl: entity.ttl, upstream: shard });
    nodeClients[node.index] = entity.clients;
    nodeLabel[node.index] = entity.label;
  }

  const clientGroups: ClientGroup[] = layers.map((l) => ({ stub: l.stub, rate: clientRate, clientsAt: (node: number) => l.share * (nodeClients[node] ?? 0) }));
  const labelRates = new Map<string, Float64Array>();
  for (const label of scenario.resolvers.mix.map((m) => m.label)) {
    const rates = new Float64Array(nodeClients.length);
    nodeLabel.forEach((l, node) => {
      if (l === label) rates[node] = nodeClients[node]! * passedPerClient;
    });
    labelRates.set(label, rates);
  }

  const plan = schedulePlan(world, ctx, hierarchy, providers, hosts);
  return { ctx, world, hierarchy, providers, plan, watch: { name: watched.name, type: watched.type }, clientGroups, clientRate: clientRate * scenario.clients.count, labelRates };
}

/**
 * The population of a replication, planned once: a replication runs as many small parts
 * (parts.ts), one after another, each of which would otherwise draw every resolver's profile,
 * limits and clients again. The last replication's is kept per scenario; entities are only read.
 */
const populations = new WeakMap<Scenario, { replication: number; entities: Entity[] }>();

function populationOf(ctx: BuildContext): Entity[] {
  const kept = populations.get(ctx.scenario);
  if (kept !== undefined && kept.replication === ctx.replication) return kept.entities;
  const entities = planPopulation(ctx);
  populations.set(ctx.scenario, { replication: ctx.replication, entities });
  return entities;
}

/** Resolves the watched question once at a moment before the start, uniform over the delegation's life (warm-up.ts). */
function warm(ctx: BuildContext, world: World, node: ResolverNode, address: string, entity: RecursiveEntity, shard: number, query: Message, nsTtls: number[], latency: CheckedDistribution): void {
  const stream = ctx.stream('resolver', entity.index, 'shard', shard, 'warm-up');
  const phase = stream.next() * delegationLifetime(node.recursor, nsTtls);
  resolveAt(node.recursor, world.network, address, query, -phase, sampler(latency, stream));
}
