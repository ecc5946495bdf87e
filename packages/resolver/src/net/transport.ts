import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import { Rcode } from '../constants.ts';
import type { Message, Question } from '../message.ts';
import { decodeMessage, encodeMessage } from '../wire/codec.ts';
import { canonicalIPv6 } from '../zonefile/ip-address.ts';
import { frame, FrameReader } from './framing.ts';

export interface QueryOptions {
  /** Seconds from sending until the exchange counts as timed out (a TCP retry included). */
  timeout: number;
  /** Default 53. */
  port?: number;
  /** Ask over TCP from the start. */
  tcp?: boolean;
}

export interface TransportOptions {
  /** A uniform number in [0, 1) for query IDs; node:crypto's randomInt when absent. */
  random?: () => number;
  /** Largest EDNS UDP payload size advertised (default 1232, DNS flag day 2020). */
  maxUdpSize?: number;
}

type Outcome = Message | 'timeout';

/**
 * The client side of one DNS exchange, with the defences against off-path spoofing of RFC 5452:
 * a random 16-bit ID, a fresh UDP socket per query so the source port is a new kernel-chosen
 * ephemeral port, and a reply accepted only from the queried address and port with the same ID
 * and the question exactly as sent (case included, which 0x20 relies on). Anything else is
 * ignored and waiting goes on. The socket is connected, so the kernel also filters by source and
 * reports ICMP port unreachable (ECONNREFUSED), which counts as that server's timeout at once.
 *
 * Measured over loopback on a 2-core machine, a socket per query allows about 8,000 sequential
 * exchanges a second against 32,000 on one shared socket. A resolver sends queries only on cache
 * misses, so the per-query socket, which gives every query its own unpredictable port (as
 * Unbound does), is worth its cost; a shared pool would expose a few long-lived ports.
 */
export class Transport {
  private readonly random: (() => number) | undefined;
  private readonly maxUdpSize: number;
  private readonly inFlight = new Set<() => void>();
  private closed = false;

  constructor(opts: TransportOptions = {}) {
    this.random = opts.random;
    this.maxUdpSize = opts.maxUdpSize ?? 1232;
  }

  async query(server: string, message: Message, opts: QueryOptions): Promise<Outcome> {
    if (net.isIP(server) === 0) throw new TypeError(`server ${JSON.stringify(server)} is not an IP address`);
    if (this.closed) return 'timeout';
    const port = opts.port ?? 53;
    const id = this.randomId();
    const sent: Message = { ...message, id };
    if (message.edns) sent.edns = { ...message.edns, udpSize: Math.min(message.edns.udpSize, this.maxUdpSize) };
    const wire = encodeMessage(sent);
    // The question as it went out, so the reply can be compared with exactly that.
    const question = decodeMessage(wire).question;
    const deadline = performance.now() + opts.timeout * 1000;
    const accept = (reply: Message): boolean => reply.qr && reply.id === id && questionMatches(reply, question);
    let outcome: Outcome = 'timeout';
    if (!opts.tcp) {
      outcome = await this.exchangeUdp(server, port, wire, accept, deadline);
      if (outcome === 'timeout' || !outcome.tc) return restoreId(outcome, message.id);
    }
    outcome = await this.exchangeTcp(server, port, wire, accept, deadline);
    return restoreId(outcome, message.id);
  }

  /** Ends every exchange in flight (they report 'timeout'); later queries time out at once. */
  close(): void {
    this.closed = true;
    for (const finish of [...this.inFlight]) finish();
  }

  private randomId(): number {
    return this.random ? Math.floor(this.random() * 0x10000) & 0xffff : randomInt(0, 0x10000);
  }

  private exchangeUdp(server: string, port: number, wire: Uint8Array, accept: (m: Message) => boolean, deadline: number): Promise<Outcome> {
    return new Promise((resolve) => {
      const socket = dgram.createSocket(net.isIPv6(server) ? 'udp6' : 'udp4');
      const expectedAddress = sameAddressAs(server);
      const finish = this.track((outcome) => {
        clearTimeout(timer);
        socket.removeAllListeners('message');
        try {
          socket.close();
        } catch {
          // Already closed: a socket error ended the exchange first.
        }
        resolve(outcome);
      });
      const timer = setTimeout(() => finish('timeout'), Math.max(0, deadline - performance.now()));
      // ECONNREFUSED (ICMP port unreachable) and any other socket failure: this server is not answering.
      socket.on('error', () => finish('timeout'));
      socket.on('message', (packet, peer) => {
        if (peer.port !== port || !expectedAddress(peer.address)) return;
        const reply = tryDecode(packet);
        if (reply && accept(reply)) finish(reply);
      });
      socket.connect(port, server, () => {
        socket.send(wire, (error) => {
          if (error) finish('timeout');
        });
      });
    });
  }

  private exchangeTcp(server: string, port: number, wire: Uint8Array, accept: (m: Message) => boolean, deadline: number): Promise<Outcome> {
    return new Promise((resolve) => {
      const socket = net.connect({ host: server, port, noDelay: true });
      const frames = new FrameReader();
      const finish = this.track((outcome) => {
        clearTimeout(timer);
        socket.destroy();
        resolve(outcome);
      });
      const timer = setTimeout(() => finish('timeout'), Math.max(0, deadline - performance.now()));
      socket.on('error', () => finish('timeout'));
      socket.on('close', () => finish('timeout'));
      socket.on('connect', () => socket.write(frame(wire)));
      socket.on('data', (chunk: Buffer) => {
        for (const packet of frames.push(chunk)) {
          const reply = tryDecode(packet);
          if (reply && accept(reply)) return finish(reply);
        }
      });
    });
  }

  /** Wraps an exchange's completion so it runs once and `close` can end it. */
  private track(complete: (outcome: Outcome) => void): (outcome: Outcome) => void {
    let done = false;
    const finish = (outcome: Outcome): void => {
      if (done) return;
      done = true;
      this.inFlight.delete(abort);
      complete(outcome);
    };
    const abort = (): void => finish('timeout');
    this.inFlight.add(abort);
    return finish;
  }
}

function tryDecode(packet: Uint8Array): Message | undefined {
  try {
    return decodeMessage(packet);
  } catch {
    return undefined;
  }
}

/**
 * The question must come back exactly as asked. A FORMERR reply may carry none: a server that
 * could not parse the query cannot echo it (RFC 6891 §7 relies on such replies for fallback).
 */
function questionMatches(reply: Message, asked: Question[]): boolean {
  if (reply.question.length === 0 && reply.rcode === Rcode.FORMERR) return true;
  return (
    reply.question.length === asked.length &&
    reply.question.every((q, i) => {
      const a = asked[i] as Question;
      return q.name === a.name && q.type === a.type && q.class === a.class;
    })
  );
}

/** A test for "is this the server's address", IPv6 compared in canonical form. */
function sameAddressAs(server: string): (address: string) => boolean {
  if (!net.isIPv6(server)) return (address) => address === server;
  const canonical = canonicalIPv6(server);
  return (address) => canonicalIPv6(address) === canonical;
}

function restoreId(outcome: Outcome, id: number): Outcome {
  return outcome === 'timeout' ? outcome : { ...outcome, id };
}
