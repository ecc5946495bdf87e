import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { startDaemon, startLab, stopDaemon, type Lab } from './lab.ts';
import { startUnbound, type Unbound } from './unbound.ts';
import { dig } from './dig.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Does a child NS TTL shorter than the parent's end the cached delegation? .com delegates
// example.com for 172800 s; the old provider's own NS set says 4 s, and it comes in the authority
// section of every answer. After the first lookup .com moves the delegation to Route 53. A name
// looked up for the first time 7 s later comes from Route 53 if the resolver's delegation ended
// with the child's 4 s (it had to ask .com again), from the old provider if it lives for the
// parent's TTL. Debian's Unbound 1.17 is the oracle, and it keeps the parent's TTL: lowering the
// NS TTL at the old provider, as the Route 53 guide advises, does not shorten an Unbound cache's
// delegation. `cutover resolver` with the unbound profile (ghostClamp 'keep') must do the same.
describe("a child NS TTL shorter than the parent's: Unbound and the unbound profile side by side", () => {
  let lab: Lab;
  let unbound: Unbound;
  let ours: ChildProcess;
  const unboundAddress = '127.65.9.2';
  const oursAddress = '127.65.9.3';
  const asked = () => [
    { who: 'unbound', address: unboundAddress, port: 5301 },
    { who: 'cutover resolver --profile unbound', address: oursAddress, port: 5300 },
  ];

  beforeAll(async () => {
    lab = await startLab(65);
    await lab.editZone('oldprovider', 'example.com.zone', (text) => text.replaceAll(/^@\s+86400\s+IN\s+NS/gm, '@         4  IN  NS'));
    unbound = await startUnbound({ address: unboundAddress, port: 5301, rootHints: lab.rootHints });
    ours = await startDaemon(['resolver', '--root-hints', lab.rootHints, '--listen', `${oursAddress}:5300`, '--profile', 'unbound'], /answering on/);
  });
  afterAll(async () => {
    if (ours) await stopDaemon(ours);
    await unbound?.stop();
    await lab?.stop();
  });

  it('both learn the delegation from the old provider, with its NS set at 4 s', async () => {
    for (const { who, address, port } of asked()) {
      const answer = await dig(address, port, 'www.example.com');
      expect(answer.answer[0]?.data, who).toBe('192.0.2.10');
    }
    const ns = await dig(lab.address('127.53.2.1'), 53, 'example.com', 'NS');
    expect(ns.answer.map((a) => a.ttl)).toEqual([4, 4]);
  });

  it("both keep asking the old provider after the child's 4 s: the delegation lives for the parent's TTL", async () => {
    await lab.editZone('gtld', 'com.zone', (text) =>
      text.replace(/^example .*ns1\.oldprovider\.net\.$/m, 'example      IN  NS   ns-0.awsdns-00.com.').replace(/^example .*ns2\.oldprovider\.net\.$/m, 'example      IN  NS   ns-512.awsdns-00.net.'),
    );
    await sleep(7000);
    const seen: Record<string, string | undefined> = {};
    for (const { who, address, port } of asked()) seen[who] = (await dig(address, port, 'mail.example.com')).answer[0]?.data;
    // The old provider's mail address (Route 53's is 198.51.100.25): neither asked .com again.
    expect(seen).toEqual({ unbound: '192.0.2.25', 'cutover resolver --profile unbound': '192.0.2.25' });
    // .com did publish the change: a query to it now returns the Route 53 delegation.
    const referral = await dig(lab.address('127.53.1.1'), 53, 'www.example.com', 'A', ['+norecurse']);
    expect(referral.raw).toMatch(/ns-0\.awsdns-00\.com\./);
  });
});
