import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { makeQuery, makeResponse, type Message } from '../../src/message.ts';
import { startDnsServer, udpReplySize, type DnsServer, type Handler, type QueryInfo } from '../../src/net/server.ts';
import { Transport } from '../../src/net/transport.ts';
import { decodeMessage, encodeMessage } from '../../src/wire/codec.ts';
import { answerWith, NET, rawTcp, rawUdp, sleep } from './helpers.ts';

const servers: DnsServer[] = [];
const transports: Transport[] = [];

async function serve(handler: Handler, address = `${NET}.1`, extra: { tcpIdleTimeout?: number; maxTcpConnections?: number; log?: (l: string) => void } = {}) {
  const server = await startDnsServer({ listen: [{ address, port: 0 }], handler, ...extra });
  servers.push(server);
  const { port } = server.addresses[0] as { port: number };
  return { server, port, address };
}

function client(): Transport {
  const t = new Transport();
  transports.push(t);
  return t;
}

afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('udpReplySize', () => {
  it('is 512 without EDNS, else the advertised size clamped to 512 … 4096 (RFC 6891 §6.2.5)', () => {
    const withSize = (udpSize: number) => makeQuery(1, 'x.', 1, { edns: { udpSize, version: 0, dnssecOk: false } });
    expect(udpReplySize(makeQuery(1, 'x.', 1))).toBe(512);
    expect(udpReplySize(withSize(100))).toBe(512);
    expect(udpReplySize(withSize(1232))).toBe(1232);
    expect(udpReplySize(withSize(65535))).toBe(4096);
  });
});

describe('the DNS server over real sockets', () => {
  it('answers over UDP and TCP on an ephemeral port, telling the handler which', async () => {
    const seen: QueryInfo[] = [];
    const { port, server } = await serve((query, info) => {
      seen.push(info);
      return answerWith(query, 2);
    });
    expect(port).toBeGreaterThan(0);
    expect(server.addresses).toEqual([{ address: `${NET}.1`, port }]);
    const t = client();
    for (const tcp of [false, true]) {
      const reply = await t.query(`${NET}.1`, makeQuery(42, 'Www.Example.com.', RRType.A), { timeout: 2, port, tcp });
      expect(reply).not.toBe('timeout');
      const m = reply as Message;
      expect(m.id).toBe(42);
      expect(m.question[0]?.name).toBe('Www.Example.com.');
      expect(m.answer.map((r) => r.data)).toEqual(['10.0.0.0', '10.0.0.1']);
    }
    // The client's own address: the kernel's choice of source for the loopback route.
    expect(seen.map((i) => [i.transport, i.address])).toEqual([
      ['udp', '127.0.0.1'],
      ['tcp', '127.0.0.1'],
    ]);
    expect(seen.every((i) => i.port > 0)).toBe(true);
  });

  it('answers on IPv6 loopback too', async () => {
    const { port } = await serve((query) => answerWith(query, 1), '::1');
    const reply = await client().query('::1', makeQuery(1, 'example.com.', RRType.A), { timeout: 2, port });
    expect((reply as Message).answer).toHaveLength(1);
  });

  it('truncates a large UDP answer to 512 octets without EDNS; the client falls back to TCP for all of it', async () => {
    const transports: string[] = [];
    const { port } = await serve((query, info) => {
      transports.push(info.transport);
      return answerWith(query, 100);
    });
    const udpOnly = await rawUdp(`${NET}.1`, port, encodeMessage(makeQuery(7, 'big.example.', RRType.A)));
    expect(udpOnly?.length).toBeLessThanOrEqual(512);
    expect(decodeMessage(udpOnly as Buffer).tc).toBe(true);
    const reply = (await client().query(`${NET}.1`, makeQuery(8, 'big.example.', RRType.A), { timeout: 2, port })) as Message;
    expect(reply.tc).toBe(false);
    expect(reply.answer).toHaveLength(100);
    expect(transports).toEqual(['udp', 'udp', 'tcp']);
  });

  it('honours the EDNS size: a 1700-octet answer comes over UDP to a 4096-octet buffer', async () => {
    const { port } = await serve((query) => ({ ...answerWith(query, 100), edns: { udpSize: 1232, version: 0, dnssecOk: false } }));
    const query = makeQuery(9, 'big.example.', RRType.A, { edns: { udpSize: 4096, version: 0, dnssecOk: false } });
    const raw = (await rawUdp(`${NET}.1`, port, encodeMessage(query))) as Buffer;
    expect(raw.length).toBeGreaterThan(1232);
    expect(decodeMessage(raw).answer).toHaveLength(100);
  });

  it('replies FORMERR to an undecodable packet with a header, drops one without, and never answers a response', async () => {
    let calls = 0;
    const { port } = await serve((query) => {
      calls++;
      return answerWith(query, 1);
    });
    const garbage = Uint8Array.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1]);
    const formErr = decodeMessage((await rawUdp(`${NET}.1`, port, garbage)) as Buffer);
    expect(formErr).toMatchObject({ id: 0x1234, qr: true, rcode: Rcode.FORMERR });
    expect(await rawUdp(`${NET}.1`, port, Uint8Array.from([1, 2, 3]), 200)).toBeUndefined();
    const response = encodeMessage(makeResponse(makeQuery(5, 'example.com.', RRType.A)));
    expect(await rawUdp(`${NET}.1`, port, response, 200)).toBeUndefined();
    const brokenResponse = Uint8Array.from([...garbage.subarray(0, 2), 0x81, ...garbage.subarray(3)]);
    expect(await rawUdp(`${NET}.1`, port, brokenResponse, 200)).toBeUndefined();
    expect(calls).toBe(0);
    expect((await client().query(`${NET}.1`, makeQuery(1, 'still.example.', RRType.A), { timeout: 2, port })) as Message).toHaveProperty('answer.length', 1);
  });

  it('a handler that throws (or rejects) gives SERVFAIL and the server goes on', async () => {
    const logged: string[] = [];
    const { port } = await serve(
      (query) => {
        const name = query.question[0]?.name;
        if (name === 'throw.example.') throw new Error('boom');
        if (name === 'reject.example.') return Promise.reject(new Error('async boom'));
        if (name === 'unencodable.example.') return { ...makeResponse(query), answer: [{ name: 'x.', type: RRType.A, class: 1, ttl: 1, data: 'not an address' }] };
        return answerWith(query, 1);
      },
      `${NET}.1`,
      { log: (l) => logged.push(l) },
    );
    const t = client();
    for (const name of ['throw.example.', 'reject.example.', 'unencodable.example.']) {
      for (const tcp of [false, true]) {
        const reply = (await t.query(`${NET}.1`, makeQuery(1, name, RRType.A), { timeout: 2, port, tcp })) as Message;
        expect(reply.rcode).toBe(Rcode.SERVFAIL);
      }
    }
    expect(logged.some((l) => l.includes('boom') && l.includes('throw.example.'))).toBe(true);
    expect(((await t.query(`${NET}.1`, makeQuery(1, 'fine.example.', RRType.A), { timeout: 2, port })) as Message).rcode).toBe(Rcode.NOERROR);
  });

  it('a handler returning undefined drops the query: the client times out', async () => {
    const { port } = await serve(() => undefined);
    const started = performance.now();
    expect(await client().query(`${NET}.1`, makeQuery(1, 'x.', RRType.A), { timeout: 0.3, port })).toBe('timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('DNS over TCP (RFC 7766)', () => {
  it('answers several pipelined queries on one connection, each as soon as it is ready', async () => {
    const { port } = await serve(async (query) => {
      if (query.question[0]?.name === 'slow.example.') await sleep(150);
      return answerWith(query, 1);
    });
    const queries = ['slow.example.', 'a.example.', 'b.example.'].map((name, i) => encodeMessage(makeQuery(100 + i, name, RRType.A)));
    const { replies } = await rawTcp(`${NET}.1`, port, queries, 3);
    expect(replies.map((r) => r.id)).toEqual([101, 102, 100]);
  });

  it('works on at most 32 queries of one connection at a time, and answers them all', async () => {
    let running = 0;
    let most = 0;
    const { port } = await serve(async (query) => {
      most = Math.max(most, ++running);
      await sleep(5);
      running--;
      return answerWith(query, 1);
    });
    const queries = Array.from({ length: 100 }, (_, i) => encodeMessage(makeQuery(i, `q${i}.example.`, RRType.A)));
    const { replies } = await rawTcp(`${NET}.1`, port, queries, 100, 5000);
    expect(replies.map((r) => r.id).sort((a, b) => a - b)).toEqual(queries.map((_, i) => i));
    expect(most).toBe(32);
  });

  it('closes a connection that stays idle', async () => {
    const { port } = await serve((query) => answerWith(query, 1), `${NET}.1`, { tcpIdleTimeout: 0.2 });
    const started = performance.now();
    const { replies, closedByServer } = await rawTcp(`${NET}.1`, port, [encodeMessage(makeQuery(1, 'a.example.', RRType.A))], 99, 3000);
    expect(replies).toHaveLength(1);
    expect(closedByServer).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses connections beyond its cap, and serves again once they close', async () => {
    const { port } = await serve((query) => answerWith(query, 1), `${NET}.1`, { maxTcpConnections: 2 });
    const open = await Promise.all([0, 1].map(() => new Promise<net.Socket>((resolve) => {
      const s = net.connect({ host: `${NET}.1`, port }, () => resolve(s));
    })));
    await sleep(50);
    const refused = await rawTcp(`${NET}.1`, port, [encodeMessage(makeQuery(1, 'a.example.', RRType.A))], 1, 1000);
    expect(refused.replies).toHaveLength(0);
    for (const s of open) s.destroy();
    await sleep(50);
    const served = await rawTcp(`${NET}.1`, port, [encodeMessage(makeQuery(1, 'a.example.', RRType.A))], 1, 1000);
    expect(served.replies).toHaveLength(1);
  });

  it('answers FORMERR to an undecodable framed message and keeps the connection', async () => {
    const { port } = await serve((query) => answerWith(query, 1));
    const bad = Uint8Array.from([0xab, 0xcd, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0x40]);
    const { replies } = await rawTcp(`${NET}.1`, port, [bad, encodeMessage(makeQuery(2, 'a.example.', RRType.A))], 2);
    expect(replies.map((r) => [r.id, r.rcode])).toEqual([
      [0xabcd, Rcode.FORMERR],
      [2, Rcode.NOERROR],
    ]);
  });
});
