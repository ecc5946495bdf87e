/**
 * The runtime a scenario builder assembles: the engine, the change horizon, the network with its
 * load counter, the metrics, and the providers, registries and resolvers added to them. It holds
 * no policy of its own; each part is in its own file.
 */
import type { AuthorityOptions, Name, Zone } from '@cutover/resolver';
import { Engine } from '../engine/engine.ts';
import type { AnswerClass } from './answer-class.ts';
import { ChangeHorizon } from './change-horizon.ts';
import { Metrics } from './metrics.ts';
import { LoadCounter, Network } from './network.ts';
import { ForwarderNode, type ForwarderOptions } from './forwarder-node.ts';
import { ResolverNode, type ResolverNodeOptions } from './resolver-node.ts';
import { Provider, Registry, ServerNode } from './server-node.ts';

export interface WorldOptions {
  /** Seconds simulated. */
  horizon: number;
  /** Width of the result's time bins, seconds. */
  bin: number;
}

export interface ServerSpec {
  host: Name;
  address: string;
}

export class World {
  readonly engine = new Engine();
  readonly horizon = new ChangeHorizon();
  readonly network: Network;
  readonly metrics: Metrics;
  readonly providers: Provider[] = [];
  readonly resolvers: ResolverNode[] = [];
  readonly forwarders: ForwarderNode[] = [];
  /** Indices in the metrics are shared by resolvers and forwarders. */
  private nodes = 0;
  readonly end: number;

  constructor(opts: WorldOptions) {
    if (!(opts.horizon > 0)) throw new RangeError(`world horizon must be > 0 s, got ${opts.horizon}`);
    const bins = Math.ceil(opts.horizon / opts.bin);
    this.end = opts.horizon;
    this.network = new Network(this.engine, this.horizon, new LoadCounter(opts.bin, bins));
    this.metrics = new Metrics(opts.bin, bins);
    // The end of the run bounds every skip plan, so none draws refreshes past it.
    this.horizon.announce(this.end, 0);
  }

  /**
   * Adds a provider (or the servers of a registry): servers serving `zones`, each applying a
   * later change after its own delay drawn from `propagationDelay`.
   */
  addProvider(name: string, servers: readonly ServerSpec[], zones: readonly Zone[], propagationDelay: () => number = () => 0, authority: AuthorityOptions = {}): Provider {
    const index = this.providers.length;
    const nodes = servers.map((s) => new ServerNode(s.host, s.address, index, zones, authority));
    const provider = new Provider(name, index, nodes, zones, this.engine, this.horizon, propagationDelay);
    for (const node of nodes) this.network.attach(node);
    this.providers.push(provider);
    return provider;
  }

  /** Makes a provider a registry that publishes submissions after `publicationDelay`. */
  registry(provider: Provider, publicationDelay: () => number = () => 0): Registry {
    return new Registry(provider, this.engine, this.horizon, publicationDelay);
  }

  /** Adds a resolver. */
  addResolver(opts: Omit<ResolverNodeOptions, 'index'>): ResolverNode {
    const index = this.nodes++;
    this.metrics.register(index, opts.rate, opts.profile.name);
    const node = new ResolverNode({ ...opts, index }, this.parts());
    this.resolvers.push(node);
    return node;
  }

  /**
   * Adds a public resolver of `shards` independent caches, each client lookup landing on a
   * shard chosen uniformly. A Poisson stream split at random is `shards` independent Poisson
   * streams of rate Λ/K (thinning), so each shard is a resolver node of its own with that rate
   * and its own random streams; together they count as one resolver in the resolver shares.
   */
  addPublicResolver(opts: Omit<ResolverNodeOptions, 'index'>, shards: number): ResolverNode[] {
    if (!(Number.isInteger(shards) && shards >= 1)) throw new RangeError(`a public resolver needs a whole number of shards ≥ 1, got ${shards}`);
    const first = this.nodes;
    const nodes: ResolverNode[] = [];
    for (let k = 0; k < shards; k++) {
      const index = this.nodes++;
      const rate = opts.rate / shards;
      this.metrics.register(index, rate, opts.profile.name, 1 / shards);
      const node = new ResolverNode({ ...opts, rate, index, streamPath: [...(opts.streamPath ?? ['public', first]), 'shard', k] }, this.parts());
      this.resolvers.push(node);
      nodes.push(node);
    }
    return nodes;
  }

  /**
   * Adds a forwarder in front of `opts.upstream`. It counts in the lookup shares under the
   * profile name `forwarder`, and not in the resolver shares (it holds no delegation).
   */
  addForwarder(opts: Omit<ForwarderOptions, 'index'>): ForwarderNode {
    const index = this.nodes++;
    this.metrics.register(index, opts.rate, 'forwarder', 0);
    opts.upstream.acceptForwarder();
    const node = new ForwarderNode({ ...opts, index }, { engine: this.engine, observer: this.metrics, horizon: this.horizon });
    this.forwarders.push(node);
    return node;
  }

  private parts() {
    const inSync = (provider: number, at: number): boolean => this.providers[provider]?.status(at) !== 'PENDING';
    return { engine: this.engine, network: this.network, horizon: this.horizon, observer: this.metrics, inSync };
  }

  /** Answer class of each provider's data, by provider index: a `classify` for resolvers. */
  classifier(classes: ReadonlyMap<Provider, AnswerClass>, otherwise: AnswerClass): (provider: number) => AnswerClass {
    const byIndex = new Map<number, AnswerClass>();
    for (const [provider, cls] of classes) byIndex.set(provider.index, cls);
    return (provider) => byIndex.get(provider) ?? otherwise;
  }

  /** Runs to the horizon, counts what the resolvers' last plans skipped, and closes the metrics. */
  run(): void {
    this.engine.runUntil(this.end);
    for (const node of this.resolvers) node.settle();
    this.metrics.finish(this.end);
  }
}
