/**
 * A source of random draws that can take draws back. A resolver that plans skipped refreshes
 * draws their arrival gaps, latencies and iterator randomness ahead; when a world change cuts the
 * plan short, the draws of the refreshes that will now run for real are given back, so they get
 * exactly the values they would have got had nothing been skipped. That is what makes skipping
 * an optimisation rather than a different model.
 */
export class BufferedDraws {
  /** Draws given back, to be handed out again; the next one is at `head`. */
  private returned: number[] = [];
  private head = 0;

  constructor(private readonly source: () => number) {}

  /** The next draw: a returned one first, else a fresh one. A plain function, safe to pass around. */
  readonly next = (): number => {
    if (this.head < this.returned.length) {
      const value = this.returned[this.head++]!;
      if (this.head === this.returned.length) {
        this.returned = [];
        this.head = 0;
      }
      return value;
    }
    return this.source();
  };

  /** Gives back `values` (in the order they were drawn): they come out next, before any fresh draw. */
  giveBack(values: ArrayLike<number>, from = 0, to = values.length): void {
    if (from >= to) return;
    const pending = this.returned.slice(this.head);
    const back: number[] = [];
    for (let i = from; i < to; i++) back.push(values[i]!);
    this.returned = back.concat(pending);
    this.head = 0;
  }
}
