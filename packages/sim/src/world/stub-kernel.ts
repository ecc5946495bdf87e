/**
 * The stub layer between clients and their resolver (docs/simulation.md, "Stub caches").
 *
 * A stub with a fixed hold H (a browser's 60 s, Java's 30 s) and a client looking up at Poisson
 * rate μ refills every H + Exp(μ): a share p = 1/(1+μH) of the client's lookups reach the
 * resolver and get its answer of the moment; the others are served by the stub with data whose
 * age is uniform on [0, H). So the client-side series is
 *
 *   c(t) = p·s(t) + (1−p)·(1/H)∫[t−H, t] s(u) du
 *
 * for the resolver-side series s. When s is piecewise constant, its integral S₁ is piecewise
 * linear and S₂ = ∫S₁ piecewise quadratic, and the integral of c over a bin [a, b) is exact:
 *
 *   p·(S₁(b) − S₁(a)) + (1−p)/H · (S₂(b) − S₂(a) − S₂(b−H) + S₂(a−H)).
 *
 * A TTL-honouring stub (systemd-resolved, Windows) expires with the resolver's entry and serves
 * the same data, so it adds no delay; a client without a stub sees the resolver directly.
 */

/** The stub cache in front of a kind of client. */
export type StubCache =
  | { kind: 'none' }
  /** Keeps every answer `seconds` long, whatever its TTL (browsers, Java). */
  | { kind: 'hold'; seconds: number }
  /** Keeps answers for their remaining TTL, capped (systemd-resolved 2 h, Windows 1 d). */
  | { kind: 'ttl'; cap: number };

/** A right-continuous step function: `values[i]` on [times[i], times[i+1]), `before` until times[0]. */
export interface StepSeries {
  times: ArrayLike<number>;
  values: ArrayLike<number>;
  before: number;
}

/**
 * The rate at which one client's lookups (rate μ) reach its resolver through its stub. For a
 * TTL-honouring stub the resolver sees the client's first lookup after each expiry, which is
 * what the resolver node's refresh timing needs: the full rate μ.
 */
export function resolverSideRate(stub: StubCache, clientRate: number): number {
  checkRate(clientRate);
  switch (stub.kind) {
    case 'none':
    case 'ttl':
      return clientRate;
    case 'hold':
      checkHold(stub.seconds);
      return clientRate / (1 + clientRate * stub.seconds);
  }
}

/** The share of a client's lookups that reach the resolver through a hold-H stub: 1/(1+μH). */
export function passThroughShare(stub: StubCache, clientRate: number): number {
  return resolverSideRate(stub, clientRate) / clientRate;
}

/**
 * Per-bin integrals over bins [k·bin, (k+1)·bin), k < bins, of the client-side series behind a
 * stub, for a resolver-side step series. For `hold` stubs this is the kernel above; otherwise the
 * integral of the series itself.
 */
export function clientSideBinIntegrals(series: StepSeries, stub: StubCache, clientRate: number, bin: number, bins: number): Float64Array {
  const out = new Float64Array(bins);
  const integrals = new StepIntegrals(series);
  // The bins' edges only move forward, so each integral's piece is found by walking on from the
  // last one (a cursor per sequence of edges) rather than by a search per edge.
  if (stub.kind !== 'hold' || stub.seconds === 0) {
    let at = -1;
    let previous = integrals.firstIn(0, (at = integrals.advance(0, at)));
    for (let k = 0; k < bins; k++) {
      const x = (k + 1) * bin;
      const next = integrals.firstIn(x, (at = integrals.advance(x, at)));
      out[k] = next - previous;
      previous = next;
    }
    return out;
  }
  const hold = stub.seconds;
  checkHold(hold);
  const p = passThroughShare(stub, clientRate);
  const q = (1 - p) / hold;
  let atA = -1;
  let atB = -1;
  let atAHeld = -1;
  let atBHeld = -1;
  for (let k = 0; k < bins; k++) {
    const a = k * bin;
    const b = a + bin;
    atA = integrals.advance(a, atA);
    atB = integrals.advance(b, atB);
    atAHeld = integrals.advance(a - hold, atAHeld);
    atBHeld = integrals.advance(b - hold, atBHeld);
    const direct = integrals.firstIn(b, atB) - integrals.firstIn(a, atA);
    const held = integrals.secondIn(b, atB) - integrals.secondIn(a, atA) - integrals.secondIn(b - hold, atBHeld) + integrals.secondIn(a - hold, atAHeld);
    out[k] = p * direct + q * held;
  }
  return out;
}

/**
 * S₁ and S₂ of a step series, from an origin before every point asked about. Each is kept at the
 * breakpoints and extended by its linear (S₁) or quadratic (S₂) piece in between.
 */
export class StepIntegrals {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;
  private readonly before: number;

  constructor(series: StepSeries) {
    const n = series.times.length;
    if (series.values.length !== n) throw new RangeError(`step series: ${n} times but ${series.values.length} values`);
    this.times = Float64Array.from(series.times);
    this.values = Float64Array.from(series.values);
    this.before = series.before;
    for (let i = 1; i < n; i++) {
      if (!(this.times[i]! >= this.times[i - 1]!)) throw new RangeError(`step series: times must not decrease (index ${i})`);
    }
    this.s1 = new Float64Array(n);
    this.s2 = new Float64Array(n);
    // Before the first breakpoint the series is `before`: S₁(x) = before·x, S₂(x) = before·x²/2
    // (the origin is 0; only differences of S₁ and S₂ are ever used).
    for (let i = 0; i < n; i++) {
      const t = this.times[i]!;
      if (i === 0) {
        this.s1[0] = this.before * t;
        this.s2[0] = (this.before * t * t) / 2;
      } else {
        const dt = t - this.times[i - 1]!;
        const v = this.values[i - 1]!;
        this.s1[i] = this.s1[i - 1]! + v * dt;
        this.s2[i] = this.s2[i - 1]! + this.s1[i - 1]! * dt + (v * dt * dt) / 2;
      }
    }
  }

  /** S₁(x) = ∫₀ˣ s. */
  first(x: number): number {
    return this.firstIn(x, this.pieceAt(x));
  }

  /** S₂(x) = ∫₀ˣ S₁. */
  second(x: number): number {
    return this.secondIn(x, this.pieceAt(x));
  }

  /** S₁(x), given `i`, the last breakpoint at or before x (−1: none). */
  firstIn(x: number, i: number): number {
    if (i < 0) return this.before * x;
    const dt = x - this.times[i]!;
    return this.s1[i]! + this.values[i]! * dt;
  }

  /** S₂(x), given `i`, the last breakpoint at or before x (−1: none). */
  secondIn(x: number, i: number): number {
    if (i < 0) return (this.before * x * x) / 2;
    const dt = x - this.times[i]!;
    return this.s2[i]! + this.s1[i]! * dt + (this.values[i]! * dt * dt) / 2;
  }

  /** The last breakpoint at or before x, walking on from `i` (the last one at or before a smaller x, or −1). */
  advance(x: number, i: number): number {
    const times = this.times;
    while (i + 1 < times.length && times[i + 1]! <= x) i++;
    return i;
  }

  /** The last breakpoint at or before x, or -1. */
  private pieceAt(x: number): number {
    const times = this.times;
    let low = 0;
    let high = times.length - 1;
    if (high < 0 || x < times[0]!) return -1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (times[middle]! <= x) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

function checkRate(rate: number): void {
  if (!(rate > 0 && Number.isFinite(rate))) throw new RangeError(`client lookup rate must be a finite number > 0, got ${rate}`);
}

function checkHold(seconds: number): void {
  if (!(seconds >= 0 && Number.isFinite(seconds))) throw new RangeError(`stub hold must be a finite number of seconds ≥ 0, got ${seconds}`);
}
