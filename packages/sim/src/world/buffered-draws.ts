/**
 * A source of random draws that can take draws back. A resolver that plans skipped refreshes
 * draws their arrival gaps, latencies and iterator randomness ahead; when a world change cuts the
 * plan short, the draws of the refreshes that will now run for real are given back, so they get
 * exactly the values they would have got had nothing been skipped. That is what makes skipping
 * an optimisation rather than a different model.
 *
 * Fresh draws are made a batch at a time (`BatchSampler`), in the stream's order; drawing ahead
 * changes no value, as the stream is this source's alone.
 */
import type { BatchSampler } from '../random/sampler.ts';

export class BufferedDraws {
  /** Draws given back, to be handed out again; the next one is at `head`. */
  private returned: number[] = [];
  private head = 0;
  /** Fresh draws, made a batch at a time; the next one is at `position`. */
  private readonly fresh: Float64Array;
  private position: number;

  constructor(
    private readonly fill: BatchSampler,
    batch = 32,
  ) {
    this.fresh = new Float64Array(batch);
    this.position = batch;
  }

  /** The next draw: a returned one first, else a fresh one. A plain function, safe to pass around. */
  readonly next = (): number => {
    if (this.head < this.returned.length) {
      const value = this.returned[this.head++]!;
      if (this.head === this.returned.length) {
        this.returned.length = 0;
        this.head = 0;
      }
      return value;
    }
    if (this.position === this.fresh.length) {
      this.fill(this.fresh);
      this.position = 0;
    }
    return this.fresh[this.position++]!;
  };

  /** Gives back `values[from, to)` (in the order they were drawn): they come out next, before any fresh draw. */
  giveBack(values: ArrayLike<number>, from = 0, to = values.length): void {
    if (from >= to) return;
    const back: number[] = [];
    for (let i = from; i < to; i++) back.push(values[i]!);
    for (let i = this.head; i < this.returned.length; i++) back.push(this.returned[i]!);
    this.returned = back;
    this.head = 0;
  }
}
