/**
 * Resolvers do not start with empty caches: on the day a migration starts, each has held the
 * domain's delegation since some moment in the past, and those moments are spread evenly over
 * the delegation's lifetime. A resolver started cold at t = 0 would instead learn it at t ≈ 0
 * along with every other, and they would all let it expire together one TTL later.
 *
 * So before the run each resolver node resolves the watched question once at a time −φ, with φ
 * uniform on [0, D) for D the longest the resolver can keep the delegation (the larger of the
 * registry's and the provider's NS TTL, within its TTL floor and cap). The resolution runs through
 * the real iterator against the world's servers as they are at the start (the network's
 * `answerAt`, which counts no load: the queries happened before the run). Whatever it cached with
 * a shorter life than φ has expired by t = 0 and is learnt again at the node's first lookup, as
 * it would be.
 */
import { positiveTtl, type Message, type Recursor } from '@cutover/resolver';
import type { Network } from '../world/network.ts';

/** What a synchronous resolution ended with. */
export interface Resolved {
  response: Message | undefined;
  /** When the answer came. */
  end: number;
  /** Servers asked, by address, in order. */
  asked: string[];
}

/**
 * Runs one resolution of `query` by `recursor` at time `at`, each server answering from the
 * state it is in now, with `latency` drawn per direction; a silent server costs the timeout.
 */
export function resolveAt(recursor: Recursor, network: Network, from: string, query: Message, at: number, latency: () => number): Resolved {
  const resolution = recursor.resolve(query, at);
  let now = at;
  let response: Message | undefined;
  const asked: string[] = [];
  let actions = resolution.start(now);
  for (let steps = 0; ; steps++) {
    if (steps > 10_000) throw new Error(`resolution of ${query.question[0]?.name} does not end`);
    let send: Extract<(typeof actions)[number], { kind: 'send' }> | undefined;
    for (const action of actions) {
      if (action.kind === 'answer') response = action.response;
      else send = action;
    }
    if (send === undefined) break;
    asked.push(send.to);
    const out = latency();
    const back = latency();
    const { reply } = network.answerAt(from, send.to, send.query, now + out);
    if (reply === undefined || out + back > send.timeout) {
      now += send.timeout;
      actions = resolution.handle({ kind: 'timeout', ref: send.ref }, now);
    } else {
      now += out + back;
      actions = resolution.handle({ kind: 'response', ref: send.ref, message: reply }, now);
    }
  }
  return { response, end: now, asked };
}

/** The longest a resolver with `recursor`'s profile keeps a delegation whose NS TTLs are `ttls`. */
export function delegationLifetime(recursor: Recursor, ttls: readonly number[]): number {
  return positiveTtl(Math.max(...ttls), recursor.profile.ttl, true);
}
