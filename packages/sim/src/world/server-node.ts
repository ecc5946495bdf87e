/**
 * Authoritative servers and who runs them. A `ServerNode` answers with a real `Authority` from the
 * zone versions it holds. A `Provider` is a set of servers serving copies of its zones: a change
 * becomes a new zone version (zones are immutable values) that reaches each server after that
 * server's own delay, so the change is PENDING until every server has it (INSYNC), as Route 53
 * reports. A `Registry` (root, TLD) is a provider whose changes are a registrar's submissions,
 * published after the registry's own delay.
 *
 * Every change is announced to the change horizon when it is decided, so resolvers never skip a
 * refresh across it.
 */
import { Authority, type AuthorityOptions, type Message, type Name, type Zone, type ZoneChanges } from '@cutover/resolver';
import type { Engine } from '../engine/engine.ts';
import type { ChangeHorizon } from './change-horizon.ts';
import type { Endpoint, Network, ServerState } from './network.ts';

/** A new version of one zone: edits to apply, or a function from the old version to the new. */
export type ZoneEdit = ZoneChanges | ((zone: Zone) => Zone);

export class ServerNode implements Endpoint {
  state: ServerState = 'up';
  private readonly authority: Authority;
  private readonly held = new Map<Name, Zone>();
  private readonly versions = new Map<Name, number>();

  constructor(
    /** The server's host name (an NS target), for messages and white-label checks. */
    readonly host: Name,
    public address: string,
    readonly provider: number,
    zones: readonly Zone[],
    options: AuthorityOptions = {},
  ) {
    for (const zone of zones) this.held.set(zone.origin, zone);
    this.authority = new Authority([...this.held.values()], options);
  }

  respond(query: Message, now: number, client: string): Message {
    return this.authority.answer(query, { now, client });
  }

  /** The version of `origin` this server serves now. */
  zone(origin: Name): Zone | undefined {
    return this.held.get(origin);
  }

  /**
   * Starts serving `zone` in place of the version of the same origin it had (or in addition).
   * Versions are numbered in publication order; a version older than the one held is ignored, so
   * a slow propagation never rolls a server back.
   */
  load(zone: Zone, version: number): void {
    if ((this.versions.get(zone.origin) ?? -1) > version) return;
    this.versions.set(zone.origin, version);
    this.held.set(zone.origin, zone);
    this.authority.setZones([...this.held.values()]);
  }
}

export type SyncStatus = 'PENDING' | 'INSYNC';

interface Propagation {
  server: ServerNode;
  zone: Zone;
  version: number;
}

export class Provider {
  /** The newest version of each zone, whether or not every server has it yet. */
  private readonly latest = new Map<Name, Zone>();
  /** Time at which the last change reaches its last server. */
  private insyncAt = 0;
  private versionCount = 0;

  constructor(
    readonly name: string,
    /** Index used by the network's load counter. */
    readonly index: number,
    readonly servers: readonly ServerNode[],
    zones: readonly Zone[],
    private readonly engine: Engine,
    private readonly horizon: ChangeHorizon,
    /** Draws one server's propagation delay in seconds (Route 53: up to about 60 s). */
    private readonly propagationDelay: () => number,
  ) {
    for (const zone of zones) this.latest.set(zone.origin, zone);
    for (const server of servers) {
      if (server.provider !== index) throw new RangeError(`server ${server.host} belongs to provider ${server.provider}, not ${index} (${name})`);
    }
  }

  /** The newest version of `origin` (what the provider's console shows). */
  zone(origin: Name): Zone | undefined {
    return this.latest.get(origin);
  }

  /** PENDING while some server does not have the newest version yet. */
  status(now: number): SyncStatus {
    return now < this.insyncAt ? 'PENDING' : 'INSYNC';
  }

  /**
   * Makes a new version of `origin` now; each server loads it after its own delay. Returns the
   * time at which the last server has it.
   */
  change(origin: Name, edit: ZoneEdit): number {
    const current = this.latest.get(origin);
    if (current === undefined) throw new RangeError(`provider ${this.name} serves no zone ${origin}`);
    const next = typeof edit === 'function' ? edit(current) : current.withChanges(edit);
    return this.publish(next);
  }

  /** Adds a zone (creating a hosted zone) or replaces one wholesale; servers load it after their delays. */
  publish(zone: Zone): number {
    this.latest.set(zone.origin, zone);
    const now = this.engine.now;
    let last = now;
    const version = ++this.versionCount;
    for (const server of this.servers) {
      const at = now + Math.max(0, this.propagationDelay());
      last = Math.max(last, at);
      this.horizon.announce(at, now, this.index);
      const propagation: Propagation = { server, zone, version };
      this.engine.scheduleAt(at, loadVersion, propagation);
    }
    this.insyncAt = Math.max(this.insyncAt, last);
    return last;
  }

  /** Sets the state of every server of the provider at time `at` (decommissioning: stopped or lame). */
  scheduleState(network: Network, state: ServerState, at: number): void {
    for (const server of this.servers) scheduleServerState(this.engine, this.horizon, network, server, state, at);
  }
}

/** Changes one server's state at `at`, announcing the change now. */
export function scheduleServerState(engine: Engine, horizon: ChangeHorizon, network: Network, server: ServerNode, state: ServerState, at: number): void {
  horizon.announce(at, engine.now, server.provider);
  engine.scheduleAt(at, applyState, { network, server, state });
}

/** Moves one server to a new address at `at`, announcing the change now. */
export function scheduleServerMove(engine: Engine, horizon: ChangeHorizon, network: Network, server: ServerNode, to: string, at: number): void {
  horizon.announce(at, engine.now, server.provider);
  engine.scheduleAt(at, applyMove, { network, server, to });
}

function loadVersion(p: Propagation): void {
  p.server.load(p.zone, p.version);
}

function applyState(arg: { network: Network; server: ServerNode; state: ServerState }): void {
  arg.network.setState(arg.server.address, arg.state);
}

function applyMove(arg: { network: Network; server: ServerNode; to: string }): void {
  arg.network.move(arg.server.address, arg.to);
}

/**
 * A registry (the root, a TLD): a provider of the parent zones whose changes are a registrar's
 * submissions, published after the registry's own delay (.com: under 5 min on average).
 */
export class Registry {
  constructor(
    readonly provider: Provider,
    private readonly engine: Engine,
    private readonly horizon: ChangeHorizon,
    /** Draws the delay between a submission and its publication, seconds. */
    private readonly publicationDelay: () => number,
  ) {}

  /**
   * Takes a registrar's submission now and publishes it after the registry's delay; the edit is
   * applied to the version current at publication. Returns the publication time.
   */
  submit(origin: Name, edit: ZoneEdit): number {
    if (this.provider.zone(origin) === undefined) throw new RangeError(`registry ${this.provider.name} serves no zone ${origin}`);
    const at = this.engine.now + Math.max(0, this.publicationDelay());
    // The servers' own delays are drawn at publication; the publication itself is announced now.
    this.horizon.announce(at, this.engine.now, this.provider.index);
    this.engine.scheduleAt(at, publishSubmission, { provider: this.provider, origin, edit });
    return at;
  }
}

function publishSubmission(s: { provider: Provider; origin: Name; edit: ZoneEdit }): void {
  s.provider.change(s.origin, s.edit);
}
