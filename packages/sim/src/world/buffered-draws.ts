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
  /** Draws given back, to be handed out again: `returned[head, tail)`, the next one at `head`. */
  private returned = new Float64Array(16);
  private head = 0;
  private tail = 0;
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

  /** The next draw: a returned one first, else a fresh one. */
  next(): number {
    if (this.head < this.tail) {
      const value = this.returned[this.head++]!;
      if (this.head === this.tail) this.head = this.tail = 0;
      return value;
    }
    if (this.position === this.fresh.length) {
      this.fill(this.fresh);
      this.position = 0;
    }
    return this.fresh[this.position++]!;
  }

  /**
   * Gives back `values[from, to)` (in the order they were drawn): they come out next, before any
   * draw given back earlier and any fresh draw. Several runs of draws are given back last first.
   */
  giveBack(values: ArrayLike<number>, from = 0, to = values.length): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.head < n) {
      // Make room in front of the draws still waiting.
      const waiting = this.tail - this.head;
      let room = this.returned;
      if (room.length < n + waiting) room = new Float64Array(Math.max(2 * room.length, n + waiting));
      if (room === this.returned) room.copyWithin(n, this.head, this.tail);
      else room.set(this.returned.subarray(this.head, this.tail), n);
      this.returned = room;
      this.head = n;
      this.tail = n + waiting;
    }
    this.head -= n;
    for (let i = 0; i < n; i++) this.returned[this.head + i] = values[from + i]!;
  }
}
