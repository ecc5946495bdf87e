/**
 * A binary min-heap of pending events kept in three parallel typed arrays: the event's time, its
 * insertion sequence number and the index of the slot that holds its callback. Entries order by
 * (time, sequence); sequence numbers are unique, so no two entries ever compare equal and events
 * at the same time come out in the order they were scheduled.
 *
 * Sequence numbers are float64 integers: exact up to 2^53, which a simulation scheduling a
 * billion events a second would reach after a century of wall time.
 *
 * Sifting moves a hole rather than swapping, so each level costs one write per array.
 */
export class EventHeap {
  private times: Float64Array;
  private sequences: Float64Array;
  private slots: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(2, initialCapacity | 0);
    this.times = new Float64Array(capacity);
    this.sequences = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest entry; only meaningful when size > 0. */
  minTime(): number {
    return this.times[0]!;
  }

  /** Slot of the earliest entry; only meaningful when size > 0. */
  minSlot(): number {
    return this.slots[0]!;
  }

  push(time: number, sequence: number, slot: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const sequences = this.sequences;
    const slots = this.slots;
    let hole = this.count++;
    while (hole > 0) {
      const parent = (hole - 1) >>> 1;
      const parentTime = times[parent]!;
      if (parentTime < time || (parentTime === time && sequences[parent]! < sequence)) break;
      times[hole] = parentTime;
      sequences[hole] = sequences[parent]!;
      slots[hole] = slots[parent]!;
      hole = parent;
    }
    times[hole] = time;
    sequences[hole] = sequence;
    slots[hole] = slot;
  }

  /** Removes the earliest entry; the caller reads it first with minTime() and minSlot(). */
  popMin(): void {
    const last = --this.count;
    if (last > 0) this.siftDown(0, this.times[last]!, this.sequences[last]!, this.slots[last]!);
  }

  /**
   * Keeps only the entries whose slot passes `keep`, then restores the heap order bottom-up
   * (Floyd's method, linear time). Used to drop cancelled events in bulk.
   */
  retain(keep: (slot: number) => boolean): void {
    const times = this.times;
    const sequences = this.sequences;
    const slots = this.slots;
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = slots[i]!;
      if (!keep(slot)) continue;
      times[kept] = times[i]!;
      sequences[kept] = sequences[i]!;
      slots[kept] = slot;
      kept++;
    }
    this.count = kept;
    for (let i = (kept >>> 1) - 1; i >= 0; i--) this.siftDown(i, times[i]!, sequences[i]!, slots[i]!);
  }

  /** Places (time, sequence, slot) at `start` or below it, moving smaller children up. */
  private siftDown(start: number, time: number, sequence: number, slot: number): void {
    const times = this.times;
    const sequences = this.sequences;
    const slots = this.slots;
    const count = this.count;
    const firstLeaf = count >>> 1;
    let hole = start;
    while (hole < firstLeaf) {
      let child = 2 * hole + 1;
      let childTime = times[child]!;
      let childSequence = sequences[child]!;
      const right = child + 1;
      if (right < count) {
        const rightTime = times[right]!;
        if (rightTime < childTime || (rightTime === childTime && sequences[right]! < childSequence)) {
          child = right;
          childTime = rightTime;
          childSequence = sequences[right]!;
        }
      }
      if (time < childTime || (time === childTime && sequence < childSequence)) break;
      times[hole] = childTime;
      sequences[hole] = childSequence;
      slots[hole] = slots[child]!;
      hole = child;
    }
    times[hole] = time;
    sequences[hole] = sequence;
    slots[hole] = slot;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const sequences = new Float64Array(capacity);
    const slots = new Int32Array(capacity);
    times.set(this.times);
    sequences.set(this.sequences);
    slots.set(this.slots);
    this.times = times;
    this.sequences = sequences;
    this.slots = slots;
  }
}
