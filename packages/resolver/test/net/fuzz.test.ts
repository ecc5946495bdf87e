import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RRType } from '../../src/constants.ts';
import { makeQuery, makeResponse, type Message } from '../../src/message.ts';
import { startDnsServer, type DnsServer } from '../../src/net/server.ts';
import { fuzzDnsSocket } from './fuzz-harness.ts';
import { NET } from './helpers.ts';

let server: DnsServer;
let handled = 0;

beforeAll(async () => {
  server = await startDnsServer({
    listen: [{ address: `${NET}.30`, port: 0 }],
    // Answers anything it can decode, echoing the question; the probe name gets its own address.
    handler: (query) => {
      handled++;
      const response = makeResponse(query);
      const q = query.question[0];
      if (q?.name === 'probe.example.' && q.type === RRType.A) {
        response.answer = [{ name: 'probe.example.', type: RRType.A, class: 1, ttl: 60, data: '192.0.2.53' }];
      }
      return response;
    },
  });
});

afterAll(() => server.close());

describe('robustness under random and mutated packets', () => {
  it('survives 100,000 of them over UDP and TCP and still answers well-formed queries right', { timeout: 120_000 }, async () => {
    const { port } = server.addresses[0] as { port: number };
    const started = performance.now();
    const report = await fuzzDnsSocket({
      address: `${NET}.30`,
      port,
      count: 100_000,
      seed: 7873,
      probe: {
        query: makeQuery(0, 'probe.example.', RRType.A),
        check: (reply: Message) => reply.answer.length === 1 && reply.answer[0]?.data === '192.0.2.53',
      },
    });
    const seconds = (performance.now() - started) / 1000;
    expect(report.sentUdp + report.sentTcp).toBe(100_000);
    expect(report.sentTcp).toBeGreaterThan(1000);
    for (const count of Object.values(report.mutations)) expect(count).toBeGreaterThan(5000);
    // Loopback may drop datagrams under load; the probes retry, and nearly all must get through.
    expect(report.probesWrong).toBe(0);
    expect(report.probesAnswered).toBeGreaterThanOrEqual(report.probes * 0.95);
    expect(report.tcpProbes).toBeGreaterThan(report.tcpConnections * 0.5);
    expect(report.tcpProbesAnswered).toBe(report.tcpProbes);
    expect(report.stillAnswering).toBe(true);
    // The server really was exercised: it replied to many fuzz packets and handled decodable ones.
    expect(report.udpReplies).toBeGreaterThan(10_000);
    expect(handled).toBeGreaterThan(1000);
    console.log(`fuzz: ${JSON.stringify({ ...report, seconds: Math.round(seconds) })}`);
  });
});
