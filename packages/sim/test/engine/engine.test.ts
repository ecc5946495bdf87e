import { describe, expect, it } from 'vitest';
import { Engine, NO_EVENT } from '../../src/engine/engine.ts';
import { EngineReentryError, EventTimeError } from '../../src/engine/errors.ts';

/** Records (label, time) for each event run. */
function recorder(engine: Engine) {
  const log: [string, number][] = [];
  const record = (label: string, now: number) => {
    log.push([label, now]);
    expect(engine.now).toBe(now);
  };
  return { log, record };
}

describe('Engine ordering', () => {
  it('runs events in time order whatever order they were scheduled in', () => {
    const engine = new Engine();
    const { log, record } = recorder(engine);
    for (const [label, at] of [['c', 3], ['a', 1], ['e', 5.5], ['b', 2], ['d', 4]] as const) engine.scheduleAt(at, record, label);
    engine.run();
    expect(log).toEqual([['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5.5]]);
    expect(engine.now).toBe(5.5);
    expect(engine.pending).toBe(0);
  });

  it('runs events at equal times in the order they were scheduled', () => {
    const engine = new Engine();
    const { log, record } = recorder(engine);
    const labels = Array.from({ length: 50 }, (_, i) => `e${i}`);
    engine.scheduleAt(2, record, 'later');
    for (const label of labels) engine.scheduleAt(1, record, label);
    engine.run();
    expect(log.map(([label]) => label)).toEqual([...labels, 'later']);
  });

  it('runs an event scheduled for "now" from a callback after those already due at that time', () => {
    const engine = new Engine();
    const { log, record } = recorder(engine);
    engine.scheduleAt(1, () => {
      record('first', 1);
      engine.scheduleAfter(0, record, 'scheduled-by-first');
    });
    engine.scheduleAt(1, record, 'second');
    engine.run();
    expect(log.map(([label]) => label)).toEqual(['first', 'second', 'scheduled-by-first']);
  });

  it('passes the argument and the event time to the callback', () => {
    const engine = new Engine({ startTime: 10 });
    const seen: [number, number][] = [];
    const entity = { id: 7 };
    engine.scheduleAfter(2.5, (arg: { id: number }, now) => seen.push([arg.id, now]), entity);
    engine.scheduleAfter(1, (arg: number, now) => seen.push([arg, now]), 42);
    engine.run();
    expect(seen).toEqual([[42, 11], [7, 12.5]]);
  });

  it('lets a callback keep scheduling itself, as a Poisson source does', () => {
    const engine = new Engine();
    const times: number[] = [];
    const tick = (remaining: number, now: number) => {
      times.push(now);
      if (remaining > 0) engine.scheduleAfter(0.5, tick, remaining - 1);
    };
    engine.scheduleAt(0, tick, 4);
    engine.run();
    expect(times).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('grows past its initial capacity without losing or reordering events', () => {
    const engine = new Engine({ initialCapacity: 16 });
    const count = 20_000;
    const order: number[] = [];
    // A permutation of 0..count-1 (multiplication by a unit modulo count), scheduled at time = value.
    for (let i = 0; i < count; i++) engine.scheduleAt((i * 7919) % count, (value: number) => order.push(value), (i * 7919) % count);
    expect(engine.pending).toBe(count);
    engine.run();
    expect(order).toEqual(Array.from({ length: count }, (_, i) => i));
  });
});

describe('Engine cancel', () => {
  it('removes a pending event and reports that it did', () => {
    const engine = new Engine();
    const { log, record } = recorder(engine);
    engine.scheduleAt(1, record, 'kept');
    const doomed = engine.scheduleAt(2, record, 'cancelled');
    engine.scheduleAt(3, record, 'also kept');
    expect(engine.pending).toBe(3);
    expect(engine.cancel(doomed)).toBe(true);
    expect(engine.pending).toBe(2);
    engine.run();
    expect(log.map(([label]) => label)).toEqual(['kept', 'also kept']);
  });

  it('returns false when cancelling twice, after the event ran, or for handles it never issued', () => {
    const engine = new Engine();
    const ran = engine.scheduleAt(1, () => {});
    const twice = engine.scheduleAt(2, () => {});
    expect(engine.cancel(twice)).toBe(true);
    expect(engine.cancel(twice)).toBe(false);
    engine.runUntil(1);
    expect(engine.cancel(ran)).toBe(false);
    for (const bogus of [NO_EVENT, -1, 0.5, Number.NaN, Infinity, 2 ** 60, ran + 1]) expect(engine.cancel(bogus)).toBe(false);
    expect(engine.pending).toBe(0);
  });

  it('does not let a stale handle cancel a later event that reuses its slot', () => {
    const engine = new Engine();
    let laterRan = false;
    const first = engine.scheduleAt(1, () => {});
    engine.run();
    const later = engine.scheduleAt(2, () => (laterRan = true));
    expect(later).not.toBe(first);
    expect(engine.cancel(first)).toBe(false);
    engine.run();
    expect(laterRan).toBe(true);
  });

  it('does not let a stale handle of a cancelled event cancel the event reusing its slot', () => {
    const engine = new Engine();
    const ran: string[] = [];
    const cancelled = engine.scheduleAt(1, () => ran.push('cancelled'));
    engine.cancel(cancelled);
    engine.run(); // pops the cancelled entry and frees its slot
    engine.scheduleAt(2, () => ran.push('reuser'));
    expect(engine.cancel(cancelled)).toBe(false);
    engine.run();
    expect(ran).toEqual(['reuser']);
  });

  it('lets an event cancel another due at the same time, and not itself', () => {
    const engine = new Engine();
    const ran: string[] = [];
    let own = NO_EVENT;
    let victim = NO_EVENT;
    own = engine.scheduleAt(1, () => {
      ran.push('canceller');
      expect(engine.cancel(own)).toBe(false);
      expect(engine.cancel(victim)).toBe(true);
    });
    victim = engine.scheduleAt(1, () => ran.push('victim'));
    engine.run();
    expect(ran).toEqual(['canceller']);
  });

  it('sweeps out cancelled events in bulk without disturbing the live ones', () => {
    const engine = new Engine({ initialCapacity: 16 });
    const ran: number[] = [];
    const handles: number[] = [];
    for (let i = 0; i < 1000; i++) handles.push(engine.scheduleAt(1000 - i, (value: number) => ran.push(value), 1000 - i));
    // Cancel all but every tenth, which forces several sweeps as cancelled entries pass half the heap.
    handles.forEach((handle, i) => {
      if (i % 10 !== 0) expect(engine.cancel(handle)).toBe(true);
    });
    expect(engine.pending).toBe(100);
    expect(engine.nextTime).toBe(10);
    engine.run();
    expect(ran).toEqual(Array.from({ length: 100 }, (_, i) => 10 * (i + 1)));
  });
});

describe('Engine runUntil', () => {
  it('runs events at exactly the boundary, stops before later ones and leaves the clock at the boundary', () => {
    const engine = new Engine();
    const { log, record } = recorder(engine);
    engine.scheduleAt(1, record, 'before');
    engine.scheduleAt(5, record, 'at');
    engine.scheduleAt(5 + 1e-9, record, 'after');
    engine.runUntil(5);
    expect(log.map(([label]) => label)).toEqual(['before', 'at']);
    expect(engine.now).toBe(5);
    expect(engine.pending).toBe(1);
    expect(engine.nextTime).toBe(5 + 1e-9);
    engine.runUntil(7);
    expect(log.map(([label]) => label)).toEqual(['before', 'at', 'after']);
    expect(engine.now).toBe(7);
  });

  it('includes events that events at the boundary schedule for the boundary', () => {
    const engine = new Engine();
    const ran: string[] = [];
    engine.scheduleAt(3, () => {
      ran.push('at boundary');
      engine.scheduleAfter(0, () => ran.push('chained at boundary'));
      engine.scheduleAfter(1, () => ran.push('past boundary'));
    });
    engine.runUntil(3);
    expect(ran).toEqual(['at boundary', 'chained at boundary']);
    expect(engine.pending).toBe(1);
  });

  it('advances the clock with no events at all', () => {
    const engine = new Engine();
    engine.runUntil(86_400);
    expect(engine.now).toBe(86_400);
    expect(engine.nextTime).toBe(Infinity);
    engine.runUntil(86_400);
    expect(engine.now).toBe(86_400);
  });

  it('refuses to run backwards', () => {
    const engine = new Engine();
    engine.runUntil(10);
    expect(() => engine.runUntil(9)).toThrow(EventTimeError);
    expect(() => engine.runUntil(Number.NaN)).toThrow(EventTimeError);
    expect(() => engine.runUntil(Infinity)).toThrow(EventTimeError);
    expect(engine.now).toBe(10);
  });
});

describe('Engine errors', () => {
  it('rejects an event in the past with both times in the error', () => {
    const engine = new Engine();
    engine.runUntil(100);
    let error: unknown;
    try {
      engine.scheduleAt(99.5, () => {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EventTimeError);
    expect(error).toMatchObject({ at: 99.5, now: 100 });
    expect((error as Error).message).toContain('t=99.5');
    expect((error as Error).message).toContain('t=100');
    expect(engine.pending).toBe(0);
  });

  it('rejects negative and non-finite delays and times', () => {
    const engine = new Engine();
    expect(() => engine.scheduleAfter(-1, () => {})).toThrow(EventTimeError);
    expect(() => engine.scheduleAfter(Number.NaN, () => {})).toThrow(/not a finite time/);
    expect(() => engine.scheduleAfter(Infinity, () => {})).toThrow(/not a finite time/);
    expect(() => engine.scheduleAt(Number.NaN, () => {})).toThrow(EventTimeError);
    expect(() => new Engine({ startTime: Number.NaN })).toThrow(EventTimeError);
    expect(engine.pending).toBe(0);
  });

  it('refuses to be run from inside an event, and keeps working afterwards', () => {
    const engine = new Engine();
    let inner: unknown;
    engine.scheduleAt(1, () => {
      try {
        engine.run();
      } catch (caught) {
        inner = caught;
      }
    });
    engine.run();
    expect(inner).toBeInstanceOf(EngineReentryError);
    engine.scheduleAt(2, () => {});
    engine.run();
    expect(engine.now).toBe(2);
  });

  it('is left consistent when a callback throws', () => {
    const engine = new Engine();
    const ran: string[] = [];
    engine.scheduleAt(1, () => {
      throw new Error('model fault');
    });
    engine.scheduleAt(2, () => ran.push('next'));
    expect(() => engine.run()).toThrow('model fault');
    expect(engine.now).toBe(1);
    expect(engine.pending).toBe(1);
    engine.run();
    expect(ran).toEqual(['next']);
  });
});
