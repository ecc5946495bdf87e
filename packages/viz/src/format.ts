import { format } from 'd3-format';

/** U+2212, the typographic minus: a hyphen looks like a dash beside "+" in tick labels. */
export const MINUS = '\u2212';

const UNITS: [seconds: number, symbol: string][] = [
  [86400, 'd'],
  [3600, 'h'],
  [60, 'min'],
];

/**
 * A duration for people: at most the two largest non-zero units ("3 h 20 min", "24 h 5 min",
 * "3 d 4 h"); below a minute, whole seconds ("30 s"). Up to two days are counted in hours, as DNS
 * people count TTLs ("48 h"). Durations of a minute or more are rounded to the minute, because
 * the bins they describe are never finer.
 */
export function formatDuration(seconds: number): string {
  const magnitude = Math.abs(seconds);
  if (magnitude < 59.5) return `${Math.round(magnitude)} s`;
  let rest = Math.round(magnitude / 60) * 60;
  const units = rest <= 2 * 86400 ? UNITS.slice(1) : UNITS;
  const parts: string[] = [];
  for (const [size, symbol] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) parts.push(`${count} ${symbol}`);
  }
  return parts.join(' ');
}

/** A signed offset from the registrar change: "+3 h 20 min", "−2 h", "0". */
export function formatOffset(seconds: number): string {
  if (Math.abs(seconds) < 0.5) return '0';
  return `${seconds < 0 ? MINUS : '+'}${formatDuration(seconds)}`;
}

const oneDecimal = format('.1f');
const noDecimals = format('.0f');

/** A share in [0, 1] as a percentage, with a space before the sign as SI style asks: "64.2 %". */
export function formatShare(share: number, decimals: 0 | 1 = 1): string {
  return `${(decimals === 1 ? oneDecimal : noDecimals)(share * 100)} %`;
}

const twoSignificant = format('.2~r');

/**
 * A share that may be tiny, where "0.0 %" would hide what matters (the lookups still reaching an
 * old provider): below 1 % it keeps two significant digits ("0.012 %").
 */
export function formatSmallShare(share: number): string {
  if (share === 0) return '0 %';
  return share < 0.01 ? `${twoSignificant(share * 100)} %` : formatShare(share);
}

/** A TTL as DNS people write it, with its human reading: "3600 s (1 h)". */
export function formatTtl(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${seconds} s (${formatDuration(seconds)})`;
}

/** Queries per second, grouped and to four significant digits: "1,234", "0.5". */
const rate = format(',.4~r');
export function formatRate(queriesPerSecond: number): string {
  return rate(queriesPerSecond);
}
