/**
 * Replay harness in the spirit of Unbound's testdata/*.rpl: a resolver under test, a scripted
 * world of servers by address whose behaviour holds over ranges of virtual time, and explicit
 * steps (ask at time t, let time pass, check the answer and which servers were asked). The
 * network is in memory: a query reaches its handler at once, the answer comes back after `rtt`,
 * and a silent server costs the query's full timeout.
 */
import { Authority, type AuthorityOptions } from '../../src/authority.ts';
import { parseTypeName, Rcode, RRType } from '../../src/constants.ts';
import { makeQuery, makeResponse, type Message } from '../../src/message.ts';
import { parseZoneFile } from '../../src/zonefile/parse.ts';
import { Zone } from '../../src/zone.ts';
import type { RR } from '../../src/record.ts';
import type { Recursor } from '../../src/iterator/recursor.ts';
import type { IterativeResolution } from '../../src/iterator/resolution.ts';

/** A server: what it answers to a query at virtual time `now`, or silence. */
export type Handler = (query: Message, now: number) => Message | 'timeout';

/** The resolver's own address, which server cookies are bound to. */
export const RESOLVER_ADDRESS = '10.255.0.1';

/** A server whose behaviour changes at given times: each handler holds from its `from` on. */
export function overTime(ranges: readonly { from: number; handler: Handler }[]): Handler {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  return (query, now) => {
    let current: Handler | undefined;
    for (const r of sorted) if (r.from <= now) current = r.handler;
    return current ? current(query, now) : 'timeout';
  };
}

/** A real authoritative server (src/authority.ts) for the zones given as master-file text. */
export function serve(zoneTexts: readonly string[], opts: AuthorityOptions = {}): Handler {
  const authority = new Authority(zoneTexts.map((text) => zone(text)), opts);
  return (query, now) => authority.answer(query, { now, client: RESOLVER_ADDRESS });
}

export function zone(text: string): Zone {
  return Zone.fromRecords(parseZoneFile(text, { defaultTtl: 3600 }));
}

/** A server that has lost the zone: REFUSED to everything. */
export const refusing: Handler = (query) => makeResponse(query, Rcode.REFUSED);

/** A server that is down: never answers. */
export const silent: Handler = () => 'timeout';

export function records(text: string): RR[] {
  return parseZoneFile(text, { defaultTtl: 3600 });
}

export interface Asked {
  at: number;
  server: string;
  name: string;
  type: number;
  query: Message;
}

export interface Outcome {
  response: Message;
  /** When the client got its answer. */
  answeredAt: number;
  /** Queries the resolver sent for this question, in order. */
  asked: Asked[];
  resolution: IterativeResolution;
}

export class Replay {
  now = 0;
  /** Every query sent so far. */
  readonly log: Asked[] = [];

  constructor(
    readonly recursor: Recursor,
    private readonly servers: Map<string, Handler>,
    private readonly rtt = 0.01,
  ) {}

  setServer(address: string, handler: Handler): void {
    this.servers.set(address, handler);
  }

  /** Lets virtual time pass up to `t` (never backwards: a slow resolution may have passed it). */
  advanceTo(t: number): this {
    this.now = Math.max(this.now, t);
    return this;
  }

  /** A client asks at the current time; the resolution runs to its end over the in-memory network. */
  ask(name: string, type: string | number = 'A'): Outcome {
    const qtype = typeof type === 'number' ? type : parseTypeName(type);
    if (qtype === undefined) throw new Error(`unknown type ${type}`);
    const query = makeQuery(1, name, qtype, { rd: true, edns: { udpSize: 1232, version: 0, dnssecOk: false } });
    const resolution = this.recursor.resolve(query, this.now);
    const asked: Asked[] = [];
    let response: Message | undefined;
    let answeredAt = this.now;
    let actions = resolution.start(this.now);
    for (let steps = 0; ; steps++) {
      if (steps > 10000) throw new Error('resolution does not end');
      let next: (typeof actions)[number] | undefined;
      for (const action of actions) {
        if (action.kind === 'answer') {
          if (response) throw new Error('client answered twice');
          response = action.response;
          answeredAt = this.now;
        } else {
          if (next) throw new Error('more than one query in flight');
          next = action;
        }
      }
      if (!next || next.kind !== 'send') break;
      const q = next.query.question[0]!;
      const step = { at: this.now, server: next.to, name: q.name, type: q.type, query: next.query };
      asked.push(step);
      this.log.push(step);
      const handler = this.servers.get(next.to);
      const reply = handler ? handler(next.query, this.now) : 'timeout';
      if (reply === 'timeout') {
        this.now += next.timeout;
        actions = resolution.handle({ kind: 'timeout', ref: next.ref }, this.now);
      } else {
        this.now += this.rtt;
        actions = resolution.handle({ kind: 'response', ref: next.ref, message: reply }, this.now);
      }
    }
    if (!resolution.done) throw new Error('resolution stopped without being done');
    if (!response) throw new Error('resolution ended without answering the client');
    return { response, answeredAt, asked, resolution };
  }

  /**
   * Asks `name` every `every` seconds from `from` until `until` and returns each answer's
   * summary (`summary` of the response) with its time: the replay's step list, condensed.
   */
  poll(name: string, type: string, from: number, until: number, every: number): { at: number; answer: string }[] {
    const out: { at: number; answer: string }[] = [];
    for (let t = from; t < until; t += every) {
      this.advanceTo(t);
      const at = this.now;
      out.push({ at, answer: summary(this.ask(name, type).response) });
    }
    return out;
  }
}

/** A compact view of a response: "NOERROR 192.0.2.1", "NXDOMAIN", "SERVFAIL". */
export function summary(response: Message): string {
  const rcode = Object.entries(Rcode).find(([, v]) => v === response.rcode)?.[0] ?? String(response.rcode);
  const data = response.answer.filter((rr) => rr.type !== RRType.CNAME).map((rr) => String(rr.data));
  return data.length > 0 ? `${rcode} ${data.join(',')}` : rcode;
}

/** The first poll time whose answer satisfies `test`, or undefined. */
export function firstTime(samples: readonly { at: number; answer: string }[], test: (answer: string) => boolean): number | undefined {
  return samples.find((s) => test(s.answer))?.at;
}

/** The last poll time whose answer satisfies `test`, or undefined. */
export function lastTime(samples: readonly { at: number; answer: string }[], test: (answer: string) => boolean): number | undefined {
  let last: number | undefined;
  for (const s of samples) if (test(s.answer)) last = s.at;
  return last;
}
