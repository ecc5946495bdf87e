import dgram from 'node:dgram';
import net from 'node:net';
import { RRType } from '../../src/constants.ts';
import { makeQuery, makeResponse, type Message } from '../../src/message.ts';
import { frame } from '../../src/net/framing.ts';
import { Transport } from '../../src/net/transport.ts';
import { encodeMessage } from '../../src/wire/codec.ts';

/**
 * Throws random and mutated packets at a DNS server's UDP (and some at its TCP) socket, with
 * well-formed probe queries in between, and reports how the server held up. Reusable against
 * any server: the test suite aims it at `startDnsServer`, and the resolver daemon can be checked
 * the same way. Deterministic for a seed (the packets; not which ones loopback drops).
 */

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzProbe {
  /** A well-formed query; it goes out on a fresh random ID each time. */
  query: Message;
  /** Whether a reply to it is the right one. */
  check: (reply: Message) => boolean;
}

export interface FuzzOptions {
  address: string;
  port: number;
  /** Fuzz packets to send in all (UDP and TCP). */
  count: number;
  seed: number;
  probe: FuzzProbe;
  /** Packets per burst; a probe follows each burst (default 250). */
  burst?: number;
  /** Share of packets sent as TCP frames instead of UDP datagrams (default 0.02). */
  tcpShare?: number;
  /** Seconds to wait for each probe attempt (default 0.5), and attempts per probe (default 4). */
  probeTimeout?: number;
  probeAttempts?: number;
}

export interface FuzzReport {
  sentUdp: number;
  sentTcp: number;
  /** Datagrams the server sent back to the fuzzing socket (FORMERRs and answers). */
  udpReplies: number;
  /** Packets made by each mutation. */
  mutations: Record<string, number>;
  probes: number;
  /** Probes answered (within their attempts) with a reply that passed `check`. */
  probesAnswered: number;
  /** Probes answered with a reply that failed `check`. */
  probesWrong: number;
  tcpConnections: number;
  /** TCP connections that ended with a probe (the others end in broken framing). */
  tcpProbes: number;
  /** Of those, the ones whose probe was answered after the fuzz frames before it. */
  tcpProbesAnswered: number;
  /** Whether a probe sent after everything else was answered correctly. */
  stillAnswering: boolean;
}

type Mutation = (packet: Uint8Array, random: () => number) => Uint8Array;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;
const int = (n: number, random: () => number): number => Math.floor(random() * n);

const mutations: Record<string, Mutation> = {
  random: (_, random) => Uint8Array.from({ length: int(600, random) }, () => int(256, random)),
  bitFlips: (p, random) => {
    const out = Uint8Array.from(p);
    for (let i = 1 + int(8, random); i > 0; i--) {
      const at = int(out.length, random);
      out[at] = (out[at] as number) ^ (1 << int(8, random));
    }
    return out;
  },
  truncate: (p, random) => p.slice(0, int(p.length, random)),
  inflateCount: (p, random) => {
    const out = Uint8Array.from(p);
    const at = 4 + 2 * int(4, random);
    const value = pick([1, 2, 0xff, 0xffff, int(0x10000, random)], random);
    out[at] = value >> 8;
    out[at + 1] = value & 0xff;
    return out;
  },
  pointerLoop: (p, random) => {
    // A pointer to itself, to a later octet, or into its own name, at the question or later.
    const out = Uint8Array.from(p);
    const at = Math.min(out.length - 2, 12 + int(Math.max(1, out.length - 13), random));
    const target = pick([at, at + 2, 12, int(0x4000, random)], random);
    out[at] = 0xc0 | ((target >> 8) & 0x3f);
    out[at + 1] = target & 0xff;
    return out;
  },
  badLabel: (p, random) => {
    const out = Uint8Array.from(p);
    out[12 + int(Math.max(1, out.length - 12), random)] = 0x40 + int(0xc0, random);
    return out;
  },
  trailingGarbage: (p, random) => Uint8Array.from([...p, ...Array.from({ length: 1 + int(40, random) }, () => int(256, random))]),
  hugeRdlength: (p, random) => {
    const out = Uint8Array.from(p);
    const at = Math.max(12, out.length - 2 - int(Math.min(out.length - 12, 40), random));
    out[at] = 0xff;
    out[at + 1] = int(256, random);
    return out;
  },
};

/** Valid messages the mutations start from, besides the probe itself. */
function corpus(probe: Message): Uint8Array[] {
  const cookie = { client: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) };
  const withEdns = makeQuery(1, 'Www.Example.COM.', RRType.AAAA, { rd: true, edns: { udpSize: 4096, version: 0, dnssecOk: true, cookie } });
  const response = makeResponse(makeQuery(2, 'example.com.', RRType.NS));
  response.authority = [1, 2, 3].map((i) => ({ name: 'example.com.', type: RRType.NS, class: 1, ttl: 172800, data: `ns-${i}.awsdns-${i}.net.` }));
  response.additional = [1, 2, 3].map((i) => ({ name: `ns-${i}.awsdns-${i}.net.`, type: RRType.A, class: 1, ttl: 172800, data: `192.0.2.${i}` }));
  const asQuery = { ...response, qr: false };
  return [encodeMessage(probe), encodeMessage(withEdns), encodeMessage(asQuery), encodeMessage(makeQuery(3, '.', RRType.NS))];
}

export async function fuzzDnsSocket(opts: FuzzOptions): Promise<FuzzReport> {
  const random = mulberry32(opts.seed);
  const burst = opts.burst ?? 250;
  const tcpShare = opts.tcpShare ?? 0.02;
  const seeds = corpus(opts.probe.query);
  const names = Object.keys(mutations);
  const report: FuzzReport = {
    sentUdp: 0,
    sentTcp: 0,
    udpReplies: 0,
    mutations: Object.fromEntries(names.map((n) => [n, 0])),
    probes: 0,
    probesAnswered: 0,
    probesWrong: 0,
    tcpConnections: 0,
    tcpProbes: 0,
    tcpProbesAnswered: 0,
    stillAnswering: false,
  };
  const socket = dgram.createSocket(net.isIPv6(opts.address) ? 'udp6' : 'udp4');
  socket.on('message', () => report.udpReplies++);
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.bind(0, () => resolve()));
  const transport = new Transport();
  const probeOnce = async (): Promise<boolean | undefined> => {
    for (let attempt = 0; attempt < (opts.probeAttempts ?? 4); attempt++) {
      const reply = await transport.query(opts.address, opts.probe.query, { timeout: opts.probeTimeout ?? 0.5, port: opts.port });
      if (reply !== 'timeout') return opts.probe.check(reply);
    }
    return undefined;
  };
  try {
    let sent = 0;
    while (sent < opts.count) {
      const size = Math.min(burst, opts.count - sent);
      const tcpFrames: Uint8Array[] = [];
      for (let i = 0; i < size; i++) {
        const name = pick(names, random);
        report.mutations[name] = (report.mutations[name] ?? 0) + 1;
        const packet = (mutations[name] as Mutation)(pick(seeds, random), random);
        if (random() < tcpShare) tcpFrames.push(packet);
        else {
          socket.send(packet, opts.port, opts.address);
          report.sentUdp++;
        }
      }
      sent += size;
      if (tcpFrames.length > 0) {
        report.sentTcp += tcpFrames.length;
        report.tcpConnections++;
        const outcome = await tcpWithProbe(opts, tcpFrames, random);
        if (outcome !== 'no probe') report.tcpProbes++;
        if (outcome === 'answered') report.tcpProbesAnswered++;
      }
      const verdict = await probeOnce();
      report.probes++;
      if (verdict === true) report.probesAnswered++;
      else if (verdict === false) report.probesWrong++;
    }
    report.stillAnswering = (await probeOnce()) === true;
  } finally {
    transport.close();
    await new Promise<void>((resolve) => socket.close(() => resolve()));
  }
  return report;
}

/**
 * Sends fuzz frames on one TCP connection, sometimes ending with a length prefix that promises
 * more than follows, else followed by the probe, whose answer shows the connection survived.
 */
function tcpWithProbe(opts: FuzzOptions, frames: Uint8Array[], random: () => number): Promise<'answered' | 'unanswered' | 'no probe'> {
  const probeId = int(0x10000, random);
  const brokenFraming = random() < 0.25;
  return new Promise((resolve) => {
    const socket = net.connect({ host: opts.address, port: opts.port });
    let received = Buffer.alloc(0);
    const finish = (answered: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(brokenFraming ? 'no probe' : answered ? 'answered' : 'unanswered');
    };
    const timer = setTimeout(() => finish(false), 2000);
    socket.on('error', () => finish(false));
    socket.on('connect', () => {
      const parts = frames.map((f) => frame(f));
      if (brokenFraming) parts.push(Uint8Array.from([0xff, 0xff, 1, 2, 3]) as Buffer);
      else parts.push(frame(encodeMessage({ ...opts.probe.query, id: probeId })));
      socket.write(Buffer.concat(parts));
      if (brokenFraming) socket.end();
    });
    socket.on('close', () => finish(false));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (let at = 0; at + 2 <= received.length; ) {
        const length = received.readUInt16BE(at);
        if (at + 2 + length > received.length) break;
        if (length >= 2 && received.readUInt16BE(at + 2) === probeId) return finish(true);
        at += 2 + length;
      }
    });
  });
}
