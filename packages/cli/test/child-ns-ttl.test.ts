import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { startDaemon, startLab, stopDaemon, type Lab } from './lab.ts';
import { startKresd } from './kresd.ts';
import { startPdnsRecursor } from './pdns-recursor.ts';
import type { RealResolver } from './real-resolver.ts';
import { startUnbound } from './unbound.ts';
import { dig } from './dig.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Does a child NS TTL shorter than the parent's end the cached delegation? .com delegates
// example.com for 172800 s; the old provider's own NS set says 4 s, and it comes in the authority
// section of every answer. After the first lookup .com moves the delegation to Route 53. A name
// looked up for the first time 7 s later comes from Route 53 if the resolver's delegation ended
// with the child's 4 s (it had to ask .com again), from the old provider if it lives for the
// parent's TTL. Debian's resolvers are the oracle, each beside `cutover resolver` with its
// profile, which must do as it does:
// - Unbound 1.17 keeps the parent's TTL: lowering the NS TTL at the old provider, as the Route 53
//   guide advises, does not shorten an Unbound cache's delegation (the unbound profile's
//   ghostClamp 'keep');
// - PowerDNS Recursor 4.8 takes the child's TTL (the powerdns profile);
// - Knot Resolver 5.6 takes the child's set only when it refetches in the last seconds of the
//   parent's TTL, so here it keeps the parent's (the knot profile).
describe("a child NS TTL shorter than the parent's: Debian's resolvers and the profiles side by side", () => {
  let lab: Lab;
  const real: RealResolver[] = [];
  const ours: ChildProcess[] = [];
  /** Each resolver, and where the name looked up after the change comes from for it. */
  const asked = [
    { who: 'unbound', address: '127.65.9.2', port: 5301, after: '192.0.2.25' },
    { who: 'cutover resolver --profile unbound', address: '127.65.9.3', port: 5300, after: '192.0.2.25' },
    { who: 'pdns_recursor', address: '127.65.9.4', port: 5302, after: '198.51.100.25' },
    { who: 'cutover resolver --profile powerdns', address: '127.65.9.5', port: 5303, after: '198.51.100.25' },
    { who: 'kresd', address: '127.65.9.8', port: 5306, after: '192.0.2.25' },
    { who: 'cutover resolver --profile knot', address: '127.65.9.9', port: 5307, after: '192.0.2.25' },
  ];

  beforeAll(async () => {
    lab = await startLab(65);
    await lab.editZone('oldprovider', 'example.com.zone', (text) => text.replaceAll(/^@\s+86400\s+IN\s+NS/gm, '@         4  IN  NS'));
    const [unbound, cutoverUnbound, pdns, cutoverPowerdns, kresd, cutoverKnot] = asked;
    real.push(await startUnbound({ address: unbound!.address, port: unbound!.port, rootHints: lab.rootHints }));
    real.push(await startPdnsRecursor({ address: pdns!.address, port: pdns!.port, rootHints: lab.rootHints }));
    real.push(await startKresd({ address: kresd!.address, port: kresd!.port, rootHints: lab.rootHints }));
    for (const [at, profile] of [[cutoverUnbound!, 'unbound'], [cutoverPowerdns!, 'powerdns'], [cutoverKnot!, 'knot']] as const) {
      ours.push(await startDaemon(['resolver', '--root-hints', lab.rootHints, '--listen', `${at.address}:${at.port}`, '--profile', profile], /answering on/));
    }
  });
  afterAll(async () => {
    for (const daemon of ours) await stopDaemon(daemon);
    for (const resolver of real) await resolver.stop();
    await lab?.stop();
  });

  it('all learn the delegation from the old provider, with its NS set at 4 s', async () => {
    for (const { who, address, port } of asked) {
      const answer = await dig(address, port, 'www.example.com');
      expect(answer.answer[0]?.data, who).toBe('192.0.2.10');
    }
    const ns = await dig(lab.address('127.53.2.1'), 53, 'example.com', 'NS');
    expect(ns.answer.map((a) => a.ttl)).toEqual([4, 4]);
  });

  it('7 s after the change, Unbound, Knot and their profiles still ask the old provider; PowerDNS and its profile ask .com again', async () => {
    await lab.editZone('gtld', 'com.zone', (text) =>
      text.replace(/^example .*ns1\.oldprovider\.net\.$/m, 'example      IN  NS   ns-0.awsdns-00.com.').replace(/^example .*ns2\.oldprovider\.net\.$/m, 'example      IN  NS   ns-512.awsdns-00.net.'),
    );
    await sleep(7000);
    const seen: Record<string, string | undefined> = {};
    for (const { who, address, port } of asked) seen[who] = (await dig(address, port, 'mail.example.com')).answer[0]?.data;
    // 192.0.2.25 is the old provider's mail address, 198.51.100.25 Route 53's.
    expect(seen).toEqual(Object.fromEntries(asked.map((a) => [a.who, a.after])));
    // .com did publish the change: a query to it now returns the Route 53 delegation.
    const referral = await dig(lab.address('127.53.1.1'), 53, 'www.example.com', 'A', ['+norecurse']);
    expect(referral.raw).toMatch(/ns-0\.awsdns-00\.com\./);
  });
});
