/**
 * The iterator's randomness (which server to ask, query IDs) for one refresh of one resolver,
 * derived from the resolver's base seed and the refresh's number. A refresh therefore draws the
 * same values whether or not the refreshes before it ran or were skipped, and a skipped refresh
 * costs no draws at all.
 *
 * The generator is SplitMix32's finaliser over a Weyl sequence (the mixing of Java's
 * SplittableRandom, cut to 32 bits): each output is a bijective hash of a counter, so streams
 * for neighbouring refresh numbers are unrelated.
 */
export function refreshRandom(base: number, refresh: number): () => number {
  let state = (Math.imul(refresh | 0, 0x85ebca6b) ^ (base >>> 0)) >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}
