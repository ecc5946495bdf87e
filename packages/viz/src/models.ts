/**
 * The two back-of-the-envelope models a planner compares the simulation with. Both take the time
 * elapsed since the change and the TTL of the cached record that has to expire.
 */

/**
 * The "half-life" rule of thumb: every TTL, half of the clients still on the old data move, so
 * after n TTLs 1 − 2^(−n) have moved (50 % after one TTL, 75 % after two, 98.4 % after six).
 */
export function ruleOfThumbShare(elapsed: number, ttl: number): number {
  return elapsed <= 0 ? 0 : 1 - 2 ** (-elapsed / ttl);
}

/**
 * The single-TTL model: caches filled at times spread uniformly over the TTL before the change
 * expire uniformly over the TTL after it, so the share moved grows linearly and is complete
 * after one TTL.
 */
export function linearShare(elapsed: number, ttl: number): number {
  return Math.min(1, Math.max(0, elapsed / ttl));
}
