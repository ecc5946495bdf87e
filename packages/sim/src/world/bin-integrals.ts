/**
 * Integrals of many weighted intervals over fixed time bins, each interval added in O(1) however
 * many bins it spans. An interval [a, b) of weight w is the difference of two ramps,
 * w·max(t − a, 0) − w·max(t − b, 0); a ramp is recorded at the first bin edge at or after its
 * start as a slope and an intercept, and prefix sums give the cumulative integral at every edge.
 */
export class BinIntegrals {
  private readonly slope: Float64Array;
  private readonly intercept: Float64Array;

  constructor(
    readonly bin: number,
    readonly bins: number,
  ) {
    if (!(bin > 0) || !Number.isInteger(bins) || bins < 0) throw new RangeError(`bins: width ${bin} and count ${bins} must be > 0 and a whole number`);
    this.slope = new Float64Array(bins + 1);
    this.intercept = new Float64Array(bins + 1);
  }

  /** Adds weight `w` over [from, to). */
  add(from: number, to: number, w: number): void {
    if (!(to > from) || w === 0) return;
    this.ramp(from, w);
    this.ramp(to, -w);
  }

  private ramp(start: number, w: number): void {
    const edge = Math.max(0, Math.ceil(start / this.bin));
    if (edge > this.bins) return;
    this.slope[edge]! += w;
    this.intercept[edge]! -= w * start;
  }

  /** The integral over each bin. */
  values(): Float64Array {
    const out = new Float64Array(this.bins);
    let slope = 0;
    let intercept = 0;
    let previous = 0;
    for (let k = 0; k <= this.bins; k++) {
      slope += this.slope[k]!;
      intercept += this.intercept[k]!;
      const cumulative = slope * (k * this.bin) + intercept;
      if (k > 0) out[k - 1] = cumulative - previous;
      previous = cumulative;
    }
    return out;
  }
}
