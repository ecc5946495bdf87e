import { canonicalName, parseTypeName, type Name } from '@cutover/resolver';
import { UsageError } from '../usage-error.ts';

export interface ListenAddress {
  address: string;
  port: number;
}

/** Reads `IP:PORT`, `[IPv6]:PORT` or a bare IP (port 53). */
export function parseListen(text: string): ListenAddress {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(text);
  const plain = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/.exec(text);
  const bareV6 = /^([0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/.exec(text);
  const match = bracketed ?? plain;
  const address = match?.[1] ?? bareV6?.[1];
  const port = match?.[2] === undefined ? 53 : Number(match[2]);
  if (address === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--listen ${JSON.stringify(text)}: expected IP:PORT, [IPv6]:PORT or an IP address`);
  }
  if (!isLoopback(address)) {
    throw new UsageError(`--listen ${address}: only loopback addresses (127.0.0.0/8, ::1) may be served`);
  }
  return { address, port };
}

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^(0{0,4}:){7}0{0,3}1$/.test(address);
}

export function parseQueryName(text: string): Name {
  return canonicalName(text.endsWith('.') ? text : `${text}.`);
}

export function parseQueryType(text: string): number {
  const type = parseTypeName(text);
  if (type === undefined) throw new UsageError(`type ${JSON.stringify(text)}: expected a record type such as A, AAAA, NS, MX or TYPE65`);
  return type;
}

export function asList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
