import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { makeQuery, RRType, type Message } from '@cutover/resolver';
import { fuzzDnsSocket, type FuzzReport } from '../../resolver/test/net/fuzz-harness.ts';
import { startDaemon, startLab, stopDaemon, type Lab } from './lab.ts';

// 100,000 random and mutated packets at a real `cutover serve` and at a real `cutover resolver`,
// each in its own process on the lab of 127.64.0.0/16. Well-formed probes sent in between must
// keep getting the right answer, and the daemons must still be running at the end.
describe('the daemons under random and mutated packets', () => {
  let lab: Lab;
  let resolver: ChildProcess;
  const resolverAddress = '127.64.9.1';

  beforeAll(async () => {
    lab = await startLab(64);
    resolver = await startDaemon(['resolver', '--root-hints', lab.rootHints, '--listen', `${resolverAddress}:5300`], /answering on/);
  });
  afterAll(async () => {
    if (resolver) await stopDaemon(resolver);
    await lab?.stop();
  });

  const wwwIsOld = (reply: Message) => reply.rcode === 0 && reply.answer.length === 1 && reply.answer[0]?.data === '192.0.2.10';

  function expectSurvived(report: FuzzReport) {
    expect(report.sentUdp + report.sentTcp).toBe(100_000);
    expect(report.probesWrong).toBe(0);
    // Loopback drops datagrams under load; probes retry, and nearly all must get through.
    expect(report.probesAnswered).toBeGreaterThanOrEqual(report.probes * 0.95);
    expect(report.tcpProbesAnswered).toBe(report.tcpProbes);
    expect(report.stillAnswering).toBe(true);
  }

  it('cutover serve keeps answering authoritatively', { timeout: 180_000 }, async () => {
    const report = await fuzzDnsSocket({
      address: lab.address('127.53.2.1'),
      port: 53,
      count: 100_000,
      seed: 1035,
      probe: { query: makeQuery(0, 'www.example.com.', RRType.A), check: (r) => wwwIsOld(r) && r.aa },
    });
    expectSurvived(report);
  });

  it('cutover resolver keeps resolving', { timeout: 300_000 }, async () => {
    const report = await fuzzDnsSocket({
      address: resolverAddress,
      port: 5300,
      count: 100_000,
      seed: 1034,
      probe: { query: makeQuery(0, 'www.example.com.', RRType.A, { rd: true }), check: (r) => wwwIsOld(r) && r.ra },
    });
    expectSurvived(report);
    expect(resolver.exitCode).toBeNull();
  });
});
