import type { Band } from '../result.ts';

/**
 * Quantile q of `sorted` (ascending) with linear interpolation between order statistics (Hyndman
 * and Fan's type 7, the default of R and NumPy), so that the band of two replications is not just
 * their extremes.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/**
 * Mean and 5th/95th percentiles per bin of one series over replications. Every replication must
 * have the same number of bins.
 */
export function bandOf(series: readonly (readonly number[])[]): Band {
  const bins = series[0]?.length ?? 0;
  const mean: number[] = new Array(bins);
  const p05: number[] = new Array(bins);
  const p95: number[] = new Array(bins);
  const column = new Float64Array(series.length);
  for (let k = 0; k < bins; k++) {
    let sum = 0;
    for (let r = 0; r < series.length; r++) {
      const v = (series[r] as readonly number[])[k] as number;
      column[r] = v;
      sum += v;
    }
    column.sort();
    mean[k] = tidy(sum / series.length);
    p05[k] = tidy(quantile(column, 0.05));
    p95[k] = tidy(quantile(column, 0.95));
  }
  return { mean, p05, p95 };
}

/**
 * Rounds to 12 significant digits: sums taken in different orders (one process or several
 * workers) then print the same, and result.json stays byte-identical for a seed.
 */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}
