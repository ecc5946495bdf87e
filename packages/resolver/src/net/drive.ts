import type { Resolution, ResolverAction, ResolverEvent } from '../actions.ts';
import type { Message } from '../message.ts';
import type { Transport } from './transport.ts';

export interface DriveOptions {
  /** Port the resolution's servers are asked on; default 53 (tests use others). */
  port?: number;
}

/**
 * Runs a sans-I/O resolution over real sockets: every `send` goes out through the transport at
 * once (so a resolution's parallel queries are in flight together), each outcome is fed back as
 * a `response` or `timeout` event stamped with `clock()`, and the first `answer` is the result.
 * Outcomes arriving after the answer are dropped. A resolution that stops asking without
 * answering is a fault in it, reported as a rejection.
 */
export function drive(resolution: Resolution, transport: Transport, clock: () => number, opts: DriveOptions = {}): Promise<Message> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let pending = 0;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const step = (next: () => ResolverAction[]): void => {
      let actions: ResolverAction[];
      try {
        actions = next();
      } catch (error) {
        return fail(error);
      }
      for (const action of actions) {
        if (settled) return;
        if (action.kind === 'answer') {
          settled = true;
          return resolve(action.response);
        }
        pending++;
        const { ref } = action;
        transport.query(action.to, action.query, { timeout: action.timeout, port: opts.port }).then(
          (outcome) => {
            pending--;
            if (settled) return;
            const event: ResolverEvent = outcome === 'timeout' ? { kind: 'timeout', ref } : { kind: 'response', ref, message: outcome };
            step(() => resolution.handle(event, clock()));
          },
          (error: unknown) => {
            pending--;
            fail(error);
          },
        );
      }
      if (!settled && pending === 0) fail(new Error('the resolution stopped without an answer and with no query in flight'));
    };
    step(() => resolution.start(clock()));
  });
}
