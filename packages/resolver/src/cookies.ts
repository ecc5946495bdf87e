/**
 * DNS COOKIEs (RFC 7873) with the interoperable server cookie of RFC 9018. A client cookie
 * identifies a client to one server; a server cookie proves the client was seen at its address
 * recently. Time is passed in (seconds); nothing here reads a clock.
 */
import { InputError } from './errors.ts';
import { siphash24 } from './siphash.ts';

/** Thrown for a secret, cookie or address that cannot be used. */
export class CookieError extends InputError {
  constructor(readonly reason: string) {
    super(`DNS cookie: ${reason}`);
    this.name = 'CookieError';
  }
}

export const CLIENT_COOKIE_LENGTH = 8;
/** RFC 9018 §4: version, 3 reserved octets, 32-bit timestamp, 64-bit hash. */
export const SERVER_COOKIE_LENGTH = 16;
const SERVER_COOKIE_VERSION = 1;

/** RFC 9018 §4.3: a server cookie is accepted for an hour after its timestamp… */
export const COOKIE_LIFETIME = 3600;
/** …and up to five minutes before it, for clock skew between servers sharing a secret. */
export const COOKIE_CLOCK_SKEW = 300;
/** RFC 9018 §4.3: a server cookie older than half an hour should be replaced. */
export const COOKIE_REISSUE_AGE = 1800;

export type ServerCookieCheck = 'valid' | 'stale' | 'invalid';

/**
 * RFC 7873 §4.1 with RFC 9018 §3's privacy advice: a keyed hash of the server's address under the
 * client's secret, leaving out the client's own address so the cookie does not track it.
 */
export function makeClientCookie(secret: Uint8Array, serverAddress: string): Uint8Array {
  checkSecret(secret);
  return siphash24(secret, addressOctets(serverAddress));
}

/**
 * RFC 9018 §4: Version (1) | Reserved (0, 0, 0) | Timestamp (seconds, mod 2^32) | Hash, where Hash
 * is SipHash-2-4 under the server secret of Client Cookie | Version | Reserved | Timestamp | Client IP.
 */
export function makeServerCookie(secret: Uint8Array, clientCookie: Uint8Array, clientAddress: string, now: number): Uint8Array {
  checkSecret(secret);
  checkClientCookie(clientCookie);
  const cookie = new Uint8Array(SERVER_COOKIE_LENGTH);
  cookie[0] = SERVER_COOKIE_VERSION;
  writeTimestamp(cookie, timestampOf(now));
  cookie.set(serverCookieHash(secret, clientCookie, cookie, clientOctets(clientAddress)), 8);
  return cookie;
}

/**
 * Client addresses already parsed, for `makeServerCookie`, which a server runs on every response
 * to a querier with cookies: the same few resolvers ask again and again. Bounded, as a server on
 * a real network meets any number of clients; it starts afresh when full.
 */
const parsedClients = new Map<string, Uint8Array>();
const MAX_PARSED_CLIENTS = 65536;

function clientOctets(address: string): Uint8Array {
  let octets = parsedClients.get(address);
  if (octets === undefined) {
    octets = addressOctets(address);
    if (parsedClients.size >= MAX_PARSED_CLIENTS) parsedClients.clear();
    parsedClients.set(address, octets);
  }
  return octets;
}

/**
 * RFC 9018 §4.3: a server cookie is valid when it is a version-1 cookie whose hash matches (over
 * the version and reserved octets as received) and whose timestamp is no more than an hour old
 * and no more than five minutes ahead. A valid cookie older than half an hour is `stale`: still
 * accepted, but due for a new one.
 */
export function checkServerCookie(
  secret: Uint8Array,
  clientCookie: Uint8Array,
  serverCookie: Uint8Array,
  clientAddress: string,
  now: number,
): ServerCookieCheck {
  checkSecret(secret);
  checkClientCookie(clientCookie);
  if (serverCookie.length !== SERVER_COOKIE_LENGTH || serverCookie[0] !== SERVER_COOKIE_VERSION) return 'invalid';
  const age = serialDifference(timestampOf(now), readTimestamp(serverCookie));
  if (age > COOKIE_LIFETIME || age < -COOKIE_CLOCK_SKEW) return 'invalid';
  const expected = serverCookieHash(secret, clientCookie, serverCookie, addressOctets(clientAddress));
  if (!equalOctets(expected, serverCookie.subarray(8))) return 'invalid';
  return age > COOKIE_REISSUE_AGE ? 'stale' : 'valid';
}

function serverCookieHash(secret: Uint8Array, clientCookie: Uint8Array, header: Uint8Array, client: Uint8Array): Uint8Array {
  const input = new Uint8Array(CLIENT_COOKIE_LENGTH + 8 + client.length);
  input.set(clientCookie, 0);
  input.set(header.subarray(0, 8), CLIENT_COOKIE_LENGTH);
  input.set(client, CLIENT_COOKIE_LENGTH + 8);
  return siphash24(secret, input);
}

/** The 32-bit wrapping timestamp of RFC 9018 §4.3 (serial number arithmetic, RFC 1982). */
function timestampOf(now: number): number {
  return Math.floor(now) >>> 0;
}

/** `a − b` in serial number arithmetic: the signed 32-bit distance, so ages survive the wrap. */
function serialDifference(a: number, b: number): number {
  return (a - b) | 0;
}

function writeTimestamp(cookie: Uint8Array, ts: number): void {
  cookie[4] = ts >>> 24;
  cookie[5] = (ts >>> 16) & 0xff;
  cookie[6] = (ts >>> 8) & 0xff;
  cookie[7] = ts & 0xff;
}

function readTimestamp(cookie: Uint8Array): number {
  return ((cookie[4]! << 24) | (cookie[5]! << 16) | (cookie[6]! << 8) | cookie[7]!) >>> 0;
}

function equalOctets(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function checkSecret(secret: Uint8Array): void {
  if (secret.length !== 16) throw new CookieError(`secret must be 16 octets, got ${secret.length}`);
}

function checkClientCookie(cookie: Uint8Array): void {
  if (cookie.length !== CLIENT_COOKIE_LENGTH) throw new CookieError(`client cookie must be 8 octets, got ${cookie.length}`);
}

/**
 * The octets of an IPv4 (4) or IPv6 (16) address as RFC 9018 hashes it. An IPv4-mapped IPv6
 * address (`::ffff:192.0.2.1`, what a dual-stack socket reports for an IPv4 client) counts as
 * the IPv4 address it carries, so a client's cookie does not depend on the server's socket type.
 * A zone index (`fe80::1%eth0`) is not part of the address.
 */
export function addressOctets(address: string): Uint8Array {
  const text = address.includes('%') ? address.slice(0, address.indexOf('%')) : address;
  if (!text.includes(':')) {
    const v4 = parseIPv4(text);
    if (!v4) throw new CookieError(`not an IP address: ${JSON.stringify(address)}`);
    return v4;
  }
  const v6 = parseIPv6(text);
  if (!v6) throw new CookieError(`not an IP address: ${JSON.stringify(address)}`);
  const mapped = v6.subarray(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? v6.slice(12) : v6;
}

function parseIPv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    out[i] = Number(p);
  }
  return out;
}

function parseIPv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const words = halves.length === 2 ? head.length + tail.length : head.length;
  if (halves.length === 2 ? words > 7 : words !== 8) return undefined;
  const all = [...head, ...new Array<number>(8 - words).fill(0), ...tail];
  const out = new Uint8Array(16);
  all.forEach((w, i) => {
    out[2 * i] = w >>> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

/** Hex groups of one side of "::"; a trailing dotted quad counts as two groups. */
function groups(side: string): number[] | undefined {
  if (side === '') return [];
  const parts = side.split(':');
  const words: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i === parts.length - 1 && p.includes('.')) {
      const v4 = parseIPv4(p);
      if (!v4) return undefined;
      words.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) words.push(parseInt(p, 16));
    else return undefined;
  }
  return words;
}
