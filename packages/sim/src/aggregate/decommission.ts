/**
 * When the old provider can be switched off, read from the mean series of the first watched
 * name. `oldShare[k]` is the share of lookups answered from the old provider's data in bin k and
 * `lookups[k]` their number.
 */

/** Below this share of lookups the old provider is taken to be unused (1 in 10,000). */
export const DECOMMISSION_THRESHOLD = 1e-4;

/**
 * Seconds after `changeAt` from which every later bin has under 1 lookup in 10,000 answered by
 * the old provider; null if that never happens within the horizon.
 */
export function safeDecommissionAfter(t: readonly number[], oldShare: readonly number[], changeAt: number): number | null {
  let first: number | null = null;
  for (let k = t.length - 1; k >= 0 && (t[k] as number) >= changeAt; k--) {
    if ((oldShare[k] as number) < DECOMMISSION_THRESHOLD) first = (t[k] as number) - changeAt;
    else break;
  }
  return first;
}

/**
 * For each bin start at or after `changeAt`: the share of all lookups from then to the end of the
 * run that the old provider answered. Were it switched off at that moment, those lookups would go
 * to servers that no longer answer; resolvers that return to the parent (Unbound) recover sooner,
 * so this is an upper bound on what fails.
 */
export function failuresIfDecommissionedAt(
  t: readonly number[],
  oldShare: readonly number[],
  lookups: readonly number[],
  changeAt: number,
): { t: number[]; share: number[] } {
  const times: number[] = [];
  const shares: number[] = [];
  let oldAfter = 0;
  let allAfter = 0;
  for (let k = t.length - 1; k >= 0 && (t[k] as number) >= changeAt; k--) {
    oldAfter += (oldShare[k] as number) * (lookups[k] as number);
    allAfter += lookups[k] as number;
    times.push((t[k] as number) - changeAt);
    shares.push(allAfter > 0 ? oldAfter / allAfter : 0);
  }
  return { t: times.reverse(), share: shares.reverse() };
}
