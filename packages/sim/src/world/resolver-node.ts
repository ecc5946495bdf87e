/**
 * One recursive resolver in the simulation: a real `Recursor` (its own cache and profile) driven
 * by the engine over the in-memory network, watching one question that its clients ask as an
 * aggregate Poisson stream of rate Λ.
 *
 * Client lookups are not events. Between two resolutions every lookup is answered from the same
 * cached data, so only the first lookup after the cached answer stops being served (or enters
 * BIND's prefetch window) matters, and by memorylessness it comes Exp(Λ) after that moment. That
 * lookup starts a real resolution; lookups arriving while it runs join it (coalescing: one
 * resolution of the question at a time). The answer class the resolver gives (new provider's
 * data, old provider's, failed, stale) is therefore piecewise constant in time, and the node
 * reports its pieces to an observer.
 *
 * Skipping (docs/simulation.md): after a clean refresh (the same provider answered every query
 * and gave the same class, the watched answer stored anew, no other cache entry changed or
 * expired) the following refreshes that end before the next boundary and whose queries would
 * not time out would do exactly the same, so they are drawn but not run:
 * their arrival gaps and latencies are drawn from the same streams in the same order as real
 * refreshes would draw them (the iterator's randomness is derived per refresh, so they need none
 * of it), their queries are counted, and the last one's answer is stored in the cache before
 * the first refresh after the boundary runs for real. When a world change is announced inside a
 * plan, the plan is cut and the unused draws are given back, so the node behaves exactly as with
 * skipping off.
 *
 * Repeating (refresh-template.ts): the refresh after a plan's boundary usually re-learns what
 * expired (the NS set from the TLD) and does the same every time. When the cache is in the state
 * a recorded one began in and the world has not changed, it is repeated from its template (its
 * store calls made again at the new reply times) instead of run, and the clean refresh recorded
 * after it makes the next plan.
 *
 * Running ahead (docs/simulation.md): after a repeat, the node does at once what its following
 * refreshes would do at their times, while each would be a repeat of the same cycle, keeping an
 * undo log; a change announced for a moment it reached takes the later ones back. World changes
 * belong to providers, and only those of the providers a plan or a template asks end it.
 */
import {
  makeQuery,
  prefetchDue,
  Rank,
  Rcode,
  Recursor,
  RRType,
  selfAndAncestors,
  type CacheOrigin,
  type IterativeResolution,
  type Message,
  type Name,
  type PositiveEntry,
  type Profile,
  type ResolverAction,
  type RR,
  type RRset,
  type StoreCall,
} from '@cutover/resolver';
import type { Engine, EventHandle } from '../engine/engine.ts';
import { NO_EVENT } from '../engine/engine.ts';
import type { Distribution } from '../random/distribution.ts';
import { batchSampler } from '../random/sampler.ts';
import { streamFor, type StreamPathComponent } from '../random/streams.ts';
import { AnswerClass } from './answer-class.ts';
import { BufferedDraws } from './buffered-draws.ts';
import { refreshRandom } from './refresh-random.ts';
import {
  allLiveAt,
  lastReply,
  liveDelegations,
  MAX_CYCLES,
  NO_DELEGATIONS,
  liveList,
  makeTemplate,
  nothingExpires,
  sameRecords,
  sameStateAs,
  serversInterchangeable,
  snapshot,
  stillSameState,
  unwrittenLiveUntil,
  type CacheSnapshot,
  type Cycle,
  type RepeatInFlight,
  type RefreshTemplate,
} from './refresh-template.ts';
import { ANY_PROVIDER, inScope, type ChangeHorizon, type ChangeListener, type ChangeScope } from './change-horizon.ts';
import { emptyLink, MAX_AHEAD, UndoLog, type AheadLink, type Verified } from './run-ahead.ts';
import { answerTime, countPlanQueries, givePlanBack, MAX_PLANNED, plannedState, PlanSlots, type SkipPlan, type SkipSource } from './skip-plan.ts';
import type { Exchange, Network, NetworkClient } from './network.ts';

/** Where a node reports what its clients get and where its cached delegation points. */
export interface ResolverObserver {
  /** From `from` on, lookups at resolver `node` get answers of class `cls`. */
  answerClassChanged(node: number, cls: AnswerClass, from: number): void;
  /** From `from` on, the resolver's cached delegation of the watched zone points at `side` (Failed: none usable). */
  delegationSideChanged(node: number, side: AnswerClass, from: number): void;
}

export interface ResolverNodeOptions {
  /** The node's index: its name in the observer's reports. */
  index: number;
  /**
   * Names the node's random streams (under 'resolver'), e.g. ['entity', 17, 'shard', 2]; by
   * default its index. A name that does not depend on how many nodes were added before keeps
   * every node's draws unchanged when another is added.
   */
  streamPath?: readonly StreamPathComponent[];
  /** The replication's seed. */
  seed: StreamPathComponent;
  /** The resolver's own address (server cookies are bound to it). */
  address: string;
  profile: Profile;
  rootHints: RR[];
  /** The watched question; `zone` is the zone being migrated, whose delegation the node reports. */
  watch: { name: Name; type: number; zone: Name };
  /** Resolver-side Poisson rate of client lookups of the watched question, per second (> 0). */
  rate: number;
  /** One-way latency of every link from this resolver, seconds, drawn per direction per query. */
  latency: Distribution;
  /** Answer class of data served by provider `provider` (a network provider index). */
  classify: (provider: number) => AnswerClass;
  /** Whether clean refreshes may be skipped (default true). */
  skip?: boolean;
  /** Time of the node's start: its first lookup comes Exp(Λ) after it, into an empty cache. */
  start?: number;
}

export interface ResolverWorld {
  engine: Engine;
  network: Network;
  horizon: ChangeHorizon;
  observer: ResolverObserver;
  /** Whether every server of provider `provider` serves the same zone versions at `at` (Route 53's INSYNC). */
  inSync?: (provider: number, at: number) => boolean;
}

/** Whether scope `a` names the providers `b[0, count)`, in that order. */
function sameScope(a: ChangeScope, b: readonly number[], count: number): boolean {
  if (a === undefined || a.length !== count) return false;
  for (let i = 0; i < count; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A cache in front of this resolver (a forwarder), told the answer to a lookup it passed on. */
export interface ForwardingClient {
  /** The answer's class and the TTL the resolver gave with it (0 for a failure). */
  forwardedAnswer(cls: AnswerClass, ttl: number, now: number): void;
}

/** What a refresh did, to decide whether it was clean. */
interface RefreshRecord {
  /** When the lookup that started it came. */
  start: number;
  queries: number;
  timeouts: number;
  /** Replies that refused the question or failed it (REFUSED, SERVFAIL, …): not an answer to repeat. */
  rejected: number;
  /** The timeout of each query, in order (kept when skipping: a skipped query slower than it would have timed out). */
  limits: number[] | undefined;
  /** Provider of every server that answered; -2 when they differ. */
  provider: number;
  classBefore: AnswerClass | undefined;
  /** The live cache entries when the refresh began, to see whether it changed any. */
  before: PositiveEntry[] | undefined;
  /** The live entries by position, and a parent-centric resolver's delegations, when the refresh is recorded (refresh-template.ts). */
  beforeState: { cache: CacheSnapshot; delegations: ReadonlyMap<Name, PositiveEntry> } | undefined;
  /** The answer came from the cache while the refresh went on (BIND prefetch). */
  prefetched: boolean;
  /** The client's answer, unless prefetched. */
  response: Message | undefined;
  /** Per query event, in order: the provider that answered (−1: timeout). */
  providers: number[];
  /** The replies, for the NS sets and glue they carried. */
  replies: Message[];
  /** The store calls it made, tagged with the reply they followed; undefined when not recorded. */
  stores: { reply: number; call: StoreCall }[] | undefined;
  /** No negative answer, remembered SERVFAIL or skipped server was live when it began. */
  quiet: boolean;
}

export class ResolverNode implements NetworkClient, ChangeListener {
  readonly index: number;
  readonly recursor: Recursor;
  readonly rate: number;
  /** Refreshes (resolutions caused by a lookup), run and skipped. */
  refreshes = 0;
  /** Refreshes skipped. */
  skipped = 0;
  /** Skipped refreshes run late, as of their own time, because a change was announced for the moment it happened. */
  replayed = 0;
  /** Refreshes repeated from a template instead of run (refresh-template.ts). */
  repeated = 0;
  /** Repeats run ahead of the clock, and how many of them a change announced later took back. */
  ranAhead = 0;
  takenBack = 0;
  /** Answer class now; undefined before the first answer. */
  answerClass: AnswerClass | undefined;
  delegationSide: AnswerClass | undefined;
  private lastClassChange = -Infinity;

  private readonly engine: Engine;
  private readonly network: Network;
  private readonly horizon: ChangeHorizon;
  private readonly observer: ResolverObserver;
  private readonly query: Message;
  private readonly watch: { name: Name; type: number; zone: Name };
  private readonly classify: (provider: number) => AnswerClass;
  private readonly skipping: boolean;
  private readonly address: string;
  private readonly gaps: BufferedDraws;
  private readonly latencies: BufferedDraws;
  /** Seeds the iterator's randomness of each refresh (refresh-random.ts). */
  private readonly iteratorSeed: number;
  private iteratorRandom: () => number;

  private resolution: IterativeResolution | undefined;
  /** Forwarders waiting for the resolution in flight. */
  private readonly waiting: ForwardingClient[] = [];
  private record: RefreshRecord | undefined;
  private refreshEvent: EventHandle = NO_EVENT;
  /** When the lookups now waiting began to need a resolution: the new answer's class applies from here. */
  private neededFrom: number;
  private plan: SkipPlan | undefined;
  private readonly inSync: (provider: number, at: number) => boolean;
  /** Forwarders pass lookups on to this node: it then never repeats a refresh from a template. */
  private servesForwarders = false;
  /** The last real refresh, when it may be repeated; a clean refresh right after it makes a cycle. */
  private pendingTemplate: RefreshTemplate | undefined;
  /** The node's cycles, most recently used first: a node alternates between a few (its NS set expires alone, or with its servers' addresses, …). */
  private readonly cycles: Cycle[] = [];
  private repeat: RepeatInFlight | undefined;
  /**
   * After a repeat, while no real refresh has run since: its cycle, whose template's state the
   * cache was in, and the earliest expiry among the entries the template does not store to
   * (refresh-template.ts, stillSameState).
   */
  private verified: Verified | undefined;
  /** Refreshes run ahead of the clock (the `aheadCount` first of `aheadLinks`), and when the one after them comes. */
  private readonly aheadLinks: AheadLink[] = [];
  private aheadCount = 0;
  private aheadUntil = 0;
  /** What the stores run ahead replaced, to take them back (empty unless refreshes run ahead stand undecided). */
  private readonly aheadUndo = new UndoLog();
  private runningAhead = false;
  /** One arrival gap to give back. */
  private readonly gapBack = new Float64Array(1);
  /** The watched answer after a repeat, as makePlan takes it. */
  private readonly repeatAnswer: PositiveEntry[] = [];
  /** The node's plan buffers (skip-plan.ts). */
  private readonly planSlots = new PlanSlots();
  /** The cache's TTL at `at` of an entry expiring at `expires`, and need moments, as plannedState takes them. */
  private readonly remainingAt = (expires: number, at: number): number => this.recursor.cache.remaining({ expires }, at);
  private readonly needMomentOf = (expires: number, ttl: number): number => this.needMoment(expires, ttl);
  /** The change scope of the last plan made (boundary), and a buffer for working it out. */
  private planScope: ChangeScope;
  private readonly scopeBuffer: number[] = [];
  /** Index of the query event the resolution is handling, for tagging its store calls. */
  private replyIndex = -1;
  private readonly listenStores = (call: StoreCall): void => {
    this.record?.stores?.push({ reply: this.replyIndex, call });
  };

  constructor(opts: ResolverNodeOptions, world: ResolverWorld) {
    if (!(opts.rate > 0 && Number.isFinite(opts.rate))) throw new RangeError(`resolver ${opts.index}: lookup rate must be > 0, got ${opts.rate}`);
    this.index = opts.index;
    this.rate = opts.rate;
    this.engine = world.engine;
    this.network = world.network;
    this.horizon = world.horizon;
    this.observer = world.observer;
    this.watch = opts.watch;
    this.classify = opts.classify;
    this.skipping = opts.skip ?? true;
    this.address = opts.address;
    this.inSync = world.inSync ?? (() => true);
    const path = ['resolver', ...(opts.streamPath ?? [opts.index])];
    const mean = 1 / opts.rate;
    this.gaps = new BufferedDraws(batchSampler({ exponential: { mean } }, streamFor(opts.seed, ...path, 'arrivals')));
    this.latencies = new BufferedDraws(batchSampler(opts.latency, streamFor(opts.seed, ...path, 'latency')));
    this.iteratorSeed = Math.floor(streamFor(opts.seed, ...path, 'iterator').next() * 4294967296);
    this.iteratorRandom = refreshRandom(this.iteratorSeed, -1);
    const random = (): number => this.iteratorRandom();
    this.recursor = new Recursor({ rootHints: opts.rootHints, profile: opts.profile, random, trace: false });
    this.query = makeQuery(0, opts.watch.name, opts.watch.type, { rd: true });
    const start = opts.start ?? 0;
    this.neededFrom = start;
    this.scheduleRefresh(start + this.gaps.next());
    world.horizon.subscribe(this);
  }

  // ---- running a refresh -------------------------------------------------------------------

  private scheduleRefresh(at: number): void {
    this.refreshEvent = this.engine.scheduleAt(at, refreshDue, this);
  }

  /** The first lookup after the answer stopped being served has come: resolve. */
  refreshNow(now: number): void {
    this.refreshEvent = NO_EVENT;
    this.endAhead();
    this.endPlan();
    if (this.cycles.length > 0 && this.startRepeat(now)) return;
    this.begin(now, true);
    this.drive(this.resolution!.start(now), now);
  }

  /** A forwarder now passes lookups on to this node. */
  acceptForwarder(): void {
    this.servesForwarders = true;
    this.cycles.length = 0;
    this.verified = undefined;
    this.pendingTemplate = undefined;
  }

  /** Starts a refresh; `recorded`: its store calls are kept, so that it may become a template. */
  private begin(now: number, recorded: boolean): void {
    this.iteratorRandom = refreshRandom(this.iteratorSeed, this.refreshes);
    this.refreshes++;
    this.verified = undefined;
    const cache = this.recursor.cache;
    const record = recorded && this.skipping && !this.servesForwarders;
    this.replyIndex = -1;
    this.record = {
      start: now,
      queries: 0,
      timeouts: 0,
      rejected: 0,
      limits: this.skipping ? [] : undefined,
      provider: -1,
      classBefore: this.answerClass,
      before: undefined,
      beforeState: undefined,
      prefetched: false,
      response: undefined,
      providers: [],
      replies: [],
      stores: record ? [] : undefined,
      quiet: record && !this.failingOrSkipping(now),
    };
    if (record) {
      const state = { cache: snapshot(cache, now), delegations: liveDelegations(this.recursor, this.watch.name, now) };
      this.record.beforeState = state;
      this.record.before = liveList(state);
    } else if (this.skipping) this.record.before = this.liveEntries(now);
    cache.storeListener = record ? this.listenStores : undefined;
    this.resolution = this.recursor.resolve(this.query, now);
  }

  private drive(actions: ResolverAction[], now: number): void {
    const record = this.record!;
    for (const action of actions) {
      if (action.kind === 'answer') {
        record.response = action.response;
        continue;
      }
      record.queries++;
      record.limits?.push(action.timeout);
      const out = this.latencies.next();
      const back = this.latencies.next();
      this.network.send(this, this.address, action.to, action.ref, action.query, action.timeout, out, back);
    }
    const resolution = this.resolution!;
    if (record.response !== undefined && !resolution.done && record.queries > 0) record.prefetched = true;
    if (resolution.done) this.finish(now);
  }

  receive(exchange: Exchange, now: number): void {
    const resolution = this.resolution;
    if (resolution === undefined) return;
    const record = this.record!;
    this.replyIndex = record.providers.length;
    if (exchange.reply === undefined) {
      record.timeouts++;
      record.providers.push(-1);
      this.drive(resolution.handle({ kind: 'timeout', ref: exchange.ref }, now), now);
      return;
    }
    record.providers.push(exchange.provider);
    record.replies.push(exchange.reply);
    if (record.provider === -1) record.provider = exchange.provider;
    else if (record.provider !== exchange.provider) record.provider = -2;
    if (isRejection(exchange.reply)) record.rejected++;
    this.drive(resolution.handle({ kind: 'response', ref: exchange.ref, message: exchange.reply }, now), now);
  }

  /** The resolution ended at `now`: classify, report, and time the next refresh. */
  private finish(now: number): void {
    const record = this.record!;
    this.resolution = undefined;
    this.record = undefined;
    this.recursor.cache.storeListener = undefined;
    const watched = this.watchedEntries(record, now);
    const cls = this.classOf(record, watched, now);
    this.setClass(cls, record.prefetched ? now : this.classFrom(cls, record.start));
    this.setSide(now);
    const needAt = Math.max(this.nextNeed(cls, watched, now), now);
    this.neededFrom = needAt;
    if (this.waiting.length > 0) this.answerWaiting(cls, record, now);
    const next = needAt + this.gaps.next();
    const clean = this.skipping && this.isClean(record, cls, watched, now);
    if (this.skipping) this.noteCycle(record, cls, watched, clean, now);
    if (clean) this.scheduleRefresh(this.makePlan(skipSourceOf(record), watched, now, next, 0));
    else this.scheduleRefresh(next);
  }

  // ---- what the clients got ----------------------------------------------------------------

  /** The cached RRsets the answer was made of (CNAME links and the final RRset), live or stale. */
  private watchedEntries(record: RefreshRecord, now: number): PositiveEntry[] {
    const cache = this.recursor.cache;
    const out: PositiveEntry[] = [];
    const response = record.prefetched ? undefined : record.response;
    if (response !== undefined) {
      if (response.rcode !== Rcode.NOERROR) return out;
      const seen = new Set<string>();
      for (const rr of response.answer) {
        const key = `${rr.name}|${rr.type}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = cache.getStale(rr.name, rr.type, now);
        if (entry !== undefined) out.push(entry);
      }
      return out;
    }
    // A prefetch: the refreshed chain, followed through the cache.
    let name = this.watch.name;
    for (let links = 0; links <= this.recursor.limits.maxCnameLinks; links++) {
      const entry = cache.getStale(name, this.watch.type, now);
      if (entry !== undefined) {
        out.push(entry);
        return out;
      }
      const cname = cache.getStale(name, RRType.CNAME, now);
      if (cname === undefined) return out;
      out.push(cname);
      name = cname.rrset.data[0] as string;
    }
    return out;
  }

  private classOf(record: RefreshRecord, watched: PositiveEntry[], now: number): AnswerClass {
    const response = record.prefetched ? undefined : record.response;
    if (response !== undefined && (response.rcode !== Rcode.NOERROR || response.answer.length === 0)) return AnswerClass.Failed;
    const final = watched[watched.length - 1];
    if (final === undefined || final.rrset.type !== this.watch.type) return AnswerClass.Failed;
    if (this.recursor.cache.remaining(final, now) < 0) return AnswerClass.Stale;
    const provider = final.server === undefined ? -1 : this.network.providerAt(final.server);
    if (provider < 0) throw new Error(`resolver ${this.index}: cached answer from ${final.server ?? 'nowhere'}, which no server ever had`);
    return this.classify(provider);
  }

  /**
   * From when the class `cls` of a resolution started at `start` applies. The lookups waiting for
   * it began to need it at `neededFrom`, but by the construction of the refresh times none came
   * before `start`: the span [neededFrom, start) is credited with what a lookup there would have
   * got. With no world change in it, the same answer as at `start`; after the last world change
   * in it, likewise; before that change the world was another, so the previous class holds (and
   * before a node's first answer, none: its lookups there are not counted).
   */
  private classFrom(cls: AnswerClass, start: number): number {
    const from = Math.max(this.neededFrom, this.lastClassChange);
    if (cls === this.answerClass) return from;
    return this.horizon.lastChangeIn(from, start) ?? from;
  }

  private setClass(cls: AnswerClass, from: number): void {
    if (cls === this.answerClass) return;
    this.answerClass = cls;
    this.lastClassChange = from;
    this.observer.answerClassChanged(this.index, cls, from);
  }

  /** Which provider the resolver's cached delegation for the watched zone points at now. */
  private setSide(now: number): void {
    const cut = this.recursor.findCut(this.watch.name, now);
    let side: AnswerClass = AnswerClass.Failed;
    if (cut !== undefined && cut.zone === this.watch.zone) {
      for (const addresses of cut.addresses.values()) {
        const provider = addresses.length > 0 ? this.network.providerAt(addresses[0]!) : -1;
        if (provider >= 0) {
          side = this.classify(provider);
          break;
        }
      }
    }
    if (side === this.delegationSide) return;
    this.delegationSide = side;
    this.observer.delegationSideChanged(this.index, side, now);
  }

  /**
   * The moment from which a lookup needs a resolution again: the answer stops being served, or
   * enters the prefetch window; a cached negative answer expires; a remembered SERVFAIL ends; at
   * once after any other failure or a stale answer (each lookup tries again).
   */
  private nextNeed(cls: AnswerClass, watched: PositiveEntry[], now: number): number {
    const cache = this.recursor.cache;
    if (cls === AnswerClass.Failed || cls === AnswerClass.Stale) {
      const { name, type } = this.watch;
      if (cache.hasServfail(name, type, now)) return now + this.recursor.profile.failure.servfailTtl;
      const negative = cache.getNegative(name, type, now);
      return negative === undefined ? now : this.needMoment(negative.expires, 0);
    }
    let need = Infinity;
    for (const entry of watched) need = Math.min(need, this.needMoment(entry.expires, entry.ttl));
    return need === Infinity ? now : need;
  }

  /** For an entry expiring at `expires` with lifetime `ttl`: when a lookup first needs a resolution. */
  private needMoment(expires: number, ttl: number): number {
    const policy = this.recursor.cache.policy;
    const prefetch = policy.prefetch;
    // remainingTtl(): served while expires − floor(now) > 0, or ≥ 0 for serve-zero.
    const end = policy.expiry === 'serve-zero' ? expires + 1 : expires;
    if (prefetch !== undefined && ttl >= prefetch.eligible) return Math.min(end, expires - prefetch.trigger);
    return end;
  }

  // ---- repeating a refresh (refresh-template.ts) --------------------------------------------

  /**
   * After a real refresh: a refresh that may be repeated waits for the next one; if that one is
   * clean, the two make the node's cycle.
   */
  private noteCycle(record: RefreshRecord, cls: AnswerClass, watched: PositiveEntry[], clean: boolean, now: number): void {
    const pending = this.pendingTemplate;
    this.pendingTemplate = clean ? undefined : this.templateOf(record, cls, watched, now);
    if (clean && pending !== undefined) {
      this.cycles.unshift({ template: pending, clean: skipSourceOf(record) });
      if (this.cycles.length > MAX_CYCLES) this.cycles.pop();
    }
  }

  /**
   * The template of a refresh that ended at `now`, or undefined unless it can be repeated: it was
   * recorded, began quiet (no negative answer, remembered SERVFAIL or skipped server) and without
   * the watched answer live, got a reply to every query from servers whose providers were in
   * sync, stored its own answer of an unchanged class, read nothing that expired while it ran,
   * and could have asked any other server of its cuts alike.
   */
  private templateOf(record: RefreshRecord, cls: AnswerClass, watched: PositiveEntry[], now: number): RefreshTemplate | undefined {
    const state = record.beforeState;
    if (state === undefined || record.stores === undefined || !record.quiet) return undefined;
    if (!answeredAlike(record, cls) || record.prefetched) return undefined;
    if (watched.length !== 1 || watched[0]!.storedAt < record.start) return undefined;
    const cache = this.recursor.cache;
    if (!allLiveAt(cache, state.cache.live, now) || !allLiveAt(cache, state.delegations.values(), now)) return undefined;
    for (const provider of record.providers) if (provider < 0 || !this.inSync(provider, record.start)) return undefined;
    if (!serversInterchangeable(this.recursor, this.network, record.replies, this.watch.name, now)) return undefined;
    return makeTemplate(
      { start: record.start, providers: record.providers, limits: record.limits!, before: state.cache, delegations: state.delegations, cls, side: this.delegationSide },
      record.stores,
      cache,
      this.watch,
    );
  }

  /**
   * At a boundary, in place of a real refresh: repeats the template of a cycle when the live
   * cache is as it was then, nothing failed or was skipped since, and with the latencies drawn
   * now no query times out, nothing it read expires before it ends and the world does not change
   * between the template's start and its end. Returns false (draws given back) otherwise.
   */
  private startRepeat(now: number): boolean {
    const cache = this.recursor.cache;
    if (this.failingOrSkipping(now)) return false;
    const delegations = liveDelegations(this.recursor, this.watch.name, now);
    const cycles = this.cycles;
    const verified = this.verified;
    this.verified = undefined;
    // Right after a repeat of the first cycle, its state holds but where the template stores.
    if (verified !== undefined && verified.cycle === cycles[0] && delegations.size === 0 && this.repeatCycle(0, delegations, verified.until, now)) return true;
    for (let c = 0; c < cycles.length; c++) {
      const t = cycles[c]!.template;
      if (this.answerClass === t.cls && this.delegationSide === t.side && sameStateAs(t, cache, delegations, now)) return this.repeatCycle(c, delegations, undefined, now);
    }
    return false;
  }

  /**
   * Repeats cycle `c`'s template from `now`, in a state known to be the template's (`until`
   * undefined), or to be so but where it stores, the other entries living until `until`.
   */
  private repeatCycle(c: number, delegations: ReadonlyMap<Name, PositiveEntry>, until: number | undefined, now: number): boolean {
    const repeat = this.drawRepeat(c, delegations, until, now, 0);
    if (repeat === undefined) return false;
    this.repeat = repeat;
    this.refreshEvent = this.engine.scheduleAt(lastReply(repeat), repeatDone, this);
    return true;
  }

  /**
   * Draws a repeat of cycle `c` from `now` into the node's repeat buffer `slot` and returns it, or
   * returns undefined (the draws given back) when with these latencies a query would time out,
   * an entry it reads would expire before it ends, or the world would change meanwhile.
   */
  private drawRepeat(c: number, delegations: ReadonlyMap<Name, PositiveEntry>, until: number | undefined, now: number, slot: number): RepeatInFlight | undefined {
    const cycles = this.cycles;
    const cycle = cycles[c]!;
    const template = cycle.template;
    const cache = this.recursor.cache;
    const queries = template.limits.length;
    const repeat = this.repeatBuffers(cycle, now, slot);
    const { draws, arrivals, replies } = repeat;
    let t = now;
    let late = false;
    for (let q = 0; q < queries; q++) {
      const out = this.latencies.next();
      const back = this.latencies.next();
      draws[2 * q] = out;
      draws[2 * q + 1] = back;
      const sent = t;
      t = t + out;
      arrivals[q] = t;
      t = t + back;
      replies[q] = t;
      if (t >= sent + template.limits[q]!) late = true;
    }
    const same =
      until === undefined
        ? nothingExpires(cache, delegations, now, t)
        : this.answerClass === template.cls && this.delegationSide === template.side && stillSameState(template, cache, until, now, t);
    if (late || !same || this.horizon.lastChangeIn(template.start, t, template.scope) !== undefined) {
      this.latencies.giveBack(draws);
      return undefined;
    }
    this.verified = { cycle, until: until ?? unwrittenLiveUntil(template, cache, now) };
    this.pendingTemplate = undefined;
    if (c > 0) {
      cycles.splice(c, 1);
      cycles.unshift(cycle);
    }
    return repeat;
  }

  /** The node's repeat buffers: slot 0 for a repeat on the clock, slot k + 1 for the k-th run ahead. */
  private readonly repeatSlots: RepeatInFlight[] = [];

  /** Repeat buffer `slot`, made ready for a repeat of `cycle` starting at `now`. */
  private repeatBuffers(cycle: Cycle, now: number, slot: number): RepeatInFlight {
    const queries = cycle.template.limits.length;
    let repeat = this.repeatSlots[slot];
    if (repeat === undefined || repeat.arrivals.length !== queries) {
      repeat = { cycle, start: now, draws: new Float64Array(2 * queries), arrivals: new Float64Array(queries), replies: new Float64Array(queries) };
      this.repeatSlots[slot] = repeat;
    }
    repeat.cycle = cycle;
    repeat.start = now;
    return repeat;
  }

  /** The repeated refresh's last reply has come: make its store calls, count its queries, plan on, and run ahead. */
  finishRepeat(now: number): void {
    this.refreshEvent = NO_EVENT;
    const repeat = this.repeat!;
    this.repeat = undefined;
    const next = this.completeRepeat(repeat, now, 0, undefined);
    this.scheduleRefresh(this.runAhead(next));
  }

  /**
   * What the end of a repeat does: its store calls, its count, and the plan after it (made in plan
   * buffer `slot`). Returns when the refresh after the plan comes; `link`, when run ahead, keeps
   * the arrival gap drawn.
   */
  private completeRepeat(repeat: RepeatInFlight, now: number, slot: number, link: AheadLink | undefined): number {
    const cache = this.recursor.cache;
    for (const { reply, call } of repeat.cycle.template.stores) {
      const at = reply < 0 ? repeat.start : repeat.replies[reply]!;
      if (call.kind === 'rrset') this.storeEntry(call.rrset, call.rank, at, call.origin);
      else cache.storeDelegation(call.rrset, at, call.origin);
    }
    this.countRepeat(repeat, 1);
    const answer = cache.get(this.watch.name, this.watch.type, now);
    if (answer === undefined || answer.storedAt < repeat.start) throw new Error(`resolver ${this.index}: a repeated refresh left no answer of its own`);
    const needAt = Math.max(this.needMoment(answer.expires, answer.ttl), now);
    this.neededFrom = needAt;
    const gap = this.gaps.next();
    if (link !== undefined) link.gapAfter = gap;
    this.repeatAnswer[0] = answer;
    return this.makePlan(repeat.cycle.clean, this.repeatAnswer, now, needAt + gap, slot);
  }

  /** Counts a repeat's queries at their providers (`n` = −1 takes a count back). */
  private countRepeat(repeat: RepeatInFlight, n: number): void {
    const load = this.network.load;
    const providers = repeat.cycle.template.providers;
    for (let q = 0; q < providers.length; q++) load.add(providers[q]!, repeat.arrivals[q]!, n);
    this.refreshes += n;
    this.repeated += n;
  }

  /** Stores in the cache; while running ahead, notes what the store replaced, to take it back. */
  private storeEntry(rrset: RRset, rank: Rank, at: number, origin: CacheOrigin): PositiveEntry | undefined {
    const cache = this.recursor.cache;
    if (this.runningAhead) this.aheadUndo.note(cache, rrset);
    return cache.store(rrset, rank, at, origin);
  }

  // ---- running ahead --------------------------------------------------------------------------

  /**
   * Whether the node may run ahead of the clock: its refreshes then touch nothing but its own
   * cache entries (no forwarders wait on it, no negative answers a store could displace, no
   * delegation store), so taking them back is putting those entries back.
   */
  private canRunAhead(): boolean {
    const cycle = this.cycles[0];
    return (
      this.skipping &&
      !this.servesForwarders &&
      cycle !== undefined &&
      cycle.template.writtenDelegations.size === 0 &&
      !this.recursor.profile.delegation.parentCentric &&
      this.recursor.cache.negativeCount === 0
    );
  }

  /**
   * After a repeat that ended on the clock, with the next refresh due at `at`: runs the node's
   * following refreshes now, as long as each would be a repeat of the same cycle (the cheap
   * check after a repeat holds and its draws allow it), up to MAX_AHEAD of them. Each is what
   * refreshNow and finishRepeat would do at its time, in the same order with the same draws;
   * what it stored and counted can be taken back (`rewind`) if a change is announced for a
   * moment it reached. Returns when the refresh after the last one comes.
   */
  private runAhead(at: number): number {
    if (!this.canRunAhead()) return at;
    const undo = this.aheadUndo;
    undo.clear();
    const links = this.aheadLinks;
    const cache = this.recursor.cache;
    let count = 0;
    this.runningAhead = true;
    while (count < MAX_AHEAD) {
      const verified = this.verified;
      if (verified === undefined || verified.cycle !== this.cycles[0]) break;
      const link = (links[count] ??= emptyLink());
      const plan = this.plan;
      link.at = at;
      link.plan = plan;
      link.verifiedBefore = verified;
      link.neededFromBefore = this.neededFrom;
      link.undoFlush = undo.length;
      // refreshNow at `at`: the plan ends, and startRepeat's check after a repeat.
      this.endPlan();
      link.neededFromMid = this.neededFrom;
      this.verified = undefined;
      const repeat = this.failingOrSkipping(at) ? undefined : this.drawRepeat(0, NO_DELEGATIONS, verified.until, at, count + 1);
      if (repeat === undefined) {
        // Not a repeat: the refresh runs on the clock, which will do all this again.
        undo.undoTo(cache, link.undoFlush);
        if (plan !== undefined) this.countSkipped(plan, plan.count, -1);
        this.plan = plan;
        this.neededFrom = link.neededFromBefore;
        this.verified = verified;
        break;
      }
      link.repeat = repeat;
      link.verifiedAfter = this.verified;
      link.undoRepeat = undo.length;
      // finishRepeat at its last reply.
      at = this.completeRepeat(repeat, lastReply(repeat), count + 1, link);
      count++;
      this.ranAhead++;
    }
    this.runningAhead = false;
    this.aheadCount = count;
    this.aheadUntil = at;
    return at;
  }

  /** Whether a change of `provider` could change a refresh run ahead: one its repeats or plans ask. */
  private aheadInScope(provider: number): boolean {
    if (inScope(provider, this.cycles[0]?.template.scope) || inScope(provider, this.plan?.scope)) return true;
    for (let k = 0; k < this.aheadCount; k++) if (inScope(provider, this.aheadLinks[k]!.plan?.scope)) return true;
    return false;
  }

  /**
   * A change was announced at `now` for a moment the node ran ahead to: puts the node back in
   * the state it would be in at `now` had it not run ahead. The refreshes before `now` stay;
   * later ones are taken back (their stores undone, their counts subtracted, their draws given
   * back), and the one on its way at `now`, if any, is in flight again.
   */
  private rewind(now: number): void {
    const links = this.aheadLinks;
    const count = this.aheadCount;
    let j = 0;
    while (j < count && lastReply(links[j]!.repeat!) < now) j++;
    if (j === count) {
      this.endAhead();
      return;
    }
    const link = links[j]!;
    const inFlight = link.at < now;
    this.takenBack += count - j;
    // The draws made after the state at `now` go back, last first (each goes in front of the
    // ones given back before it), so that they come out again in draw order.
    for (let k = count - 1; k >= j; k--) {
      const plan = k + 1 < count ? links[k + 1]!.plan : this.plan;
      if (k + 1 < count) this.latencies.giveBack(links[k + 1]!.repeat!.draws);
      if (plan !== undefined) givePlanBack(plan, 0, this.latencies, this.gaps);
      this.gapBack[0] = links[k]!.gapAfter;
      this.gaps.giveBack(this.gapBack);
    }
    if (!inFlight) this.latencies.giveBack(link.repeat!.draws);
    for (let k = j; k < count; k++) {
      const taken = links[k]!;
      if (k > j || !inFlight) {
        if (taken.plan !== undefined) this.countSkipped(taken.plan, taken.plan.count, -1);
      }
      this.countRepeat(taken.repeat!, -1);
    }
    this.aheadUndo.undoTo(this.recursor.cache, inFlight ? link.undoRepeat : link.undoFlush);
    this.endAhead();
    this.engine.cancel(this.refreshEvent);
    if (inFlight) {
      this.plan = undefined;
      this.repeat = link.repeat;
      this.verified = link.verifiedAfter;
      this.neededFrom = link.neededFromMid;
      this.refreshEvent = this.engine.scheduleAt(lastReply(link.repeat!), repeatDone, this);
    } else {
      this.plan = link.plan;
      this.repeat = undefined;
      this.verified = link.verifiedBefore;
      this.neededFrom = link.neededFromBefore;
      this.scheduleRefresh(link.at);
    }
  }

  /** The refreshes run ahead are all on or behind the clock: they stand. */
  private endAhead(): void {
    this.aheadCount = 0;
    this.aheadUndo.clear();
  }

  // ---- skipping ----------------------------------------------------------------------------

  /** The live positive entries of the cache (and, parent-centric, the watched name's delegations). */
  private liveEntries(now: number): PositiveEntry[] {
    const cache = this.recursor.cache;
    const out: PositiveEntry[] = [];
    for (const entry of cache.entries()) if (cache.remaining(entry, now) >= 0) out.push(entry);
    if (this.recursor.profile.delegation.parentCentric) {
      for (const zone of selfAndAncestors(this.watch.name)) {
        const entry = cache.delegation(zone, now);
        if (entry !== undefined) out.push(entry);
      }
    }
    return out;
  }

  /**
   * A refresh is clean when it could be repeated with the same effect: every query answered by
   * one provider, the answer class unchanged, and every cache entry but the watched answer as it
   * was (re-stored with the same expiry, rank and data counts as unchanged: Unbound re-stores
   * the child's NS set from each answer's authority section, clamped to the same expiry).
   */
  private isClean(record: RefreshRecord, cls: AnswerClass, watched: PositiveEntry[], now: number): boolean {
    if (!answeredAlike(record, cls) || record.provider < 0) return false;
    // The answer must be this refresh's own: a prefetch that got nothing leaves the old answer in
    // the cache, and repeating it would keep serving data that no server gives any more.
    for (const entry of watched) if (entry.storedAt < record.start) return false;
    const cache = this.recursor.cache;
    const parentCentric = this.recursor.profile.delegation.parentCentric;
    const isWatched = (entry: PositiveEntry): boolean => watched.some((w) => sameKey(w, entry));
    let kept = 0;
    for (const before of record.before!) {
      if (isWatched(before)) continue;
      const set = before.rrset;
      const delegation = parentCentric && before.rank === Rank.Referral ? cache.delegation(set.name, now) : undefined;
      const current = delegation ?? cache.get(set.name, set.type, now, set.class);
      // An entry that expired during the refresh is not a change it made, but the next refresh
      // would have to learn it again: not one to repeat.
      if (current === undefined) return false;
      if (current !== before && !sameEntry(current, before)) return false;
      kept++;
    }
    // Nothing added: as many live entries (besides the watched ones) as were kept.
    let live = 0;
    for (const entry of this.liveEntries(now)) if (!isWatched(entry)) live++;
    return live === kept;
  }

  /**
   * The boundary of a plan made at `now`: the next announced world change, or the moment an
   * entry that a refresh of the watched name relies on stops being served (for a profile that
   * adopts the child's NS set near the end of the parent's, the start of that window). A refresh
   * answered from the zone's cached cut reads only the cut's NS set and its servers' addresses,
   * so entries above the cut (the TLD's and the root's) cannot change it while those live.
   */
  private boundary(now: number): number {
    const cache = this.recursor.cache;
    const cut = this.recursor.findCutEntry(this.watch.name, now);
    if (cut === undefined) return now;
    const zone = cut.rrset.name;
    let bound = this.until(cache.get(zone, RRType.NS, now), now);
    if (this.recursor.profile.delegation.parentCentric) bound = Math.min(bound, this.until(cache.delegation(zone, now), now));
    // The skipped refreshes ask the cut's servers: only their providers' changes end the plan,
    // unless a server's address is not cached (the refresh would look it up elsewhere) or no
    // server is there (one may move in).
    const scope = this.scopeBuffer;
    let count = 0;
    let global = false;
    for (const name of cut.rrset.data as Name[]) {
      const a = cache.get(name, RRType.A, now);
      const aaaa = cache.get(name, RRType.AAAA, now);
      bound = Math.min(bound, this.until(a, now), this.until(aaaa, now));
      if (a === undefined && aaaa === undefined) global = true;
      if (a !== undefined && count >= 0) count = this.addProviders(a, scope, count);
      if (aaaa !== undefined && count >= 0) count = this.addProviders(aaaa, scope, count);
    }
    this.planScope = global || count < 0 ? undefined : sameScope(this.planScope, scope, count) ? this.planScope : scope.slice(0, count);
    return Math.min(bound, this.horizon.nextChangeFrom(now, this.planScope));
  }

  /**
   * Until when a refresh reading `entry` (live at `now`) reads it alike: its end, or for a
   * profile that adopts the child's NS set near the end of the parent's, the start of that window
   * (a refresh inside it may adopt the child's set; one inside it already did not).
   */
  private until(entry: PositiveEntry | undefined, now: number): number {
    if (entry === undefined) return Infinity;
    const cache = this.recursor.cache;
    const end = cache.policy.expiry === 'serve-zero' ? entry.expires + 1 : entry.expires;
    if (end <= now) return Infinity;
    const delegation = this.recursor.profile.delegation;
    if (entry.rrset.type === RRType.NS && (delegation.childNsInAuthority === 'near-expiry' || delegation.childNsInAnswer === 'near-expiry')) {
      const window = entry.expires - Math.max(delegation.nearExpiry.seconds, delegation.nearExpiry.fraction * entry.ttl);
      if (window > now) return Math.min(end, window);
    }
    return end;
  }

  /**
   * Adds the providers of the servers at `entry`'s addresses to `scope[0, count)`, each once, and
   * returns the new count; −1 when an address has no server.
   */
  private addProviders(entry: PositiveEntry, scope: number[], count: number): number {
    for (const address of entry.rrset.data as string[]) {
      const endpoint = this.network.endpoint(address);
      if (endpoint === undefined) return -1;
      let known = false;
      for (let i = 0; i < count; i++) if (scope[i] === endpoint.provider) known = true;
      if (!known) scope[count++] = endpoint.provider;
    }
    return count;
  }

  /**
   * After a clean refresh that ended at `now`, with the next refresh due at `next`: draws the
   * refreshes that cannot change anything, up to the boundary, and schedules the first one after
   * it to run for real.
   */
  private makePlan(record: SkipSource, watched: PositiveEntry[], now: number, next: number, slot: number): number {
    let at = next;
    // The watched answer here is one RRset (CNAME chains make several, and are not skipped), from
    // a provider whose servers all serve the same zones (any of them would answer alike).
    if (watched.length === 1 && this.inSync(record.provider, now)) {
      const bound = this.boundary(now);
      const lifetime = watched[0]!.ttl;
      const queries = record.queries;
      const limits = record.limits;
      const plan = this.planSlots.get(queries, slot);
      plan.provider = record.provider;
      plan.lifetime = lifetime;
      plan.firstExpires = watched[0]!.expires;
      const { times, gaps, latencies } = plan;
      const latencyDraws = this.latencies;
      const gapDraws = this.gaps;
      // needMoment is the expiry plus an offset that depends only on the lifetime.
      const needAfterExpiry = this.needMoment(0, lifetime);
      let count = 0;
      let latencyCount = 0;
      while (at < bound && count < MAX_PLANNED) {
        // Suppose the refresh at `at` is skipped: draw what it would, and time the next one.
        let t = at;
        let late = false;
        for (let q = 0; q < queries; q++) {
          const out = latencyDraws.next();
          const back = latencyDraws.next();
          latencies[latencyCount + 2 * q] = out;
          latencies[latencyCount + 2 * q + 1] = back;
          const sent = t;
          t = t + out;
          t = t + back;
          // As on the network, a reply due at or after the timeout loses to it.
          if (t >= sent + limits[q]!) late = true;
        }
        // A query of this refresh would time out, or its answer would come after the boundary (an
        // entry it relies on expired meanwhile, or the world changed): it runs for real, with these draws.
        if (late || t >= bound) {
          latencyDraws.giveBack(latencies, latencyCount, latencyCount + 2 * queries);
          break;
        }
        const expires = Math.floor(t) + lifetime;
        const gap = gapDraws.next();
        const following = Math.max(expires + needAfterExpiry, t) + gap;
        times[count] = at;
        gaps[count] = gap;
        count++;
        latencyCount += 2 * queries;
        at = following;
      }
      plan.count = count;
      plan.realAt = at;
      plan.scope = this.planScope;
      plan.answer = watched[0]!;
      if (count > 0) this.plan = plan;
    }
    return at;
  }

  /** The plan, if any, has run its course: its skipped refreshes are counted and its last answer stored. */
  private endPlan(): void {
    const plan = this.plan;
    if (plan === undefined) return;
    this.plan = undefined;
    this.countSkipped(plan, plan.count, 1);
    this.storeAnswerOf(plan, plan.count - 1);
  }

  /**
   * Whether a negative answer or remembered SERVFAIL is live, or a server is being skipped, at
   * `now`: a refresh may read them, so it is neither recorded as quiet nor repeated.
   */
  private failingOrSkipping(now: number): boolean {
    return this.recursor.cache.hasLiveFailureData(now) || this.recursor.anyServerDown(now);
  }

  /**
   * Leaves in the cache what skipped refresh `i` of `plan` stored: the clean refresh's answer,
   * stored again when its queries came back. A clean refresh changes nothing else, so after
   * this the cache is as if every skipped refresh had run.
   */
  private storeAnswerOf(plan: SkipPlan, i: number): void {
    const answer = plan.answer!;
    const t = answerTime(plan, i);
    // The entry carries its own origin (server and zone): it is one, with no copy made.
    const entry = this.storeEntry(answer.rrset, answer.rank, t, answer);
    // The lookups after it wait from its answer's need moment, as after a refresh that ran.
    if (entry !== undefined) this.neededFrom = Math.max(this.needMoment(entry.expires, entry.ttl), t);
  }

  /** Counts the first `count` skipped refreshes of `plan`: their queries, at the provider that answered (`n` = −1 takes the count back). */
  private countSkipped(plan: SkipPlan, count: number, n: number): void {
    countPlanQueries(plan, count, n, this.network.load);
    this.refreshes += n * count;
    this.skipped += n * count;
  }

  /** A world change at `at` was announced at `now`: cut a plan that reaches past it. */
  changeAnnounced(at: number, now: number, provider: number): void {
    if (this.aheadCount > 0 && at <= this.aheadUntil && this.aheadInScope(provider)) this.rewind(now);
    const repeat = this.repeat;
    if (repeat !== undefined) {
      if (!inScope(provider, repeat.cycle.template.scope)) return;
      // A repeated refresh on its way: its queries that reach their servers after the change
      // would meet another world, so it runs for real, as of its start, with its draws.
      let last = -Infinity;
      for (const t of repeat.arrivals) last = Math.max(last, t);
      if (at > last) return;
      this.engine.cancel(this.refreshEvent);
      this.refreshEvent = NO_EVENT;
      this.repeat = undefined;
      this.latencies.giveBack(repeat.draws);
      this.replay(repeat.start);
      return;
    }
    const plan = this.plan;
    if (plan === undefined || plan.realAt < at || !inScope(provider, plan.scope)) return;
    // The refreshes from the first one at or after `at` on run for real; so does the last one before it.
    let kept = 0;
    while (kept < plan.count && plan.times[kept]! < at) kept++;
    this.engine.cancel(this.refreshEvent);
    this.refreshEvent = NO_EVENT;
    if (kept === 0) {
      // No skipped refresh comes before the change: the first one runs for real.
      this.plan = undefined;
      givePlanBack(plan, 0, this.latencies, this.gaps);
      this.scheduleRefresh(plan.times[0]!);
      return;
    }
    const last = kept - 1;
    const lastAt = plan.times[last]!;
    givePlanBack(plan, last, this.latencies, this.gaps);
    if (lastAt >= now) {
      // The plan goes on, shorter: its refreshes before `last` stay skipped, `last` runs for real.
      plan.count = last;
      plan.realAt = lastAt;
      this.plan = last > 0 ? plan : undefined;
      this.scheduleRefresh(lastAt);
      return;
    }
    // `last` should have run already: nothing has changed since, so run it now as of its own time.
    this.plan = undefined;
    this.countSkipped(plan, last, 1);
    if (last > 0) this.storeAnswerOf(plan, last - 1);
    this.replay(lastAt);
  }

  /** At the end of the run: counts the refreshes a plan skipped, as they all came before the end. */
  settle(): void {
    // The run ends at an announced change, which no refresh run ahead reaches.
    this.endAhead();
    const repeat = this.repeat;
    if (repeat !== undefined) {
      this.repeat = undefined;
      this.countRepeat(repeat, 1);
    }
    this.endPlan();
  }


  // ---- lookups passed on by forwarders -------------------------------------------------------

  /**
   * A lookup a forwarder passes on at `now`. It is answered from the cache when the watched
   * answer is live there, joins the resolution in flight, or starts one: then it is the first
   * lookup since the answer expired, and the resolver's own next lookup is drawn afresh after
   * that resolution (memorylessness). Inside a skip plan, the plan says which of these holds;
   * only a miss cuts it, so a busy resolver behind forwarders keeps skipping.
   */
  forwardedLookup(client: ForwardingClient, now: number): void {
    const plan = this.plan;
    if (plan !== undefined) {
      const state = plannedState(plan, now, this.remainingAt, this.needMomentOf);
      if (state.kind === 'hit') return client.forwardedAnswer(this.answerClass!, state.ttl, now);
      if (state.kind === 'in-flight') {
        this.engine.scheduleAt(state.until, deliverForwarded, { client, cls: this.answerClass!, ttl: state.ttl });
        return;
      }
      // The plan's refresh before `now` runs for real (late, as of its time), then this lookup does.
      this.changeAnnounced(now, now, ANY_PROVIDER);
    }
    const cache = this.recursor.cache;
    const entry = this.recursor.lookupCached(this.watch.name, this.watch.type, now);
    if (entry !== undefined && this.answerClass !== undefined) {
      const ttl = cache.remaining(entry, now);
      client.forwardedAnswer(this.answerClass, ttl, now);
      if (this.resolution !== undefined || !prefetchDue(entry.ttl, ttl, cache.policy)) return;
      // A lookup in the prefetch window: answered from the cache, and the refresh starts now.
      this.refreshEarly(now);
      return;
    }
    this.waiting.push(client);
    if (this.resolution === undefined) this.refreshEarly(now);
  }

  /**
   * Starts a refresh now, in place of the one the resolver's own next lookup would start. A plan
   * made meanwhile (by the late run of the refresh before now) lies wholly after now: it is
   * dropped and its draws given back, as they belong to refreshes that now come later.
   */
  private refreshEarly(now: number): void {
    const plan = this.plan;
    if (plan !== undefined) {
      this.plan = undefined;
      givePlanBack(plan, 0, this.latencies, this.gaps);
    }
    this.engine.cancel(this.refreshEvent);
    this.refreshEvent = NO_EVENT;
    this.refreshNow(now);
  }

  private answerWaiting(cls: AnswerClass, record: RefreshRecord, now: number): void {
    let ttl = 0;
    const response = record.prefetched ? undefined : record.response;
    if (response !== undefined && cls !== AnswerClass.Failed) {
      for (const rr of response.answer) if (rr.type === this.watch.type) ttl = rr.ttl;
    }
    for (const client of this.waiting.splice(0)) client.forwardedAnswer(cls, ttl, now);
  }

  /**
   * Runs a refresh that was due at `at` (in the past) synchronously, asking the servers as they
   * were at `at` (the world has not changed since). Used only when a plan is cut by a change
   * announced for now.
   */
  private replay(at: number): void {
    this.replayed++;
    this.begin(at, false);
    const resolution = this.resolution!;
    const record = this.record!;
    let now = at;
    let actions = resolution.start(now);
    for (;;) {
      let send: Extract<ResolverAction, { kind: 'send' }> | undefined;
      for (const action of actions) {
        if (action.kind === 'answer') record.response = action.response;
        else send = action;
      }
      if (record.response !== undefined && !resolution.done && send !== undefined) record.prefetched = true;
      if (send === undefined) break;
      record.queries++;
      record.limits?.push(send.timeout);
      const out = this.latencies.next();
      const back = this.latencies.next();
      const { reply, provider } = this.network.answerAt(this.address, send.to, send.query, now + out);
      if (provider >= 0) this.network.load.add(provider, now + out);
      // As on the network, a reply due exactly at the timeout loses to it.
      if (reply === undefined || now + out + back >= now + send.timeout) {
        record.timeouts++;
        now += send.timeout;
        actions = resolution.handle({ kind: 'timeout', ref: send.ref }, now);
      } else {
        if (record.provider === -1) record.provider = provider;
        else if (record.provider !== provider) record.provider = -2;
        if (isRejection(reply)) record.rejected++;
        now = now + out;
        now = now + back;
        actions = resolution.handle({ kind: 'response', ref: send.ref, message: reply }, now);
      }
    }
    // The refresh after it comes no earlier than the announced change, so it can be scheduled.
    this.finish(now);
  }
}

function deliverForwarded(d: { client: ForwardingClient; cls: AnswerClass; ttl: number }, now: number): void {
  d.client.forwardedAnswer(d.cls, d.ttl, now);
}

function repeatDone(node: ResolverNode, now: number): void {
  node.finishRepeat(now);
}

function refreshDue(node: ResolverNode, now: number): void {
  node.refreshNow(now);
}

/**
 * What a clean or repeatable refresh has in common: it asked something, every query got a reply
 * with data (no timeout, no REFUSED or SERVFAIL), and the answer class, new or old, did not change.
 */
function answeredAlike(record: RefreshRecord, cls: AnswerClass): boolean {
  if (record.timeouts > 0 || record.rejected > 0 || record.queries === 0) return false;
  return cls === record.classBefore && (cls === AnswerClass.New || cls === AnswerClass.Old);
}

/** What a plan made after a clean `record` repeats. */
function skipSourceOf(record: RefreshRecord): SkipSource {
  return { queries: record.queries, limits: record.limits!, provider: record.provider };
}

/** A reply that gives no data to cache: the server refused or failed the question. */
function isRejection(reply: Message): boolean {
  return reply.rcode !== Rcode.NOERROR && reply.rcode !== Rcode.NXDOMAIN;
}

function sameKey(a: PositiveEntry, b: PositiveEntry): boolean {
  return a.rrset.name === b.rrset.name && a.rrset.type === b.rrset.type && a.rrset.class === b.rrset.class;
}

/** Same expiry, rank and data: a re-store that changed nothing. */
function sameEntry(a: PositiveEntry, b: PositiveEntry): boolean {
  return a.expires === b.expires && a.rank === b.rank && sameRecords(a.rrset.data, b.rrset.data);
}
