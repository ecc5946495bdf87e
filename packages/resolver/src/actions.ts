import type { Message } from './message.ts';

/**
 * The sans-I/O boundary of the resolver. A resolution never touches a socket or a clock: it is
 * given events and the current time (seconds, float) and returns actions. The daemon turns `send`
 * into a UDP/TCP exchange on a random ID and source port and reports back a `response` (only one
 * whose ID, source address and question match) or a `timeout`; the simulation does the same over
 * its in-memory network in virtual time.
 */
export type ResolverAction =
  | {
      kind: 'send';
      /** Correlates the reply; unique within one resolution. */
      ref: number;
      /** IPv4 or IPv6 address of the server; the port is always 53. */
      to: string;
      query: Message;
      /** Seconds to wait before reporting a timeout. */
      timeout: number;
    }
  | { kind: 'answer'; response: Message };

export type ResolverEvent =
  | { kind: 'response'; ref: number; message: Message }
  | { kind: 'timeout'; ref: number };

/** One client question being resolved; drivers call `start` once, then `handle` per event until `done`. */
export interface Resolution {
  start(now: number): ResolverAction[];
  handle(event: ResolverEvent, now: number): ResolverAction[];
  readonly done: boolean;
}
