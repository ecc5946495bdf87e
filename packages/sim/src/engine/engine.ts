/**
 * The discrete-event engine. Like SimPy's Environment it holds only the clock, the queue of
 * pending events and the insertion counter; everything the simulation does is a callback that
 * an event runs, and that may schedule further events.
 *
 * An event is a callback plus one argument, so a model can schedule the same function for many
 * entities (passing the entity or its index) without creating a closure per event. The callback
 * and its argument live in a slot table; the heap holds only (time, sequence, slot index).
 * A small-integer argument (an entity's index) costs no allocation; a fractional number would be
 * boxed by the engine's array.
 *
 * A handle names one scheduling of one slot: `generation * SLOT_LIMIT + slot`. A slot's
 * generation advances when its event runs or is cancelled, so a stale handle no longer matches
 * and cancelling it is a harmless no-op. A cancelled event stays in the heap until it reaches the
 * top (or until cancelled entries make up half the heap, when they are swept out at once); its
 * slot is reused only after that.
 */
import { EventHeap } from './event-heap.ts';
import { EngineCapacityError, EngineReentryError, EventTimeError } from './errors.ts';

/** What an event runs: its argument, and the current time (the event's time). */
export type EventCallback<A> = (arg: A, now: number) => void;

/** Identifies a scheduled event for cancel(). Always a positive integer, so 0 can mean "none". */
export type EventHandle = number;

/** A handle that no event ever has; cancelling it does nothing. */
export const NO_EVENT: EventHandle = 0;

/** Slots are addressed by the low 24 bits of a handle: up to 16,777,216 events pending at once. */
const SLOT_LIMIT = 2 ** 24;
/**
 * Generations take the remaining 29 bits of a safe integer. A slot whose generation is used up is
 * retired rather than wrapped, so no handle is ever issued twice.
 */
const MAX_GENERATION = 2 ** 29 - 1;
/** Sweep cancelled entries out of the heap once they are this share of it (and it is not tiny). */
const SWEEP_SHARE = 0.5;
const SWEEP_MIN_SIZE = 64;

type StoredCallback = (arg: unknown, now: number) => void;

export class Engine {
  private clock = 0;
  private sequence = 0;
  private readonly heap: EventHeap;

  // The slot table: the callback and argument of each pending event, and each slot's generation.
  private readonly callbacks: (StoredCallback | null)[] = [];
  private readonly args: unknown[] = [];
  private generations: Uint32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotCount = 0;

  private live = 0;
  private cancelledInHeap = 0;
  private running = false;

  constructor(options: { startTime?: number; initialCapacity?: number } = {}) {
    const start = options.startTime ?? 0;
    if (!Number.isFinite(start)) throw new EventTimeError(start, 0, 'engine started');
    this.clock = start;
    const capacity = Math.max(16, options.initialCapacity ?? 1024);
    this.heap = new EventHeap(capacity);
    this.generations = new Uint32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  /** The current simulated time in seconds. */
  get now(): number {
    return this.clock;
  }

  /** Events scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.live;
  }

  /** Time of the earliest pending event, or Infinity when none is pending. */
  get nextTime(): number {
    this.dropCancelledAtTop();
    return this.heap.size > 0 ? this.heap.minTime() : Infinity;
  }

  /** Schedules `callback` at absolute time `at` (≥ now). Events at equal times run in the order scheduled. */
  scheduleAt(at: number, callback: EventCallback<undefined>): EventHandle;
  scheduleAt<A>(at: number, callback: EventCallback<A>, arg: A): EventHandle;
  scheduleAt(at: number, callback: EventCallback<never>, arg?: unknown): EventHandle {
    if (!(at >= this.clock) || at === Infinity) throw new EventTimeError(at, this.clock);
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.newSlot();
    this.callbacks[slot] = callback as StoredCallback;
    this.args[slot] = arg;
    this.heap.push(at, this.sequence++, slot);
    this.live++;
    return this.generations[slot]! * SLOT_LIMIT + slot;
  }

  /** Schedules `callback` `delay` seconds (≥ 0) from now. */
  scheduleAfter(delay: number, callback: EventCallback<undefined>): EventHandle;
  scheduleAfter<A>(delay: number, callback: EventCallback<A>, arg: A): EventHandle;
  scheduleAfter(delay: number, callback: EventCallback<never>, arg?: unknown): EventHandle {
    if (!(delay >= 0)) throw new EventTimeError(this.clock + delay, this.clock);
    return this.scheduleAt(this.clock + delay, callback as StoredCallback, arg);
  }

  /**
   * Cancels a pending event. Returns true if it was pending; false for an event that has already
   * run, was already cancelled, or a handle the engine never issued. O(1).
   */
  cancel(handle: EventHandle): boolean {
    const slot = handle % SLOT_LIMIT;
    if (!(slot >= 0 && slot < this.slotCount)) return false;
    if (this.generations[slot]! * SLOT_LIMIT + slot !== handle) return false;
    this.generations[slot]!++;
    this.callbacks[slot] = null;
    this.args[slot] = undefined;
    this.live--;
    this.cancelledInHeap++;
    if (this.cancelledInHeap > SWEEP_SHARE * this.heap.size && this.heap.size >= SWEEP_MIN_SIZE) this.sweepCancelled();
    return true;
  }

  /**
   * Runs every event due at or before `until`, including events those events schedule, then
   * leaves the clock at `until`.
   */
  runUntil(until: number): void {
    if (!(until >= this.clock) || until === Infinity) throw new EventTimeError(until, this.clock, 'run until');
    this.drain(until, 'runUntil');
    this.clock = until;
  }

  /** Runs events until none is pending; the clock stays at the last event's time. */
  run(): void {
    this.drain(Infinity, 'run');
  }

  private drain(until: number, method: string): void {
    if (this.running) throw new EngineReentryError(method);
    this.running = true;
    try {
      const heap = this.heap;
      const callbacks = this.callbacks;
      const args = this.args;
      while (heap.size > 0) {
        const time = heap.minTime();
        if (time > until) break;
        const slot = heap.minSlot();
        heap.popMin();
        const callback = callbacks[slot];
        if (!callback) {
          this.cancelledInHeap--;
          this.release(slot);
          continue;
        }
        const arg = args[slot];
        callbacks[slot] = null;
        args[slot] = undefined;
        this.generations[slot]!++;
        this.release(slot);
        this.live--;
        this.clock = time;
        callback(arg, time);
      }
    } finally {
      this.running = false;
    }
  }

  private dropCancelledAtTop(): void {
    const heap = this.heap;
    while (heap.size > 0 && this.callbacks[heap.minSlot()] === null) {
      this.release(heap.minSlot());
      heap.popMin();
      this.cancelledInHeap--;
    }
  }

  private sweepCancelled(): void {
    const callbacks = this.callbacks;
    this.heap.retain((slot) => {
      if (callbacks[slot] !== null) return true;
      this.release(slot);
      return false;
    });
    this.cancelledInHeap = 0;
  }

  /** Returns a slot to the free list, unless its generations are used up. */
  private release(slot: number): void {
    if (this.generations[slot]! <= MAX_GENERATION) this.freeSlots[this.freeCount++] = slot;
  }

  private newSlot(): number {
    if (this.slotCount === SLOT_LIMIT) throw new EngineCapacityError(SLOT_LIMIT);
    if (this.slotCount === this.generations.length) {
      const capacity = Math.min(this.generations.length * 2, SLOT_LIMIT);
      const generations = new Uint32Array(capacity);
      generations.set(this.generations);
      this.generations = generations;
      const freeSlots = new Int32Array(capacity);
      freeSlots.set(this.freeSlots.subarray(0, this.freeCount));
      this.freeSlots = freeSlots;
    }
    const slot = this.slotCount++;
    this.generations[slot] = 1;
    this.callbacks.push(null);
    this.args.push(undefined);
    return slot;
  }
}
