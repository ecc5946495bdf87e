import dgram from 'node:dgram';
import net from 'node:net';
import { RRType } from '../../src/constants.ts';
import { makeResponse, type Message } from '../../src/message.ts';
import type { RR } from '../../src/record.ts';
import { decodeMessage } from '../../src/wire/codec.ts';
import { frame, FrameReader } from '../../src/net/framing.ts';

/** This test suite's own loopback /24 (other suites and real resolvers use others). */
export const NET = '127.0.10';

/** An answer with `count` A records for the question's name. */
export function answerWith(query: Message, count: number, ttl = 60): Message {
  const response = makeResponse(query);
  response.aa = true;
  const name = (query.question[0]?.name ?? '.').toLowerCase();
  response.answer = Array.from({ length: count }, (_, i): RR => ({ name, type: RRType.A, class: 1, ttl, data: `10.0.${i >> 8}.${i & 0xff}` }));
  return response;
}

/** Sends one raw UDP packet from a fresh socket and returns the first reply, or undefined after `ms`. */
export function rawUdp(address: string, port: number, packet: Uint8Array, ms = 500): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const timer = setTimeout(() => done(undefined), ms);
    const done = (reply: Buffer | undefined): void => {
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    };
    socket.on('message', (reply) => done(reply));
    socket.send(packet, port, address);
  });
}

/** Opens a TCP connection and collects every framed reply, decoded, until `count` arrived or `ms` passed. */
export function rawTcp(address: string, port: number, payload: Uint8Array[], count: number, ms = 1000): Promise<{ replies: Message[]; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const frames = new FrameReader();
    const replies: Message[] = [];
    let closedByServer = false;
    const timer = setTimeout(() => finish(), ms);
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ replies, closedByServer });
    };
    socket.on('error', () => finish());
    socket.on('close', () => {
      closedByServer = true;
      finish();
    });
    socket.on('connect', () => socket.write(Buffer.concat(payload.map((p) => frame(p)))));
    socket.on('data', (chunk: Buffer) => {
      for (const f of frames.push(chunk)) replies.push(decodeMessage(f));
      if (replies.length >= count) finish();
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
