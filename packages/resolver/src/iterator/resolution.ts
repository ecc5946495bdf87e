import type { Resolution, ResolverAction, ResolverEvent } from '../actions.ts';
import { Opcode, Rcode, RRClass, RRType } from '../constants.ts';
import { makeQuery, type Edns, type Message } from '../message.ts';
import { canonicalName, isSubdomain, labelCount, nextLabelBelow, parentName, type Name } from '../name.ts';
import { groupRRsets, rrsetRecords, type RR, type RRset } from '../record.ts';
import type { CacheOrigin } from '../cache/cache.ts';
import { Rank } from '../cache/rank.ts';
import { positiveTtl } from '../cache/ttl-policy.ts';
import { lookupChain } from './cache-answer.ts';
import { classifyResponse, ResponseKind, type Classified } from './classify.ts';
import { DelegationPoint } from './delegation-point.ts';
import { acceptsChildNs } from './ns-policy.ts';
import type { Recursor } from './recursor.ts';
import { scrubResponse } from './scrub.ts';
import { State } from './state.ts';
import type { TraceStep } from './trace.ts';

/**
 * Why a frame exists: the client's question; the address of a name server with no glue
 * (a sub-resolution); the root's NS set when the cache has none (priming).
 */
type Purpose = 'client' | 'target' | 'prime';

interface FrameResult {
  rcode: number;
  soa?: RR;
  reason?: string;
}

/** One question being resolved; sub-resolutions push frames on the resolution's stack. */
interface Frame {
  readonly purpose: Purpose;
  /** The name now being resolved: the question's, then each CNAME target in turn. */
  qname: Name;
  readonly qtype: number;
  /** Records for the answer section, in order, TTLs as shown to the client. */
  chain: RR[];
  cnameLinks: number;
  state: State;
  dp: DelegationPoint | undefined;
  /** RFC 9156: still sending minimised names from this frame. */
  minimise: boolean;
  /** The deepest name known to exist below the cut without a cut of its own. */
  minName: Name | undefined;
  /** Zones whose parent this frame already asked again (last resort): once each; made on first use. */
  lastResort: Set<Name> | undefined;
  primed: boolean;
  /** For `target`: the cut whose NS name this frame looks up. */
  readonly targetFor?: { dp: DelegationPoint; nsName: Name };
  response?: { message: Message; server: string; name: Name; type: number; sent: number };
  result?: FrameResult;
}

interface Pending {
  ref: number;
  server: string;
  name: Name;
  type: number;
  sent: number;
}

/**
 * The iterative resolution of one client question (RFC 1034 §5.3.3), sans I/O: `start` and
 * `handle` return the queries to send and, once, the answer for the client. After Unbound's
 * iterator: an explicit state per frame and one loop (`run`) that handles the top frame's state
 * until a query is in flight or the stack is empty.
 */
export class IterativeResolution implements Resolution {
  /** Every query sent and what came of it, for `--trace`. */
  readonly trace: TraceStep[] = [];
  /** The response given to the client, once given. */
  response: Message | undefined;
  private readonly stack: Frame[] = [];
  private pending: Pending | undefined;
  private nextRef = 1;
  private queries = 0;
  private referrals = 0;
  private finished = false;
  private started = false;
  private readonly qname: Name | undefined;
  private readonly qtype: number;

  constructor(
    private readonly recursor: Recursor,
    private readonly query: Message,
    readonly createdAt: number,
  ) {
    const q = query.question[0];
    this.qname = q ? safeCanonical(q.name) : undefined;
    this.qtype = q?.type ?? 0;
  }

  get done(): boolean {
    return this.finished;
  }

  start(now: number): ResolverAction[] {
    if (this.started) return [];
    this.started = true;
    const out: ResolverAction[] = [];
    const q = this.query.question[0];
    const refusal =
      this.query.opcode !== Opcode.QUERY
        ? Rcode.NOTIMP
        : q === undefined || this.qname === undefined || this.query.question.length !== 1
          ? Rcode.FORMERR
          : q.class !== RRClass.IN
            ? Rcode.REFUSED
            : undefined;
    if (refusal !== undefined) {
      this.answer(refusal, [], [], out);
      this.finished = true;
      return out;
    }
    this.stack.push(this.newFrame('client', this.qname!, this.qtype, State.Init));
    return this.run(now, out);
  }

  handle(event: ResolverEvent, now: number): ResolverAction[] {
    const p = this.pending;
    if (this.finished || p === undefined || event.ref !== p.ref) return [];
    this.pending = undefined;
    const frame = this.top();
    const dp = frame.dp!;
    if (event.kind === 'timeout') {
      dp.silent.add(p.server);
      dp.timedOut.add(p.server);
      dp.silenceStart ??= p.sent;
      if (this.recursor.tracing) {
        this.trace.push({ sent: p.sent, received: now, server: p.server, zone: dp.zone, name: p.name, type: p.type, outcome: 'timeout', records: [] });
      }
      frame.state = State.QueryTargets;
    } else {
      frame.response = { message: event.message, server: p.server, name: p.name, type: p.type, sent: p.sent };
      frame.state = State.Response;
    }
    return this.run(now, []);
  }

  private run(now: number, out: ResolverAction[]): ResolverAction[] {
    while (this.stack.length > 0) {
      const frame = this.top();
      switch (frame.state) {
        case State.Init:
          this.init(frame, now, out);
          break;
        case State.FindCut:
          this.findCut(frame, now);
          break;
        case State.QueryTargets:
          this.queryTargets(frame, now, out);
          break;
        case State.Waiting:
          return out;
        case State.Response:
          this.processResponse(frame, now);
          break;
        case State.Finished:
          this.pop(frame, now, out);
          break;
      }
    }
    this.finished = true;
    return out;
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private newFrame(purpose: Purpose, qname: Name, qtype: number, state: State, targetFor?: Frame['targetFor']): Frame {
    return {
      purpose,
      qname,
      qtype,
      chain: [],
      cnameLinks: 0,
      state,
      dp: undefined,
      minimise: this.recursor.profile.qnameMinimisation && purpose !== 'prime',
      minName: undefined,
      lastResort: undefined,
      primed: false,
      ...(targetFor ? { targetFor } : {}),
    };
  }

  // INIT: RFC 1034 §5.3.3 step 1, the cache first.
  private init(frame: Frame, now: number, out: ResolverAction[]): void {
    const cache = this.recursor.cache;
    if (frame.purpose === 'client' && frame.chain.length === 0 && cache.hasServfail(frame.qname, frame.qtype, now)) {
      return this.finish(frame, { rcode: Rcode.SERVFAIL, reason: 'SERVFAIL cached' });
    }
    const found = lookupChain(cache, frame.qname, frame.qtype, now, this.recursor.limits.maxCnameLinks - frame.cnameLinks);
    frame.chain.push(...found.records);
    frame.cnameLinks += found.cnameLinks;
    frame.qname = found.finalName;
    if (this.refusesAliasedNs(frame)) return this.fail(frame, `name server ${frame.targetFor!.nsName} is a CNAME`);
    switch (found.kind) {
      case 'answer':
        if (found.prefetch && frame.purpose === 'client') {
          // BIND's prefetch: answer now from the cache, then refresh the final RRset.
          this.answer(Rcode.NOERROR, frame.chain, [], out);
          frame.chain = [];
          frame.state = State.FindCut;
          return;
        }
        return this.finish(frame, { rcode: Rcode.NOERROR });
      case 'nxdomain':
      case 'nodata':
        return this.finish(frame, { rcode: found.kind === 'nxdomain' ? Rcode.NXDOMAIN : Rcode.NOERROR, ...(found.soa ? { soa: found.soa } : {}) });
      case 'miss':
        if (frame.cnameLinks >= this.recursor.limits.maxCnameLinks && found.cnameLinks > 0) {
          return this.fail(frame, 'CNAME chain too long');
        }
        frame.state = State.FindCut;
    }
  }

  // Step 2: the closest cached zone cut; priming when the root's NS set is not cached.
  private findCut(frame: Frame, now: number): void {
    let dp = this.recursor.findCut(frame.qname, now);
    if (dp === undefined) {
      if (!frame.primed) {
        frame.primed = true;
        const prime = this.newFrame('prime', '.', RRType.NS, State.QueryTargets);
        prime.dp = DelegationPoint.fromHints(this.recursor.rootHints);
        this.stack.push(prime);
        return;
      }
      dp = DelegationPoint.fromHints(this.recursor.rootHints);
    }
    this.useCut(frame, dp);
  }

  private useCut(frame: Frame, dp: DelegationPoint): void {
    frame.dp = dp;
    frame.minName = dp.zone;
    frame.state = State.QueryTargets;
  }

  // Steps 3 and 4: pick a server (or find a server's address) and send.
  private queryTargets(frame: Frame, now: number, out: ResolverAction[]): void {
    const dp = frame.dp!;
    const { profile, limits } = this.recursor;
    if (this.queries >= limits.maxQueries) return this.fail(frame, `query limit ${limits.maxQueries} reached`);

    const candidates = dp.candidates((a) => this.recursor.skipsAddress(a, now));
    if (candidates.length > 0) {
      const server = candidates[Math.floor(this.recursor.random() * candidates.length)]!;
      return this.send(frame, server, now, out);
    }
    // No address to ask: look one up (a glueless NS name), unless the lookup is already under
    // way further down the stack (servers whose names need each other) or nests too deep.
    for (const nsName of dp.unresolvedNames()) {
      dp.lookedUp.add(nsName);
      if (this.stack.length > limits.maxTargetDepth) continue;
      if (this.stack.some((f) => f.qname === nsName && (f.qtype === RRType.A || f.purpose === 'client'))) continue;
      this.stack.push(this.newFrame('target', nsName, RRType.A, State.Init, { dp, nsName }));
      return;
    }
    // Every server tried was silent: another round, with doubled timeouts, while the profile's
    // silence budget lasts (Unbound keeps at it for about 13 s).
    if (dp.silent.size > 0 && this.silenceLeft(dp, now) > 0) {
      dp.silent.clear();
      return;
    }
    for (const address of dp.timedOut) this.recursor.markServerDown(address, now);
    if (profile.failure.lastResortToParent && dp.zone !== '.' && !frame.lastResort?.has(dp.zone)) {
      // Unbound's processLastResort: every cached server failed, so ask the parent again.
      (frame.lastResort ??= new Set()).add(dp.zone);
      const parent = this.recursor.findCut(parentName(dp.zone)!, now) ?? DelegationPoint.fromHints(this.recursor.rootHints);
      this.useCut(frame, parent);
      return;
    }
    this.fail(frame, `all servers of ${dp.zone} failed`);
  }

  private silenceLeft(dp: DelegationPoint, now: number): number {
    const budget = this.recursor.profile.failure.silenceBudget;
    return dp.silenceStart === undefined ? budget : budget - (now - dp.silenceStart);
  }

  private send(frame: Frame, server: string, now: number, out: ResolverAction[]): void {
    const dp = frame.dp!;
    const { profile } = this.recursor;
    const [name, type] = this.queryName(frame);
    const attempts = dp.attempts.get(server) ?? 0;
    dp.attempts.set(server, attempts + 1);
    let timeout = profile.failure.queryTimeout * 2 ** attempts;
    if (dp.silenceStart !== undefined && profile.failure.silenceBudget > 0) {
      timeout = Math.max(profile.failure.queryTimeout, Math.min(timeout, this.silenceLeft(dp, now)));
    }
    const edns: Edns = { udpSize: profile.ednsUdpSize, version: 0, dnssecOk: false };
    if (profile.cookies) {
      const serverCookie = this.recursor.serverCookie(server);
      edns.cookie = { client: this.recursor.clientCookie(server), ...(serverCookie ? { server: serverCookie } : {}) };
    }
    const query = makeQuery(Math.floor(this.recursor.random() * 0x10000), name, type, { edns });
    const ref = this.nextRef++;
    this.queries++;
    this.pending = { ref, server, name, type, sent: now };
    frame.state = State.Waiting;
    out.push({ kind: 'send', ref, to: server, query, timeout });
  }

  /** RFC 9156 §3: the next label below what is known, asked as type A, until the full name. */
  private queryName(frame: Frame): [Name, number] {
    const dp = frame.dp!;
    if (!frame.minimise) return [frame.qname, frame.qtype];
    const known = frame.minName !== undefined && isSubdomain(frame.minName, dp.zone) ? frame.minName : dp.zone;
    if (!isSubdomain(frame.qname, known) || labelCount(frame.qname) <= labelCount(known) + 1) return [frame.qname, frame.qtype];
    return [nextLabelBelow(frame.qname, known), RRType.A];
  }

  // Step 4 continued: scrub, classify, cache, act.
  private processResponse(frame: Frame, now: number): void {
    const { message, server, name, type, sent } = frame.response!;
    frame.response = undefined;
    const dp = frame.dp!;
    const cookieValidated = this.checkCookie(message, server);
    const scrubbed = scrubResponse(message, name, type, dp.zone);
    const c = classifyResponse(scrubbed, name, type, dp.zone);
    if (this.recursor.tracing) {
      const records = [...scrubbed.answer, ...scrubbed.authority, ...scrubbed.additional];
      const detail = c.kind === ResponseKind.Referral ? `to ${c.ns!.name}` : c.reason;
      this.trace.push({ sent, received: now, server, zone: dp.zone, name, type, outcome: c.kind, rcode: message.rcode, records, ...(detail ? { detail } : {}) });
    }
    const origin: CacheOrigin = { server, zone: dp.zone };
    const rank = scrubbed.aa ? Rank.AuthAnswer : Rank.NonAuthAnswer;

    if (c.kind === ResponseKind.Lame) {
      dp.failed.add(server);
      frame.state = State.QueryTargets;
      return;
    }
    if (c.kind === ResponseKind.Referral) return this.followReferral(frame, c.ns!, scrubbed.additional, origin, now);

    if (scrubbed.aa && c.ns) this.childNs(c.ns, 'authority', cookieValidated, origin, now);
    this.cacheAddresses(scrubbed.additional, origin, now);

    const minimised = name !== frame.qname || type !== frame.qtype;
    if (minimised) {
      // The minimised name exists and has no cut of its own: go one label deeper. Anything else
      // (NXDOMAIN, a CNAME) is asked again with the full name (RFC 9156 §2.3, relaxed).
      if (c.kind === ResponseKind.Answer || c.kind === ResponseKind.NoData) frame.minName = name;
      else frame.minimise = false;
      frame.state = State.QueryTargets;
      return;
    }

    const shown = this.cacheChain(frame, c, rank, cookieValidated, origin, now);
    frame.chain.push(...shown);
    if (this.refusesAliasedNs(frame)) return this.fail(frame, `name server ${frame.targetFor!.nsName} is a CNAME`);
    switch (c.kind) {
      case ResponseKind.Answer:
        return this.finish(frame, { rcode: Rcode.NOERROR });
      case ResponseKind.Cname: {
        frame.cnameLinks += c.chain.filter((rr) => rr.type === RRType.CNAME).length;
        if (frame.cnameLinks > this.recursor.limits.maxCnameLinks) return this.fail(frame, 'CNAME chain too long');
        frame.qname = c.finalName;
        frame.state = State.Init;
        return;
      }
      case ResponseKind.NxDomain:
      case ResponseKind.NoData: {
        const kind = c.kind === ResponseKind.NxDomain ? 'nxdomain' : 'nodata';
        let soa: RR | undefined;
        if (c.soa) {
          const entry = this.recursor.cache.storeNegative(kind, c.finalName, frame.qtype, c.soa, rank, now, origin);
          soa = rrsetRecords(c.soa, entry.ttl)[0];
        }
        return this.finish(frame, { rcode: kind === 'nxdomain' ? Rcode.NXDOMAIN : Rcode.NOERROR, ...(soa ? { soa } : {}) });
      }
    }
  }

  private followReferral(frame: Frame, ns: RRset, glue: RR[], origin: CacheOrigin, now: number): void {
    if (++this.referrals > this.recursor.limits.maxReferrals) return this.fail(frame, `more than ${this.recursor.limits.maxReferrals} referrals`);
    const cache = this.recursor.cache;
    if (this.recursor.profile.delegation.parentCentric) cache.storeDelegation(ns, now, origin);
    else cache.store(ns, Rank.Referral, now, origin);
    this.cacheAddresses(glue, origin, now);
    // The referral is followed as given, whether or not the cache kept it (a higher-ranked child
    // set may still be cached: Unbound's last resort works this way).
    this.useCut(frame, DelegationPoint.fromReferral(ns, glue, cache, now));
  }

  /** Caches the answer section's RRsets and returns its records as the client will see them. */
  private cacheChain(frame: Frame, c: Classified, rank: Rank, cookieValidated: boolean, origin: CacheOrigin, now: number): RR[] {
    const cache = this.recursor.cache;
    const shown: RR[] = [];
    for (const set of groupRRsets(c.chain)) {
      let entry;
      if (frame.purpose === 'prime' && set.type === RRType.NS) {
        entry = cache.store(set, rank, now, origin);
        if (this.recursor.profile.delegation.parentCentric) cache.storeDelegation(set, now, origin);
      } else if (set.type === RRType.NS) {
        entry = this.childNs(set, 'answer', cookieValidated, origin, now);
      } else {
        entry = cache.store(set, rank, now, origin);
      }
      const ttl = entry ? entry.ttl : positiveTtl(set.ttl, cache.policy);
      shown.push(...rrsetRecords(set, ttl));
    }
    return shown;
  }

  /** The child's NS set: cached for recursion only when the profile accepts it (facts.md, "observed here"). */
  private childNs(set: RRset, section: 'answer' | 'authority', cookieValidated: boolean, origin: CacheOrigin, now: number) {
    const { cache, profile } = this.recursor;
    const rank = section === 'answer' ? Rank.AuthAnswer : Rank.AuthAuthority;
    // A parent-centric resolver recurses from its delegation store; its answer cache may hold the child's set.
    if (profile.delegation.parentCentric) return cache.store(set, rank, now, origin);
    const cached = cache.get(set.name, RRType.NS, now);
    const remaining = cached ? cache.remaining(cached, now) : -1;
    if (!acceptsChildNs(profile.delegation, cached, remaining, { section, cookieValidated })) return undefined;
    return cache.store(set, rank, now, origin);
  }

  private cacheAddresses(additional: RR[], origin: CacheOrigin, now: number): void {
    for (const set of groupRRsets(additional)) this.recursor.cache.store(set, Rank.Additional, now, origin);
  }

  /** RFC 7873 §5.3: the response echoes our client cookie and carries a server cookie. */
  private checkCookie(message: Message, server: string): boolean {
    if (!this.recursor.profile.cookies) return false;
    const cookie = message.edns?.cookie;
    if (cookie?.server === undefined || cookie.server.length < 8 || cookie.server.length > 32) return false;
    const ours = this.recursor.clientCookie(server);
    if (cookie.client.length !== ours.length || !cookie.client.every((b, i) => b === ours[i])) return false;
    this.recursor.rememberServerCookie(server, cookie.server);
    return true;
  }

  /**
   * A name server's name led to a CNAME and the profile will not use such a server (RFC 2181
   * §10.3: NS records must not point at aliases). Checked where the alias first appears, from the
   * cache or from a response, so no further queries chase its target.
   */
  private refusesAliasedNs(frame: Frame): boolean {
    return frame.purpose === 'target' && !this.recursor.profile.delegation.followCnameNs && frame.chain.some((rr) => rr.type === RRType.CNAME);
  }

  private finish(frame: Frame, result: FrameResult): void {
    frame.result = result;
    frame.state = State.Finished;
  }

  private fail(frame: Frame, reason: string): void {
    this.finish(frame, { rcode: Rcode.SERVFAIL, reason });
  }

  private pop(frame: Frame, now: number, out: ResolverAction[]): void {
    this.stack.pop();
    const result = frame.result!;
    const parent = this.stack[this.stack.length - 1];
    switch (frame.purpose) {
      case 'client':
        return this.answerClient(frame, result, now, out);
      case 'prime':
        if (result.rcode !== Rcode.NOERROR) return this.fail(parent!, `priming failed: ${result.reason ?? 'no root NS'}`);
        parent!.state = State.FindCut;
        return;
      case 'target': {
        const { dp, nsName } = frame.targetFor!;
        if (result.rcode === Rcode.NOERROR) {
          // The addresses are those of the chain's end: the NS name itself, or (when the profile
          // follows aliases) its CNAME target, whether the chain came in one answer or in several.
          const owner = chainEnd(frame.chain, nsName);
          for (const rr of frame.chain) if (rr.name === owner && rr.type === RRType.A) dp.addAddress(nsName, rr.data as string);
        }
        parent!.state = State.QueryTargets;
        return;
      }
    }
  }

  private answerClient(frame: Frame, result: FrameResult, now: number, out: ResolverAction[]): void {
    // A prefetch refresh: the client was answered before it started, whatever became of it.
    if (this.response !== undefined) return;
    if (result.rcode !== Rcode.SERVFAIL) return this.answer(result.rcode, frame.chain, result.soa ? [result.soa] : [], out);
    const { cache, profile, limits } = this.recursor;
    if (cache.policy.staleWindow > 0) {
      // RFC 8767 §5: resolution failed, so expired data still in the window is better than nothing.
      const stale = lookupChain(cache, this.qname!, this.qtype, now, limits.maxCnameLinks, true);
      if (stale.kind !== 'miss') {
        const rcode = stale.kind === 'nxdomain' ? Rcode.NXDOMAIN : Rcode.NOERROR;
        return this.answer(rcode, stale.records, stale.soa ? [stale.soa] : [], out);
      }
    }
    if (result.reason !== 'SERVFAIL cached') cache.storeServfail(this.qname!, this.qtype, now, profile.failure.servfailTtl);
    this.answer(Rcode.SERVFAIL, [], [], out);
  }

  /** Emits the client's answer, once (a prefetch answers before it refreshes). */
  private answer(rcode: number, answer: RR[], authority: RR[], out: ResolverAction[]): void {
    if (this.response !== undefined) return;
    this.response = this.recursor.respond(this.query, rcode, answer, authority);
    out.push({ kind: 'answer', response: this.response });
  }
}

/** The name a CNAME chain, given in order, leads to from `start`. */
function chainEnd(chain: readonly RR[], start: Name): Name {
  let name = start;
  for (const rr of chain) if (rr.type === RRType.CNAME && rr.name === name) name = rr.data as Name;
  return name;
}

function safeCanonical(name: string): Name | undefined {
  try {
    return canonicalName(name);
  } catch {
    return undefined;
  }
}
