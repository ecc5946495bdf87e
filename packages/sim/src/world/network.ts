/**
 * The in-memory network between resolvers and authoritative servers. Message objects cross it
 * as they are (no wire encoding); a query reaches its server after the "out" latency the sender
 * drew, the server answers at that moment from the state it is in then, and the reply arrives
 * after the "back" latency. The sender's timeout fires unless the reply came first.
 *
 * A server is reached by address. It can be up, stopped (it never replies: the timeout fires),
 * lame (REFUSED to everything, as a provider that deleted the zone) or moved to a new address
 * (its old address then reaches nothing: what breaks white-label glue).
 *
 * Each query that reaches a server is counted for its provider in the time bin of its arrival,
 * for the Result's `load`.
 */
import { makeResponse, Rcode, type Message } from '@cutover/resolver';
import type { Engine } from '../engine/engine.ts';
import { NO_EVENT, type EventHandle } from '../engine/engine.ts';
import type { ChangeHorizon } from './change-horizon.ts';

export type ServerState = 'up' | 'stopped' | 'lame';

/** An authoritative server as the network sees it. */
export interface Endpoint {
  address: string;
  /** Index of the provider (or registry) the server belongs to, for load counting. */
  readonly provider: number;
  state: ServerState;
  /** The server's answer to `query` arriving at `now` from `client`, when it is up. */
  respond(query: Message, now: number, client: string): Message;
}

/** Whoever sent a query: told once, with the reply or with undefined for a timeout. */
export interface NetworkClient {
  receive(exchange: Exchange, now: number): void;
}

/** One query in flight and what became of it. */
export interface Exchange {
  readonly client: NetworkClient;
  readonly from: string;
  readonly to: string;
  /** The sender's correlation number (the resolution's `ref`). */
  readonly ref: number;
  readonly query: Message;
  readonly back: number;
  /** Provider of the server that received the query; -1 when nothing listens at `to`. */
  provider: number;
  reply: Message | undefined;
  settled: boolean;
  timeoutEvent: EventHandle;
}

/** Query counts per provider in fixed time bins. */
export class LoadCounter {
  private readonly counts: Float64Array[] = [];

  constructor(
    /** Bin width in seconds. */
    readonly bin: number,
    /** Number of bins; queries after the last bin are not counted. */
    readonly bins: number,
  ) {
    if (!(bin > 0)) throw new RangeError(`load bin width must be > 0, got ${bin}`);
  }

  /** Adds `n` queries arriving at provider `provider` at time `t`. */
  add(provider: number, t: number, n = 1): void {
    const index = Math.floor(t / this.bin);
    if (provider < 0 || index < 0 || index >= this.bins) return;
    this.series(provider)[index]! += n;
  }

  /** Queries per bin for `provider` (a live view; zeros for a provider that got none). */
  series(provider: number): Float64Array {
    while (this.counts.length <= provider) this.counts.push(new Float64Array(this.bins));
    return this.counts[provider]!;
  }
}

export class Network {
  private readonly endpoints = new Map<string, Endpoint>();
  /** The provider of the last server at each address, kept after it moves away: cached data keeps its origin. */
  private readonly lastProvider = new Map<string, number>();

  constructor(
    private readonly engine: Engine,
    private readonly horizon: ChangeHorizon,
    readonly load: LoadCounter,
  ) {}

  /** Puts a server on the network at its address. */
  attach(endpoint: Endpoint): void {
    if (this.endpoints.has(endpoint.address)) throw new NetworkError(`two servers at address ${endpoint.address}`);
    this.endpoints.set(endpoint.address, endpoint);
    this.lastProvider.set(endpoint.address, endpoint.provider);
  }

  endpoint(address: string): Endpoint | undefined {
    return this.endpoints.get(address);
  }

  /**
   * Provider index of the server at `address`, or of the last one there if it has moved away
   * (the data a resolver cached from it is still that provider's); -1 for an address no server
   * ever had.
   */
  providerAt(address: string): number {
    return this.lastProvider.get(address) ?? -1;
  }

  /** Sets a server's state now (announced as a world change). */
  setState(address: string, state: ServerState): void {
    const endpoint = this.endpoints.get(address);
    if (endpoint === undefined) throw new NetworkError(`no server at address ${address}`);
    this.horizon.announce(this.engine.now, this.engine.now, endpoint.provider);
    endpoint.state = state;
  }

  /** Moves the server at `from` to address `to` now (announced as a world change). */
  move(from: string, to: string): void {
    const endpoint = this.endpoints.get(from);
    if (endpoint === undefined) throw new NetworkError(`no server at address ${from}`);
    if (this.endpoints.has(to)) throw new NetworkError(`cannot move ${from} to ${to}: a server is there`);
    this.horizon.announce(this.engine.now, this.engine.now, endpoint.provider);
    this.endpoints.delete(from);
    endpoint.address = to;
    this.endpoints.set(to, endpoint);
    this.lastProvider.set(to, endpoint.provider);
  }

  /**
   * Sends `query` from `from` to `to`. The client hears back exactly once: the reply after
   * `out + back` seconds when the server is up or lame and that is within `timeout`, else a
   * timeout after `timeout` seconds.
   */
  send(client: NetworkClient, from: string, to: string, ref: number, query: Message, timeout: number, out: number, back: number): void {
    const exchange: Exchange = { client, from, to, ref, query, back, provider: -1, reply: undefined, settled: false, timeoutEvent: NO_EVENT };
    exchange.timeoutEvent = this.engine.scheduleAfter(timeout, timeOut, exchange);
    if (this.endpoints.has(to)) this.engine.scheduleAfter(out, this.arrive, exchange);
  }

  /**
   * What the server at `to` would answer `query` at time `at` (undefined: no reply). Used to
   * replay, at the moment it would have happened, a refresh that had been skipped; the caller
   * guarantees that nothing in the world changed since `at`.
   */
  answerAt(from: string, to: string, query: Message, at: number): { reply: Message | undefined; provider: number } {
    const endpoint = this.endpoints.get(to);
    if (endpoint === undefined) return { reply: undefined, provider: -1 };
    return { reply: reply(endpoint, query, at, from), provider: endpoint.provider };
  }

  private readonly arrive = (exchange: Exchange, now: number): void => {
    const endpoint = this.endpoints.get(exchange.to);
    if (endpoint === undefined) return;
    exchange.provider = endpoint.provider;
    this.load.add(endpoint.provider, now);
    exchange.reply = reply(endpoint, exchange.query, now, exchange.from);
    if (exchange.reply !== undefined) this.engine.scheduleAfter(exchange.back, this.deliver, exchange);
  };

  private readonly deliver = (exchange: Exchange, now: number): void => {
    if (exchange.settled) return;
    exchange.settled = true;
    this.engine.cancel(exchange.timeoutEvent);
    exchange.client.receive(exchange, now);
  };
}

function reply(endpoint: Endpoint, query: Message, now: number, client: string): Message | undefined {
  switch (endpoint.state) {
    case 'up':
      return endpoint.respond(query, now, client);
    case 'lame':
      return makeResponse(query, Rcode.REFUSED);
    case 'stopped':
      return undefined;
  }
}

function timeOut(exchange: Exchange, now: number): void {
  if (exchange.settled) return;
  exchange.settled = true;
  exchange.reply = undefined;
  exchange.client.receive(exchange, now);
}

/** A network built wrongly: two servers at one address, a move to an address in use. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}
