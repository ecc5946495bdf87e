import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { CUTOVER, startDaemon, startLab, stopDaemon, type Lab } from './lab.ts';
import { dig } from './dig.ts';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The lab on 127.61.0.0/16: `cutover serve` for every server, `cutover resolver` in front, dig asking it.
describe('cutover serve + cutover resolver over real sockets, asked by dig', () => {
  let lab: Lab;
  let resolver: ChildProcess;
  const resolverAddress = '127.61.9.1';

  beforeAll(async () => {
    lab = await startLab(61);
    resolver = await startDaemon(['resolver', '--root-hints', lab.rootHints, '--listen', `${resolverAddress}:5300`], /answering on/);
  });
  afterAll(async () => {
    if (resolver) await stopDaemon(resolver);
    await lab?.stop();
  });

  it('answers from the old provider, and the TTL of a second answer has counted down', async () => {
    const first = await dig(resolverAddress, 5300, 'www.example.com');
    expect(first.status).toBe('NOERROR');
    expect(first.flags).toEqual(expect.arrayContaining(['qr', 'rd', 'ra']));
    expect(first.flags).not.toContain('aa');
    expect(first.answer).toEqual([{ name: 'www.example.com.', ttl: 300, type: 'A', data: '192.0.2.10' }]);
    await sleep(2200);
    const second = await dig(resolverAddress, 5300, 'www.example.com');
    expect(second.answer[0]?.data).toBe('192.0.2.10');
    expect(second.answer[0]?.ttl).toBeLessThanOrEqual(298);
    expect(second.answer[0]?.ttl).toBeGreaterThanOrEqual(290);
  });

  it('resolves through glueless Route 53 name servers under .org and .co.uk', async () => {
    const answer = await dig(resolverAddress, 5300, 'ns-1536.awsdns-00.co.uk');
    expect(answer.answer.map((a) => a.data)).toEqual([lab.address('127.53.3.4')]);
  });

  it('says NXDOMAIN with the SOA for a name that does not exist', async () => {
    const answer = await dig(resolverAddress, 5300, 'nothing-here.example.com');
    expect(answer.status).toBe('NXDOMAIN');
    expect(answer.raw).toMatch(/example\.com\.\s+\d+\s+IN\s+SOA\s+ns1\.oldprovider\.net\./);
  });

  it('keeps the cached delegation after the registry change while a fresh resolution sees Route 53', async () => {
    await lab.editZone('gtld', 'com.zone', (text) =>
      text.replace('example      IN  NS   ns1.oldprovider.net.', 'example      IN  NS   ns-0.awsdns-00.com.').replace(
        'example      IN  NS   ns2.oldprovider.net.',
        'example      IN  NS   ns-512.awsdns-00.net.',
      ),
    );
    const cached = await dig(resolverAddress, 5300, 'mail.example.com');
    expect(cached.answer[0]?.data).toBe('192.0.2.25');
    const fresh = await run(process.execPath, [CUTOVER, 'resolve', 'mail.example.com', 'A', '--root-hints', lab.rootHints]);
    expect(fresh.stdout).toMatch(/mail\.example\.com\.\s+3600\s+IN\s+A\s+198\.51\.100\.25/);
  });

  it('prints every step with --trace, from the root to the answer', async () => {
    const { stdout } = await run(process.execPath, [CUTOVER, 'resolve', 'www.example.com', '--root-hints', lab.rootHints, '--trace']);
    expect(stdout).toContain(lab.address('127.53.0.1'));
    expect(stdout).toContain(lab.address('127.53.1.1'));
    expect(stdout).toMatch(/www\.example\.com\.\s+300\s+IN\s+A\s+198\.51\.100\.10/);
  });
});
