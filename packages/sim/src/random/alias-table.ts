/**
 * Walker's alias method, in Vose's numerically stable construction: after O(n) preparation, a
 * draw from n weighted outcomes costs one table lookup and two uniforms, whatever n is.
 *
 * The table splits the n outcomes' total probability into n equal columns. Column i keeps
 * outcome i with probability `keep[i]` and otherwise gives `alias[i]`; the construction pairs
 * each under-full column with an over-full outcome that tops it up.
 */
import type { RandomStream } from './streams.ts';
import { checkWeights, DistributionError } from './distribution.ts';

export interface AliasTable {
  readonly keep: Float64Array;
  readonly alias: Int32Array;
}

/** The alias table for `weights` (non-negative, not all zero). */
export function aliasTable(weights: readonly number[]): AliasTable {
  checkWeights(weights, 'weights');
  const n = weights.length;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const keep = new Float64Array(n);
  const alias = new Int32Array(n);
  // Each outcome's probability in units of one column (1 means exactly one column's worth).
  const scaled = new Float64Array(n);
  const under = new Int32Array(n);
  const over = new Int32Array(n);
  let underCount = 0;
  let overCount = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i]! * n) / total;
    if (scaled[i]! < 1) under[underCount++] = i;
    else over[overCount++] = i;
  }
  while (underCount > 0 && overCount > 0) {
    const small = under[--underCount]!;
    const large = over[--overCount]!;
    keep[small] = scaled[small]!;
    alias[small] = large;
    // The large outcome gives away what the small column lacks.
    scaled[large] = scaled[large]! + scaled[small]! - 1;
    if (scaled[large]! < 1) under[underCount++] = large;
    else over[overCount++] = large;
  }
  // What is left is within rounding of exactly one column each.
  while (overCount > 0) {
    const i = over[--overCount]!;
    keep[i] = 1;
    alias[i] = i;
  }
  while (underCount > 0) {
    const i = under[--underCount]!;
    keep[i] = 1;
    alias[i] = i;
  }
  return { keep, alias };
}

/** A sampler of indices 0..n-1 from the table. */
export function aliasSampler(table: AliasTable, stream: RandomStream): () => number {
  const { keep, alias } = table;
  const n = keep.length;
  const next = stream.next;
  return () => {
    const column = Math.floor(next() * n);
    return next() < keep[column]! ? column : alias[column]!;
  };
}

/**
 * Draws one of `items`, each with probability proportional to its weight (equal when no weights
 * are given), e.g. a resolver profile from a scenario's mix. `field` names the weights in errors.
 */
export function weightedChoice<T>(
  items: readonly T[],
  weights: readonly number[] | undefined,
  stream: RandomStream,
  field = 'weights',
): () => T {
  if (items.length === 0) throw new DistributionError(field, 'at least one item to choose from', 'none');
  const checked = weights === undefined ? items.map(() => 1) : checkWeights(weights, field, items.length);
  const index = aliasSampler(aliasTable(checked), stream);
  return () => items[index()]!;
}
