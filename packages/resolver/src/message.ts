import type { Name } from './name.ts';
import type { RR } from './record.ts';

export interface Question {
  /** As the querier wrote it: case is preserved so a response can echo it (0x20 randomisation). */
  name: string;
  type: number;
  class: number;
}

/** RFC 7873 DNS COOKIE option contents. */
export interface Cookie {
  /** 8 octets. */
  client: Uint8Array;
  /** 8 to 32 octets when present. */
  server?: Uint8Array;
}

export interface Edns {
  /** Requestor's UDP payload size (RFC 6891 §6.2.3). */
  udpSize: number;
  /** Upper 8 bits of the 12-bit extended rcode live here on the wire; the message's rcode carries all 12. */
  version: number;
  dnssecOk: boolean;
  cookie?: Cookie;
  /** A COOKIE option whose length is not valid (RFC 7873 §5.2.2: FORMERR). */
  malformedCookie?: boolean;
}

/**
 * A DNS message as the core sees it: decoded, with canonical record names and a full (extended)
 * rcode. The wire codec converts to and from octets at the socket boundary only.
 */
export interface Message {
  id: number;
  qr: boolean;
  opcode: number;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  ad: boolean;
  cd: boolean;
  rcode: number;
  question: Question[];
  answer: RR[];
  authority: RR[];
  additional: RR[];
  edns?: Edns;
}

export function makeQuery(id: number, name: Name | string, type: number, opts: { rd?: boolean; edns?: Edns } = {}): Message {
  return {
    id,
    qr: false,
    opcode: 0,
    aa: false,
    tc: false,
    rd: opts.rd ?? false,
    ra: false,
    ad: false,
    cd: false,
    rcode: 0,
    question: [{ name, type, class: 1 }],
    answer: [],
    authority: [],
    additional: [],
    ...(opts.edns ? { edns: opts.edns } : {}),
  };
}

/** A response skeleton for `query`: same id, opcode, question and RD bit. */
export function makeResponse(query: Message, rcode = 0): Message {
  return {
    id: query.id,
    qr: true,
    opcode: query.opcode,
    aa: false,
    tc: false,
    rd: query.rd,
    ra: false,
    ad: false,
    cd: query.cd,
    rcode,
    question: query.question.map((q) => ({ ...q })),
    answer: [],
    authority: [],
    additional: [],
  };
}
