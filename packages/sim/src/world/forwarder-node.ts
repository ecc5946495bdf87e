/**
 * A forwarder: a cache with its own TTL bounds in front of another resolver (a home router, a
 * corporate DNS proxy, dnsmasq). Its clients' lookups arrive as a Poisson stream of rate Λ; as
 * with a resolver, only the first lookup after its cached answer expires is an event, and it is
 * passed on to the resolver behind it, which answers from its cache, joins its resolution in
 * flight or resolves (ResolverNode.forwardedLookup). The forwarder keeps the answer for the TTL
 * it was given, bounded by its own minimum and maximum; failures are not cached.
 */
import type { Engine, EventHandle } from '../engine/engine.ts';
import { sampler } from '../random/sampler.ts';
import { streamFor, type StreamPathComponent } from '../random/streams.ts';
import { AnswerClass } from './answer-class.ts';
import type { ChangeHorizon } from './change-horizon.ts';
import type { ForwardingClient, ResolverNode, ResolverObserver } from './resolver-node.ts';

export interface ForwarderOptions {
  /** The node's index in the observer's reports (shared with resolvers). */
  index: number;
  /** Names its random stream (under 'forwarder'); by default its index. */
  streamPath?: readonly StreamPathComponent[];
  seed: StreamPathComponent;
  /** Poisson rate of the lookups of the watched question reaching the forwarder, per second. */
  rate: number;
  /** Bounds on how long an answer is kept, seconds (dnsmasq: min-cache-ttl, max-cache-ttl). */
  ttl: { min: number; max: number };
  upstream: ResolverNode;
  /** Its first lookup comes Exp(Λ) after this time. */
  start?: number;
}

export class ForwarderNode implements ForwardingClient {
  readonly index: number;
  readonly rate: number;
  /** Lookups passed on to the resolver behind. */
  forwarded = 0;
  answerClass: AnswerClass | undefined;
  private readonly gaps: () => number;
  private readonly ttl: { min: number; max: number };
  private readonly upstream: ResolverNode;
  private neededFrom: number;
  /** When the lookup passed on now came. */
  private lookupAt: number;
  private lastClassChange = -Infinity;
  private event: EventHandle | undefined;

  constructor(
    opts: ForwarderOptions,
    private readonly world: { engine: Engine; observer: ResolverObserver; horizon: ChangeHorizon },
  ) {
    if (!(opts.rate > 0 && Number.isFinite(opts.rate))) throw new RangeError(`forwarder ${opts.index}: lookup rate must be > 0, got ${opts.rate}`);
    if (!(opts.ttl.min >= 0 && opts.ttl.max >= opts.ttl.min)) throw new RangeError(`forwarder ${opts.index}: TTL bounds must satisfy 0 ≤ min ≤ max, got ${opts.ttl.min}…${opts.ttl.max}`);
    this.index = opts.index;
    this.rate = opts.rate;
    this.ttl = opts.ttl;
    this.upstream = opts.upstream;
    this.gaps = sampler({ exponential: { mean: 1 / opts.rate } }, streamFor(opts.seed, 'forwarder', ...(opts.streamPath ?? [opts.index]), 'arrivals'));
    const start = opts.start ?? 0;
    this.neededFrom = start;
    this.lookupAt = start;
    this.event = world.engine.scheduleAt(start + this.gaps(), lookupDue, this);
  }

  /** The first lookup since the cached answer expired: pass it on. */
  lookup(now: number): void {
    this.event = undefined;
    this.forwarded++;
    this.lookupAt = now;
    this.upstream.forwardedLookup(this, now);
  }

  forwardedAnswer(cls: AnswerClass, ttl: number, now: number): void {
    if (cls !== this.answerClass) {
      // As for a resolver (ResolverNode.classFrom): no lookup came between the expiry and the one
      // passed on, and after the last world change in between one would have got this answer.
      let from = Math.max(this.neededFrom, this.lastClassChange);
      from = this.world.horizon.lastChangeIn(from, this.lookupAt) ?? from;
      this.answerClass = cls;
      this.lastClassChange = from;
      this.world.observer.answerClassChanged(this.index, cls, from);
    }
    const hold = cls === AnswerClass.Failed ? 0 : Math.min(this.ttl.max, Math.max(this.ttl.min, ttl));
    this.neededFrom = now + hold;
    if (this.event === undefined) this.event = this.world.engine.scheduleAt(this.neededFrom + this.gaps(), lookupDue, this);
  }
}

function lookupDue(node: ForwarderNode, now: number): void {
  node.lookup(now);
}
