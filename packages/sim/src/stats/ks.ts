/**
 * The one-sample Kolmogorov–Smirnov test: how far the empirical distribution of some samples
 * strays from a continuous CDF, and whether that is more than chance allows. The simulation's
 * tests use it to check samplers against their closed forms and to check that a population's
 * switch times are uniform on [0, T).
 *
 * Critical values and p-values use the asymptotic Kolmogorov distribution of √n·D. For finite n
 * the true critical value is a little smaller, so the asymptotic one errs towards accepting.
 */

/**
 * D = sup |F_n(x) - F(x)|, the largest gap between the samples' empirical CDF and `cdf`.
 * The samples need not be sorted (they are not modified).
 */
export function ksStatistic(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const n = samples.length;
  if (n === 0) throw new RangeError('ksStatistic needs at least one sample');
  const sorted = Float64Array.from(samples).sort();
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    // The empirical CDF steps from i/n to (i+1)/n at the i-th smallest sample.
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/**
 * The D above which the hypothesis "the samples come from the CDF" is rejected at significance
 * `alpha`: c(α)/√n, where c(α) solves Q(c) = α for the Kolmogorov tail Q below (c(0.05) = 1.3581,
 * c(0.01) = 1.6276). Q is decreasing, so c is found by bisection.
 */
export function ksCriticalValue(n: number, alpha = 0.05): number {
  if (!(n >= 1)) throw new RangeError(`ksCriticalValue needs n ≥ 1, got ${n}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`ksCriticalValue needs 0 < alpha < 1, got ${alpha}`);
  let low = 0;
  let high = 10; // Q(10) is below 1e-86, under any alpha worth asking for.
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (kolmogorovTail(middle) > alpha) low = middle;
    else high = middle;
  }
  return (low + high) / 2 / Math.sqrt(n);
}

/**
 * The probability of a D at least this large from n samples if the hypothesis holds: Q(√n·D),
 * where Q = 1 - K and K is the Kolmogorov distribution. Each of K's two series converges in a
 * few terms on its own side of λ ≈ 1.18:
 *   K(λ) = √(2π)/λ · Σ_{k≥1} e^(-(2k-1)²π²/(8λ²))   and   Q(λ) = 2 Σ_{k≥1} (-1)^(k-1) e^(-2k²λ²).
 */
export function ksPValue(d: number, n: number): number {
  return kolmogorovTail(Math.sqrt(n) * d);
}

function kolmogorovTail(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    let k = 0;
    for (let j = 1; j <= 20; j++) k += Math.exp(-((2 * j - 1) ** 2) * Math.PI * Math.PI / (8 * lambda * lambda));
    return clamp01(1 - (Math.sqrt(2 * Math.PI) / lambda) * k);
  }
  let q = 0;
  for (let j = 1; j <= 20; j++) q += (j % 2 === 1 ? 2 : -2) * Math.exp(-2 * j * j * lambda * lambda);
  return clamp01(q);
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
