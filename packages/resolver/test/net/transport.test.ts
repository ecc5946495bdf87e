import dgram from 'node:dgram';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { makeQuery, makeResponse, type Message } from '../../src/message.ts';
import { frame, FrameReader } from '../../src/net/framing.ts';
import { startDnsServer, type DnsServer, type Handler } from '../../src/net/server.ts';
import { Transport } from '../../src/net/transport.ts';
import { decodeMessage, encodeMessage } from '../../src/wire/codec.ts';
import { answerWith, NET, sleep } from './helpers.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

function transport(opts?: ConstructorParameters<typeof Transport>[0]): Transport {
  const t = new Transport(opts);
  cleanup.push(() => t.close());
  return t;
}

async function serve(handler: Handler, address = `${NET}.2`): Promise<number> {
  const server: DnsServer = await startDnsServer({ listen: [{ address, port: 0 }], handler });
  cleanup.push(() => server.close());
  return (server.addresses[0] as { port: number }).port;
}

/** A hand-driven UDP "server" that answers each query with the packets `reply` makes. */
async function scriptedUdp(address: string, reply: (query: Message) => Uint8Array[]): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, address, () => r()));
  socket.on('message', (packet, peer) => {
    for (const out of reply(decodeMessage(packet))) socket.send(out, peer.port, peer.address);
  });
  cleanup.push(() => new Promise<void>((r) => socket.close(() => r())));
  return socket.address().port;
}

function withData(query: Message, address: string, patch: Partial<Message> = {}): Uint8Array {
  const response = makeResponse(query);
  response.answer = [{ name: 'example.com.', type: RRType.A, class: 1, ttl: 60, data: address }];
  return encodeMessage({ ...response, ...patch });
}

describe('Transport: IDs', () => {
  it('sends its own random ID and gives the caller back its ID', async () => {
    const seen: number[] = [];
    const port = await serve((query) => {
      seen.push(query.id);
      return answerWith(query, 1);
    });
    const reply = (await transport({ random: () => 0.5 }).query(`${NET}.2`, makeQuery(7, 'example.com.', RRType.A), { timeout: 2, port })) as Message;
    expect(seen).toEqual([0x8000]);
    expect(reply.id).toBe(7);
  });

  it('IDs from node:crypto vary', async () => {
    const seen = new Set<number>();
    const port = await serve((query) => {
      seen.add(query.id);
      return answerWith(query, 1);
    });
    const t = transport();
    for (let i = 0; i < 20; i++) await t.query(`${NET}.2`, makeQuery(1, 'example.com.', RRType.A), { timeout: 2, port });
    expect(seen.size).toBeGreaterThan(15);
  });

  it('caps the advertised EDNS size at maxUdpSize (default 1232)', async () => {
    const sizes: (number | undefined)[] = [];
    const port = await serve((query) => {
      sizes.push(query.edns?.udpSize);
      return answerWith(query, 1);
    });
    const edns = { udpSize: 4096, version: 0, dnssecOk: false };
    await transport().query(`${NET}.2`, makeQuery(1, 'example.com.', RRType.A, { edns }), { timeout: 2, port });
    await transport({ maxUdpSize: 512 }).query(`${NET}.2`, makeQuery(1, 'example.com.', RRType.A, { edns }), { timeout: 2, port });
    expect(sizes).toEqual([1232, 512]);
  });
});

describe('Transport: which replies it accepts', () => {
  it('ignores a wrong ID, a question in other case or of another type, and garbage, then takes the real reply', async () => {
    const port = await scriptedUdp(`${NET}.3`, (query) => {
      const q = query.question[0]!;
      return [
        withData(query, '192.0.2.1', { id: query.id ^ 1 }),
        withData(query, '192.0.2.2', { question: [{ ...q, name: q.name.toLowerCase() }] }),
        withData(query, '192.0.2.3', { question: [{ ...q, type: RRType.AAAA }] }),
        withData(query, '192.0.2.4', { qr: false }),
        Uint8Array.from([1, 2, 3]),
        withData(query, '192.0.2.99'),
      ];
    });
    const reply = (await transport().query(`${NET}.3`, makeQuery(1, 'ExAmple.COM.', RRType.A), { timeout: 2, port })) as Message;
    expect(reply.answer.map((r) => r.data)).toEqual(['192.0.2.99']);
  });

  it('times out when the only reply has the wrong ID', async () => {
    const port = await serve((query) => ({ ...answerWith(query, 1), id: query.id ^ 0x100 }));
    expect(await transport().query(`${NET}.2`, makeQuery(1, 'example.com.', RRType.A), { timeout: 0.3, port })).toBe('timeout');
  });

  it('ignores replies forged from another address or another port of the server address', async () => {
    const rogues = await Promise.all(
      [`${NET}.66`, `${NET}.2`].map(async (address) => {
        const socket = dgram.createSocket('udp4');
        await new Promise<void>((r) => socket.bind(0, address, () => r()));
        cleanup.push(() => new Promise<void>((r) => socket.close(() => r())));
        return socket;
      }),
    );
    const port = await serve(async (query, info) => {
      // The forgers know the client's port and the ID: they only lack the right source.
      for (const rogue of rogues) rogue.send(withData(query, '203.0.113.66'), info.port, info.address);
      await sleep(50);
      return answerWith(query, 1);
    });
    const reply = (await transport().query(`${NET}.2`, makeQuery(1, 'example.com.', RRType.A), { timeout: 2, port })) as Message;
    expect(reply.answer.map((r) => r.data)).toEqual(['10.0.0.0']);
  });

  it('accepts a FORMERR that carries no question (the server could not read it)', async () => {
    const port = await scriptedUdp(`${NET}.3`, (query) => [encodeMessage({ ...makeResponse(query, Rcode.FORMERR), question: [] })]);
    const reply = (await transport().query(`${NET}.3`, makeQuery(1, 'example.com.', RRType.A), { timeout: 2, port })) as Message;
    expect(reply.rcode).toBe(Rcode.FORMERR);
  });
});

describe('Transport: failures', () => {
  it('a silent server times out after the timeout', async () => {
    const port = await scriptedUdp(`${NET}.3`, () => []);
    const started = performance.now();
    expect(await transport().query(`${NET}.3`, makeQuery(1, 'example.com.', RRType.A), { timeout: 0.3, port })).toBe('timeout');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
  });

  it('ICMP port unreachable counts as a timeout at once', async () => {
    const started = performance.now();
    expect(await transport().query(`${NET}.77`, makeQuery(1, 'example.com.', RRType.A), { timeout: 5, port: 9 })).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('TC=1 with no TCP listener ends as a timeout', async () => {
    const port = await scriptedUdp(`${NET}.3`, (query) => [encodeMessage({ ...makeResponse(query), tc: true })]);
    expect(await transport().query(`${NET}.3`, makeQuery(1, 'example.com.', RRType.A), { timeout: 1, port })).toBe('timeout');
  });

  it('over TCP, skips a reply with the wrong ID and takes the next', async () => {
    const server = net.createServer((socket) => {
      const frames = new FrameReader();
      socket.on('data', (chunk: Buffer) => {
        for (const f of frames.push(chunk)) {
          const query = decodeMessage(f);
          socket.write(frame(withData(query, '192.0.2.1', { id: query.id ^ 1 })));
          socket.write(frame(withData(query, '192.0.2.2')));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, `${NET}.4`, () => r()));
    cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.address() as net.AddressInfo).port;
    const reply = (await transport().query(`${NET}.4`, makeQuery(1, 'example.com.', RRType.A), { timeout: 2, port, tcp: true })) as Message;
    expect(reply.answer.map((r) => r.data)).toEqual(['192.0.2.2']);
  });

  it('close() ends the queries in flight as timeouts, and later ones at once', async () => {
    const port = await scriptedUdp(`${NET}.3`, () => []);
    const t = transport();
    const pending = t.query(`${NET}.3`, makeQuery(1, 'example.com.', RRType.A), { timeout: 10, port });
    await sleep(20);
    const started = performance.now();
    t.close();
    expect(await pending).toBe('timeout');
    expect(await t.query(`${NET}.3`, makeQuery(1, 'example.com.', RRType.A), { timeout: 10, port })).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a server that is not an IP address (it would be looked up in the system resolver)', async () => {
    await expect(transport().query('ns.example.com', makeQuery(1, 'example.com.', RRType.A), { timeout: 1 })).rejects.toThrow(/not an IP address/);
  });
});
