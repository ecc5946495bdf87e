/**
 * Building blocks of the scenario schema: objects that reject unknown keys with a suggestion,
 * durations, names and the wording of "expected …" for the common checks. Every message says only
 * what was expected; zod-issues.ts adds what was found, and locate.ts where.
 */
import { z } from 'zod';
import { DURATION_EXPECTED, DURATION_PATTERN, parseDuration } from './duration.ts';

/** An object whose unknown keys are errors, with the nearest known key suggested for a typo. */
export function strictObject<const Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysReason(issue.keys, known) : undefined),
  });
}

/** `unknown key "profil"; did you mean "profile"?`, or the list of keys when nothing is close. */
export function unknownKeysReason(keys: readonly string[], known: readonly string[]): string {
  const quoted = keys.map((key) => JSON.stringify(key)).join(', ');
  const head = keys.length === 1 ? `unknown key ${quoted}` : `unknown keys ${quoted}`;
  const first = keys[0];
  const guess = first === undefined ? undefined : closest(first, known);
  if (guess !== undefined) return `${head}; did you mean "${guess}"?`;
  return known.length === 0 ? `${head}; expected no keys` : `${head}; expected one of ${known.join(', ')}`;
}

/** The known word nearest to a typo, if it is near enough to be the one meant. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  // Two edits catch a swapped pair or a missing letter; more would suggest unrelated words for short keys.
  return bestDistance <= Math.min(2, Math.floor(word.length / 2)) ? best : undefined;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * The written form of a duration, one instance shared by every duration field so that schema.json
 * defines it once (`$defs.duration`) and refers to it.
 */
const durationText = z
  .union([
    z.number().min(0, { error: `expected ${DURATION_EXPECTED} (not negative)` }),
    z.string().regex(DURATION_PATTERN, { error: `expected ${DURATION_EXPECTED}` }),
  ], { error: `expected ${DURATION_EXPECTED}` })
  .meta({ id: 'duration', description: `Seconds, or ${DURATION_EXPECTED.replace(/^a /, 'a string like ')}.` });

/** A duration in seconds, written as a number of seconds or as `15m`, `48h`, `7d`, `1h30m`, `30ms`. */
export function duration(description: string) {
  return durationText.transform((value) => parseDuration(value)).describe(description);
}

/** A whole number at least `min`. */
export function wholeNumber(min: number, description: string) {
  return z.int({ error: `expected a whole number ≥ ${min}` }).min(min, { error: `expected a whole number ≥ ${min}` }).describe(description);
}

/** A share of a population: a number in [0, 1]. */
export function share(description: string) {
  const expected = 'expected a number between 0 and 1';
  return z.number({ error: expected }).min(0, { error: expected }).max(1, { error: expected }).describe(description);
}

/** A domain name as written in a scenario: `www.example.com`, with or without the final dot. */
export function domainName(description: string) {
  return z
    .string({ error: 'expected a domain name such as www.example.com' })
    .min(1, { error: 'expected a domain name such as www.example.com' })
    .describe(description);
}

/** A provider named under `providers`. */
export function providerRef(description: string) {
  return z.string({ error: 'expected the name of a provider listed under providers' }).describe(description);
}
