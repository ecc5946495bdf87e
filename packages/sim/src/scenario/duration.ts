/**
 * Durations as people write them in a scenario: `300` (seconds), `45s`, `15m`, `48h`, `7d`, `2w`,
 * `30ms`, and compounds written largest unit first, `1h30m` or `1d12h`. Every duration becomes a
 * number of seconds; a decimal part is allowed on each term (`1.5h`).
 */
import { InputError } from '@cutover/resolver';

const UNIT_SECONDS = { w: 604800, d: 86400, h: 3600, m: 60, s: 1, ms: 0.001 } as const;

const TERM = String.raw`\d+(?:\.\d+)?`;

/**
 * A duration string: a plain number of seconds, or terms with units in descending order, each
 * unit at most once. Written as one regular expression so that schema.json can carry it and
 * editors flag a bad duration before the tool runs.
 */
export const DURATION_PATTERN = new RegExp(
  String.raw`^(?:${TERM}|(?=\d)(?:${TERM}w)?(?:${TERM}d)?(?:${TERM}h)?(?:${TERM}m)?(?:${TERM}s)?(?:${TERM}ms)?)$`,
);

/** How a duration is described in error messages and in schema.json. */
export const DURATION_EXPECTED = 'a duration such as 300, 45s, 15m, 48h, 7d or 1h30m';

/** A string that is not a duration, or a number that is negative or not finite. */
export class DurationError extends InputError {
  override name = 'DurationError';
  constructor(readonly input: string | number) {
    super(`expected ${DURATION_EXPECTED}, got ${JSON.stringify(input)}`);
  }
}

/** Seconds in a duration written as a number of seconds or a duration string. */
export function parseDuration(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) throw new DurationError(input);
    return input;
  }
  const text = input.trim();
  if (!DURATION_PATTERN.test(text)) throw new DurationError(input);
  let seconds = 0;
  // The pattern has already fixed the order and uniqueness of the units; this only adds them up.
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|w|d|h|m|s)?/g)) {
    seconds += Number(amount) * UNIT_SECONDS[(unit ?? 's') as keyof typeof UNIT_SECONDS];
  }
  // Millisecond terms are the only source of fractions that binary floating point cannot hold; rounding
  // to a microsecond gives `30ms` exactly 0.03 rather than 0.030000000000000002.
  return Math.round(seconds * 1e6) / 1e6;
}

/** The shortest compound form of a number of seconds, e.g. 5400 → `1h30m`, 0.03 → `30ms`, 0 → `0s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new DurationError(seconds);
  if (seconds === 0) return '0s';
  let rest = Math.round(seconds * 1000);
  const parts: string[] = [];
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    if (unit === 'w') continue; // TTLs and horizons are read in days (14d), as facts.md and the guides write them.
    const units = Math.floor(rest / Math.round(size * 1000));
    if (units > 0) {
      parts.push(`${units}${unit}`);
      rest -= units * Math.round(size * 1000);
    }
  }
  return parts.join('');
}
