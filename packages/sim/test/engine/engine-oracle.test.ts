/**
 * Large random workloads run through the engine and through an obviously correct oracle (a list
 * scanned for the smallest (time, sequence) on every step), which must agree on every event
 * run, every cancel's answer, the pending count and the next event time.
 */
import { describe, expect, it } from 'vitest';
import { Engine, NO_EVENT } from '../../src/engine/engine.ts';
import { EventHeap } from '../../src/engine/event-heap.ts';
import { streamFor } from '../../src/random/streams.ts';

interface OracleEvent {
  time: number;
  sequence: number;
  id: number;
  state: 'pending' | 'ran' | 'cancelled';
}

/** The reference: a plain list, the earliest pending event found by a linear scan. */
class OracleQueue {
  now = 0;
  private sequence = 0;
  readonly events: OracleEvent[] = [];

  schedule(time: number, id: number): OracleEvent {
    const event: OracleEvent = { time, sequence: this.sequence++, id, state: 'pending' };
    this.events.push(event);
    return event;
  }

  cancel(event: OracleEvent): boolean {
    if (event.state !== 'pending') return false;
    event.state = 'cancelled';
    return true;
  }

  earliest(): OracleEvent | undefined {
    let best: OracleEvent | undefined;
    for (const event of this.events) {
      if (event.state !== 'pending') continue;
      if (!best || event.time < best.time || (event.time === best.time && event.sequence < best.sequence)) best = event;
    }
    return best;
  }

  get pending(): number {
    return this.events.filter((event) => event.state === 'pending').length;
  }
}

/**
 * Drives the engine with random decisions taken inside its callbacks (new events with delays
 * that often tie, cancels of random earlier handles, some of them stale) and replays each
 * decision on the oracle.
 */
function randomWorkload(seed: number, steps: number, cancelShare: number) {
  const next = streamFor(seed, 'engine-oracle').next;
  const engine = new Engine({ initialCapacity: 16 });
  const oracle = new OracleQueue();
  const handles: number[] = [];
  const oracleEvents: OracleEvent[] = [];
  const ranIds: number[] = [];
  const expectedIds: number[] = [];
  let nextId = 0;

  // Delays on a coarse grid so that many events tie, plus some zero and some fractional.
  const drawDelay = () => {
    const u = next();
    if (u < 0.2) return 0;
    if (u < 0.8) return Math.floor(next() * 5);
    return next() * 5;
  };

  const schedule = (delay: number) => {
    const id = nextId++;
    handles.push(engine.scheduleAfter(delay, fire, id));
    oracleEvents.push(oracle.schedule(oracle.now + delay, id));
  };

  const cancelAt = (index: number) => {
    expect(engine.cancel(handles[index]!)).toBe(oracle.cancel(oracleEvents[index]!));
  };
  const cancelRandom = () => {
    if (handles.length > 0) cancelAt(Math.floor(next() * handles.length));
  };
  // Cancels most pending events at once, enough for the engine to sweep its heap.
  const cancelMany = () => {
    oracleEvents.forEach((event, index) => {
      if (event.state === 'pending' && next() < 0.7) cancelAt(index);
    });
  };

  function fire(id: number, now: number): void {
    const expected = oracle.earliest();
    expect(expected).toBeDefined();
    expect(now).toBe(expected!.time);
    expected!.state = 'ran';
    oracle.now = now;
    ranIds.push(id);
    expectedIds.push(expected!.id);
    if (nextId < steps) {
      const children = Math.floor(next() * 3.2);
      for (let i = 0; i < children; i++) schedule(drawDelay());
      if (next() < cancelShare) cancelRandom();
    }
  }

  // Run in slices of random length, checking the observable state between them, and start new
  // events whenever the workload dies out before its size is reached.
  while (engine.pending > 0 || nextId < steps) {
    if (engine.pending === 0) for (let i = 0; i < 20; i++) schedule(drawDelay());
    const until = engine.now + next() * 3;
    engine.runUntil(until);
    oracle.now = until;
    expect(engine.now).toBe(until);
    expect(engine.pending).toBe(oracle.pending);
    expect(engine.nextTime).toBe(oracle.earliest()?.time ?? Infinity);
    const u = next();
    if (u < 0.3) cancelRandom();
    else if (u < 0.4) cancelMany();
    expect(engine.pending).toBe(oracle.pending);
    expect(engine.nextTime).toBe(oracle.earliest()?.time ?? Infinity);
  }
  return { ranIds, expectedIds, scheduled: nextId, cancelled: oracle.events.filter((e) => e.state === 'cancelled').length };
}

describe('Engine against a plain-list oracle', () => {
  it.each([
    [1, 0.2],
    [2, 0.6],
    [3, 0.95],
  ])('agrees on a random workload (seed %i, cancel share %f)', (seed, cancelShare) => {
    const { ranIds, expectedIds, scheduled, cancelled } = randomWorkload(seed, 6000, cancelShare);
    expect(ranIds).toEqual(expectedIds);
    // The workload really exercised what it claims to.
    expect(scheduled).toBeGreaterThanOrEqual(6000);
    expect(cancelled).toBeGreaterThan(100);
    expect(ranIds.length + cancelled).toBe(scheduled);
  });
});

describe('EventHeap', () => {
  it('pops 100,000 random entries in (time, sequence) order, as sorting them does', () => {
    const next = streamFor(9, 'heap').next;
    const heap = new EventHeap(2);
    const entries: [number, number, number][] = [];
    for (let sequence = 0; sequence < 100_000; sequence++) {
      const time = Math.floor(next() * 1000);
      entries.push([time, sequence, sequence % 4096]);
      heap.push(time, sequence, sequence % 4096);
    }
    entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const mismatch = entries.findIndex(([time, , slot]) => {
      const ok = heap.minTime() === time && heap.minSlot() === slot;
      heap.popMin();
      return !ok;
    });
    expect(mismatch).toBe(-1);
    expect(heap.size).toBe(0);
  });

  it('keeps heap order after retaining a subset', () => {
    const next = streamFor(10, 'heap-retain').next;
    const heap = new EventHeap(4);
    const times: number[] = [];
    for (let slot = 0; slot < 5000; slot++) {
      times.push(next() * 100);
      heap.push(times[slot]!, slot, slot);
    }
    heap.retain((slot) => slot % 3 !== 0);
    const expected = times.map((time, slot) => [time, slot] as const).filter(([, slot]) => slot % 3 !== 0);
    expected.sort((a, b) => a[0] - b[0]);
    const popped: number[] = [];
    while (heap.size > 0) {
      popped.push(heap.minSlot());
      heap.popMin();
    }
    expect(popped).toEqual(expected.map(([, slot]) => slot));
  });
});

describe('handles', () => {
  it('are never NO_EVENT and never repeat, even when slots are reused', () => {
    const engine = new Engine();
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const handle = engine.scheduleAt(i, () => {});
      expect(handle).not.toBe(NO_EVENT);
      seen.add(handle);
      if (i % 2 === 0) engine.runUntil(i);
    }
    expect(seen.size).toBe(10_000);
  });
});
