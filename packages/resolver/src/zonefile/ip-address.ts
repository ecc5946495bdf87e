/**
 * IPv4 and IPv6 addresses in text. IPv6 is printed in the one canonical form of RFC 5952 (lower
 * case, no leading zeros, the longest run of two or more zero groups — the first on a tie —
 * written `::`), with IPv4-mapped addresses in mixed notation (RFC 5952 §5), so equal addresses
 * compare equal as strings.
 */

/** Four octets from dotted-quad text; leading zeros are refused (some parsers read them as octal). */
export function parseIPv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] as string;
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    out[i] = Number(p);
  }
  return out;
}

export function formatIPv4(octets: Uint8Array): string {
  return Array.from(octets.subarray(0, 4)).join('.');
}

/** Sixteen octets from any RFC 4291 §2.2 text form (including a trailing dotted quad); no zone index. */
export function parseIPv6(text: string): Uint8Array | undefined {
  let hexText = text;
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.includes('.', lastColon)) {
    // A trailing dotted quad is the last two groups written another way.
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    const high = ((v4[0]! << 8) | v4[1]!).toString(16);
    const low = ((v4[2]! << 8) | v4[3]!).toString(16);
    hexText = `${text.slice(0, lastColon + 1)}${high}:${low}`;
  }
  const halves = hexText.split('::');
  if (halves.length > 2) return undefined;
  const left = hexGroups(halves[0] as string);
  const right = halves.length === 2 ? hexGroups(halves[1] as string) : [];
  if (!left || !right) return undefined;
  const explicit = left.length + right.length;
  if (halves.length === 2 ? explicit > 7 : explicit !== 8) return undefined;
  const groups = [...left, ...new Array<number>(8 - explicit).fill(0), ...right];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}

function hexGroups(s: string): number[] | undefined {
  if (s === '') return [];
  const out: number[] = [];
  for (const g of s.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    out.push(parseInt(g, 16));
  }
  return out;
}

export function formatIPv6(octets: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((octets[i]! << 8) | octets[i + 1]!);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIPv4(octets.subarray(12, 16))}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/** The RFC 5952 form of an IPv6 address written any valid way, or undefined if it is not one. */
export function canonicalIPv6(text: string): string | undefined {
  const octets = parseIPv6(text);
  return octets && formatIPv6(octets);
}
