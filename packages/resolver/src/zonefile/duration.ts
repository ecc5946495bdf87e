/**
 * Durations as BIND reads them in TTLs and SOA timers: plain seconds (`3600`) or a run of
 * number-unit pairs with units w, d, h, m, s in either case (`1h30m`, `2d`, `1W`). A bare
 * number after a unit (`1h30`) is refused: it is more likely a typo than 30 seconds.
 */

const unitSeconds: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

export const DURATION_EXPECTED = 'a number of seconds or 1h30m-style duration';

/** Seconds, or undefined when the text is not a duration. May exceed any field's range: callers check. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^(\d+[wdhms])+$/i.test(text)) return undefined;
  let total = 0;
  for (const [, count, unit] of text.matchAll(/(\d+)([wdhms])/gi)) {
    total += Number(count) * (unitSeconds[(unit as string).toLowerCase()] as number);
  }
  return total;
}
