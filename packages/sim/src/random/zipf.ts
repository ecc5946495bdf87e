/**
 * Zipf's law on ranks 1..n, P(k) ∝ 1/k^s (s ≥ 0), by rejection-inversion (W. Hörmann and
 * G. Derflinger, "Rejection-inversion to generate variates from monotone discrete
 * distributions", ACM TOMACS 6(3), 1996). A draw takes O(1) expected time and no table, so n can
 * be as large as the number of clients.
 *
 * The idea: the continuous density h(x) = x^-s with integral H lies above the discrete masses
 * in the sense that, for k ≥ 2, ∫[k-½, k+½] h ≥ h(k) (h is convex). Draw u uniformly under H
 * between H(1.5) - h(1) and H(n + ½), map it back to x = H⁻¹(u) and round to k. The strip of
 * width h(k) at the top of k's interval is accepted, the rest is rejected, so each k is accepted
 * with probability proportional to h(k). Rank 1's interval is exactly h(1) wide, so it is never
 * rejected, and the acceptance rate is high for every s.
 */
import type { RandomStream } from './streams.ts';

/** A sampler of ranks 1..n with P(k) ∝ 1/k^s. */
export function zipfSampler(n: number, s: number, stream: RandomStream): () => number {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`zipf n must be an integer ≥ 1, got ${n}`);
  if (!(s >= 0 && Number.isFinite(s))) throw new RangeError(`zipf s must be a finite number ≥ 0, got ${s}`);
  if (n === 1) return () => 1;
  const next = stream.next;
  const oneMinusS = 1 - s;

  /** h(x) = x^-s */
  const h = (x: number): number => Math.exp(-s * Math.log(x));
  /** H(x) = ∫₁ˣ t^-s dt = (x^(1-s) - 1)/(1-s), written to stay exact as s → 1 (where it is ln x). */
  const integral = (x: number): number => {
    const logX = Math.log(x);
    return expm1OverX(oneMinusS * logX) * logX;
  };
  /** H⁻¹(y) = (1 + (1-s)y)^(1/(1-s)), likewise exact as s → 1 (where it is e^y). */
  const inverseIntegral = (y: number): number => {
    // Rounding can push (1-s)y a hair below -1 near the lower end, where H⁻¹ is 0.
    const t = Math.max(oneMinusS * y, -1);
    return Math.exp(log1pOverX(t) * y);
  };

  const lower = integral(1.5) - 1;
  const upper = integral(n + 0.5);
  const width = upper - lower;
  return () => {
    for (;;) {
      // u is uniform on (lower, upper].
      const u = upper - width * next();
      const x = inverseIntegral(u);
      const k = Math.min(n, Math.max(1, Math.round(x)));
      if (u >= integral(k + 0.5) - h(k)) return k;
    }
  };
}

/** (e^y - 1)/y, tending to 1 at y = 0. */
function expm1OverX(y: number): number {
  return Math.abs(y) > 1e-8 ? Math.expm1(y) / y : 1 + y / 2 + (y * y) / 6;
}

/** ln(1 + t)/t, tending to 1 at t = 0. */
function log1pOverX(t: number): number {
  return Math.abs(t) > 1e-8 ? Math.log1p(t) / t : 1 - t / 2 + (t * t) / 3;
}
