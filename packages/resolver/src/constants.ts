/** Numeric codes from the IANA DNS parameters registry. */

export const RRType = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  OPT: 41,
  DS: 43,
  CAA: 257,
  ANY: 255,
} as const;
export type RRTypeCode = number;

const typeNames = new Map<number, string>(Object.entries(RRType).map(([k, v]) => [v, k]));

/** "A", "NS", … or RFC 3597's "TYPEnnn" for a type we do not interpret. */
export function typeName(type: number): string {
  return typeNames.get(type) ?? `TYPE${type}`;
}

/** Parses "A", "ns", "TYPE99"; undefined when it is neither. */
export function parseTypeName(text: string): number | undefined {
  const upper = text.toUpperCase();
  const known = (RRType as Record<string, number>)[upper];
  if (known !== undefined) return known;
  const m = /^TYPE(\d{1,5})$/.exec(upper);
  if (m && Number(m[1]) <= 0xffff) return Number(m[1]);
  return undefined;
}

export const RRClass = { IN: 1, CH: 3, HS: 4, ANY: 255 } as const;

export function className(cls: number): string {
  for (const [k, v] of Object.entries(RRClass)) if (v === cls) return k;
  return `CLASS${cls}`;
}

export function parseClassName(text: string): number | undefined {
  const upper = text.toUpperCase();
  const known = (RRClass as Record<string, number>)[upper];
  if (known !== undefined) return known;
  const m = /^CLASS(\d{1,5})$/.exec(upper);
  if (m && Number(m[1]) <= 0xffff) return Number(m[1]);
  return undefined;
}

export const Rcode = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
  /** Extended rcode 16 (RFC 6891 §9): the EDNS version is not implemented. */
  BADVERS: 16,
  /** Extended rcode 23 (RFC 7873 §8): needs the OPT record's upper bits. */
  BADCOOKIE: 23,
} as const;

export function rcodeName(rcode: number): string {
  for (const [k, v] of Object.entries(Rcode)) if (v === rcode) return k;
  return `RCODE${rcode}`;
}

export const Opcode = { QUERY: 0, NOTIFY: 4, UPDATE: 5 } as const;

/** RFC 2181 §8: a TTL is an unsigned number from 0 to 2^31 − 1. */
export const MAX_TTL = 0x7fffffff;
