import { afterEach, describe, expect, it } from 'vitest';
import type { Resolution, ResolverAction, ResolverEvent } from '../../src/actions.ts';
import { RRType } from '../../src/constants.ts';
import { makeQuery, makeResponse, type Message } from '../../src/message.ts';
import { drive } from '../../src/net/drive.ts';
import { startDnsServer, type DnsServer } from '../../src/net/server.ts';
import { Transport } from '../../src/net/transport.ts';
import { answerWith, NET } from './helpers.ts';

/**
 * A small scripted resolution: asks two servers at once, then answers with what came back,
 * recording each event and the time it was handled.
 */
class TwoServerResolution implements Resolution {
  done = false;
  readonly events: { event: ResolverEvent; now: number; at: number }[] = [];
  constructor(private readonly servers: string[]) {}

  start(): ResolverAction[] {
    return this.servers.map((to, ref) => ({ kind: 'send', ref, to, query: makeQuery(ref, `q${ref}.example.`, RRType.A), timeout: 0.3 }));
  }

  handle(event: ResolverEvent, now: number): ResolverAction[] {
    this.events.push({ event, now, at: performance.now() });
    if (this.events.length < this.servers.length) return [];
    this.done = true;
    const response = makeResponse(makeQuery(99, 'client.example.', RRType.A));
    response.answer = this.events.flatMap(({ event }) => (event.kind === 'response' ? event.message.answer : []));
    return [{ kind: 'answer', response }];
  }
}

const servers: DnsServer[] = [];
const transport = new Transport();
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('drive', () => {
  it('sends a resolution\'s queries in parallel, feeds back responses and timeouts with the clock, returns the answer', async () => {
    const arrivals: number[] = [];
    const server = await startDnsServer({
      listen: [{ address: `${NET}.20`, port: 0 }],
      handler: (query) => {
        arrivals.push(performance.now());
        // The first query is answered, the second dropped, so one event of each kind comes back.
        return query.question[0]?.name === 'q0.example.' ? answerWith(query, 1) : undefined;
      },
    });
    servers.push(server);
    const { port } = server.addresses[0] as { port: number };

    let ticks = 0;
    const resolution = new TwoServerResolution([`${NET}.20`, `${NET}.20`]);
    const started = performance.now();
    const answer: Message = await drive(resolution, transport, () => ++ticks, { port });
    const elapsed = performance.now() - started;
    expect(answer.id).toBe(99);
    expect(answer.answer).toHaveLength(1);
    expect(resolution.events.map(({ event }) => [event.ref, event.kind])).toEqual([
      [0, 'response'],
      [1, 'timeout'],
    ]);
    // Clock read once for start and once per event, in order.
    expect(resolution.events.map(({ now }) => now)).toEqual([2, 3]);
    // Parallel: the second query reached the server before the first reply was handled.
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]).toBeLessThan(resolution.events[0]!.at);
    expect(elapsed).toBeLessThan(1000);
  });

  it('rejects when the resolution stops without answering', async () => {
    const stuck: Resolution = { done: false, start: () => [], handle: () => [] };
    await expect(drive(stuck, transport, () => 0)).rejects.toThrow(/without an answer/);
  });

  it('rejects when the resolution throws', async () => {
    const broken: Resolution = {
      done: false,
      start: () => {
        throw new Error('bug in the resolution');
      },
      handle: () => [],
    };
    await expect(drive(broken, transport, () => 0)).rejects.toThrow(/bug in the resolution/);
  });

  it('an answer in the first actions returns at once', async () => {
    const response = makeResponse(makeQuery(5, 'x.', RRType.A));
    const immediate: Resolution = { done: true, start: () => [{ kind: 'answer', response }], handle: () => [] };
    expect(await drive(immediate, transport, () => 0)).toBe(response);
  });
});
