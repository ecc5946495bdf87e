/**
 * Errors the engine raises. They are faults in the code that drives the engine (a model that
 * schedules into the past, a run started from inside an event), not bad user input, so they do
 * not extend InputError.
 */

/** An event scheduled before the current time, or at a time that is not a finite number. */
export class EventTimeError extends Error {
  constructor(
    /** The time asked for, in simulated seconds. */
    readonly at: number,
    /** The engine's clock when it was asked. */
    readonly now: number,
    what = 'event scheduled',
  ) {
    super(
      Number.isFinite(at)
        ? `${what} at t=${at} s, before the current time t=${now} s`
        : `${what} at t=${at}, which is not a finite time (now t=${now} s)`,
    );
    this.name = 'EventTimeError';
  }
}

/** A run started while another is in progress, i.e. from inside an event's callback. */
export class EngineReentryError extends Error {
  constructor(method: string) {
    super(`${method}() called from inside an event; events must not run the engine`);
    this.name = 'EngineReentryError';
  }
}

/** More events pending at once than a handle can address. */
export class EngineCapacityError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} events pending at once`);
    this.name = 'EngineCapacityError';
  }
}
