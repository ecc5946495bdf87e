import dgram from 'node:dgram';
import net from 'node:net';
import type { Message } from '../message.ts';
import { frame, FrameReader } from './framing.ts';
import { respond, type Handler, type QueryInfo } from './respond.ts';

export type { Handler, QueryInfo };

export interface DnsServer {
  /** Where it listens, with the real port when port 0 was asked for. */
  readonly addresses: { address: string; port: number }[];
  close(): Promise<void>;
}

export interface DnsServerOptions {
  listen: { address: string; port: number }[];
  handler: Handler;
  log?: (line: string) => void;
  /** Seconds a TCP connection may sit with nothing in flight (RFC 7766 §6.2.3); default 10. */
  tcpIdleTimeout?: number;
  /** Open TCP connections at once over all addresses; more are refused. Default 150. */
  maxTcpConnections?: number;
}

/** RFC 1035 §4.2.1: without EDNS a UDP reply is at most 512 octets. */
const CLASSIC_UDP_SIZE = 512;
/** Replies over UDP never exceed this, whatever the client advertises: large ones fragment. */
const MAX_UDP_REPLY = 4096;
/** Queries one TCP connection may have in flight before the server stops reading from it. */
const MAX_IN_FLIGHT_PER_CONNECTION = 32;
/** Unsent reply octets after which a client that does not read is disconnected. */
const MAX_UNSENT_OCTETS = 1 << 20;

/** The UDP reply limit for a query: its EDNS size clamped to 512 … 4096 (RFC 6891 §6.2.5), else 512. */
export function udpReplySize(query: Message | undefined): number {
  const advertised = query?.edns?.udpSize;
  return advertised === undefined ? CLASSIC_UDP_SIZE : Math.min(MAX_UDP_REPLY, Math.max(CLASSIC_UDP_SIZE, advertised));
}

/**
 * Serves DNS over UDP and TCP on every listen address (IPv4 or IPv6). Nothing a client sends
 * can stop it: every socket error is logged and serving goes on.
 */
export async function startDnsServer(opts: DnsServerOptions): Promise<DnsServer> {
  const log = opts.log ?? (() => {});
  const idleMs = (opts.tcpIdleTimeout ?? 10) * 1000;
  const endpoints: Endpoint[] = [];
  const connections = new Set<net.Socket>();
  const context: ServeContext = { handler: opts.handler, log, idleMs, connections, maxConnections: opts.maxTcpConnections ?? 150 };
  try {
    for (const listen of opts.listen) endpoints.push(await openEndpoint(listen, context));
  } catch (error) {
    await Promise.all(endpoints.map((e) => e.close()));
    throw error;
  }
  return {
    addresses: endpoints.map((e) => ({ address: e.address, port: e.port })),
    async close() {
      for (const socket of connections) socket.destroy();
      await Promise.all(endpoints.map((e) => e.close()));
    },
  };
}

interface ServeContext {
  handler: Handler;
  log: (line: string) => void;
  idleMs: number;
  connections: Set<net.Socket>;
  maxConnections: number;
}

interface Endpoint {
  address: string;
  port: number;
  close(): Promise<void>;
}

/**
 * UDP and TCP on one address and port. With port 0 the kernel picks the UDP port and TCP takes
 * the same one; if another program holds that TCP port, a fresh pair is tried.
 */
async function openEndpoint(listen: { address: string; port: number }, ctx: ServeContext): Promise<Endpoint> {
  const attempts = listen.port === 0 ? 8 : 1;
  for (let attempt = 1; ; attempt++) {
    const udp = await bindUdp(listen.address, listen.port, ctx);
    const port = udp.address().port;
    try {
      const tcp = await listenTcp(listen.address, port, ctx);
      return {
        address: listen.address,
        port,
        close: () => Promise.all([closeUdp(udp), closeTcp(tcp)]).then(() => undefined),
      };
    } catch (error) {
      await closeUdp(udp);
      if (attempt >= attempts || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
}

function bindUdp(address: string, port: number, ctx: ServeContext): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket({ type: net.isIPv6(address) ? 'udp6' : 'udp4', ipv6Only: net.isIPv6(address) });
    socket.once('error', reject);
    socket.bind({ address, port, exclusive: true }, () => {
      socket.off('error', reject);
      socket.on('error', (error) => ctx.log(`udp ${address}#${port}: ${error.message}`));
      socket.on('message', (packet, peer) => void serveUdp(socket, packet, peer, ctx));
      resolve(socket);
    });
  });
}

async function serveUdp(socket: dgram.Socket, packet: Buffer, peer: dgram.RemoteInfo, ctx: ServeContext): Promise<void> {
  const info: QueryInfo = { address: peer.address, port: peer.port, transport: 'udp' };
  const reply = await respond(packet, info, ctx.handler, udpReplySize, ctx.log);
  if (!reply) return;
  try {
    socket.send(reply, peer.port, peer.address, (error) => {
      if (error) ctx.log(`udp reply to ${peer.address}#${peer.port}: ${error.message}`);
    });
  } catch (error) {
    // The socket was closed while the handler was working.
    ctx.log(`udp reply to ${peer.address}#${peer.port} not sent: ${String(error)}`);
  }
}

function closeUdp(socket: dgram.Socket): Promise<void> {
  return new Promise((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve();
    }
  });
}

function listenTcp(address: string, port: number, ctx: ServeContext): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => serveTcp(socket, ctx));
    server.once('error', reject);
    server.listen({ host: address, port, ipv6Only: net.isIPv6(address), exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', (error) => ctx.log(`tcp ${address}#${port}: ${error.message}`));
      resolve(server);
    });
  });
}

/**
 * One TCP client (RFC 7766): any number of queries, answered as each is ready (pipelining,
 * replies possibly out of order), closed after an idle period with nothing in flight.
 */
function serveTcp(socket: net.Socket, ctx: ServeContext): void {
  socket.on('error', () => socket.destroy());
  if (ctx.connections.size >= ctx.maxConnections) {
    socket.destroy();
    return;
  }
  ctx.connections.add(socket);
  socket.on('close', () => ctx.connections.delete(socket));
  const info: QueryInfo = { address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0, transport: 'tcp' };
  const frames = new FrameReader();
  const waiting: Buffer[] = [];
  let inFlight = 0;
  socket.setNoDelay(true);
  socket.setTimeout(ctx.idleMs, () => {
    if (inFlight === 0 && waiting.length === 0) socket.destroy();
  });
  const send = (reply: Uint8Array | undefined): void => {
    if (!reply || socket.destroyed) return;
    if (socket.writableLength > MAX_UNSENT_OCTETS) {
      ctx.log(`tcp client ${info.address}#${info.port} does not read its replies: disconnected`);
      socket.destroy();
      return;
    }
    socket.write(frame(reply));
  };
  // Queries start while fewer than the limit are in flight; the rest wait, and the connection is
  // not read from while any wait, so a client cannot make the server hold unbounded work.
  const pump = (): void => {
    while (inFlight < MAX_IN_FLIGHT_PER_CONNECTION && waiting.length > 0) {
      const packet = waiting.shift() as Buffer;
      inFlight++;
      void respond(packet, info, ctx.handler, () => 0xffff, ctx.log).then((reply) => {
        inFlight--;
        send(reply);
        pump();
      });
    }
    if (socket.destroyed) return;
    if (waiting.length > 0) socket.pause();
    else if (socket.isPaused()) socket.resume();
  };
  socket.on('data', (chunk: Buffer) => {
    waiting.push(...frames.push(chunk));
    pump();
  });
}

function closeTcp(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
