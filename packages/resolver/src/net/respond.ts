import { Rcode } from '../constants.ts';
import { makeResponse, type Message } from '../message.ts';
import { decodeMessage, encodeMessage, formErrFor, isResponseHeader } from '../wire/codec.ts';

export interface QueryInfo {
  address: string;
  port: number;
  transport: 'udp' | 'tcp';
}

/** Answers a decoded query; undefined drops it (no reply at all). */
export type Handler = (query: Message, info: QueryInfo) => Message | Promise<Message> | undefined;

/** EDNS buffer size this server advertises in the replies it makes itself (DNS flag day 2020). */
const OWN_UDP_SIZE = 1232;

/**
 * Turns one received packet into the octets to send back, or undefined for silence. Whatever
 * the packet or the handler does, this never throws: undecodable packets get FORMERR when their
 * header can be read, and a failing handler gets SERVFAIL. Protocol policy on decodable queries
 * (EDNS version, cookies, question count) is the handler's, so the authority and the simulation
 * behave the same; only responses are dropped here, so two servers never answer each other.
 */
export async function respond(
  packet: Uint8Array,
  info: QueryInfo,
  handler: Handler,
  maxSizeFor: (query: Message | undefined) => number,
  log: (line: string) => void,
): Promise<Uint8Array | undefined> {
  let query: Message;
  try {
    query = decodeMessage(packet);
  } catch {
    // A response is never answered, even with FORMERR: two servers could otherwise ping-pong.
    return isResponseHeader(packet) ? undefined : formErrFor(packet);
  }
  if (query.qr) return undefined;
  const maxSize = maxSizeFor(query);
  let response: Message | undefined;
  try {
    response = await handler(query, info);
  } catch (error) {
    log(`handler failed for ${describe(query, info)}: ${String(error)}`);
    response = errorResponse(query, Rcode.SERVFAIL);
  }
  if (response === undefined) return undefined;
  try {
    return encodeMessage(response, { maxSize });
  } catch (error) {
    log(`cannot encode the response for ${describe(query, info)}: ${String(error)}`);
    return encodeMessage(errorResponse(query, Rcode.SERVFAIL), { maxSize });
  }
}

function errorResponse(query: Message, rcode: number): Message {
  const response = makeResponse(query, rcode);
  if (query.edns) response.edns = { udpSize: OWN_UDP_SIZE, version: 0, dnssecOk: false };
  return response;
}

function describe(query: Message, info: QueryInfo): string {
  const q = query.question[0];
  return `${q ? `${q.name} ${q.type}` : 'a query'} from ${info.address}#${info.port}/${info.transport}`;
}
