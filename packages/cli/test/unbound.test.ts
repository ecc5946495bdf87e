import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from './lab.ts';
import { startUnbound, type Unbound } from './unbound.ts';
import { dig } from './dig.ts';

// Debian's Unbound, given root hints that point at our loopback root, resolves through our servers
// (configuration per shared/lab-notes.md). An independent resolver accepting our answers is the
// check that the authority speaks DNS as the real world does.
describe('Unbound resolving through cutover serve', () => {
  let lab: Lab;
  let unbound: Unbound;
  const address = '127.62.9.2';

  beforeAll(async () => {
    lab = await startLab(62);
    unbound = await startUnbound({ address, port: 5301, rootHints: lab.rootHints });
  });
  afterAll(async () => {
    await unbound?.stop();
    await lab?.stop();
  });

  it('resolves the example name through root, .com and the old provider', async () => {
    const answer = await dig(address, 5301, 'www.example.com');
    expect(answer.status).toBe('NOERROR');
    expect(answer.answer).toEqual([{ name: 'www.example.com.', ttl: 300, type: 'A', data: '192.0.2.10' }]);
  });

  it('follows glueless delegations of the Route 53-like provider', async () => {
    const answer = await dig(address, 5301, 'ns-1024.awsdns-00.org');
    expect(answer.answer.map((a) => a.data)).toEqual([lab.address('127.53.3.3')]);
  });

  it('gets NXDOMAIN with the negative TTL from the SOA minimum', async () => {
    const answer = await dig(address, 5301, 'absent.example.com', 'A');
    expect(answer.status).toBe('NXDOMAIN');
    expect(answer.raw).toMatch(/example\.com\.\s+3600\s+IN\s+SOA/);
  });

  it('reads the MX and its address from the additional data', async () => {
    const answer = await dig(address, 5301, 'example.com', 'MX');
    expect(answer.answer).toEqual([{ name: 'example.com.', ttl: 3600, type: 'MX', data: '10 mail.example.com.' }]);
  });
});
