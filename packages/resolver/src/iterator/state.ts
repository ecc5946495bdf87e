/**
 * The states of one frame of a resolution (after Unbound's `enum iter_state`). The loop in
 * `resolution.ts` handles the state of the top frame until a query is in flight or the client
 * has its answer.
 */
export const State = {
  /** Answer from the cache: positive, negative, or the next link of a CNAME chain. */
  Init: 'init',
  /** Find the closest cached zone cut with usable servers; prime from the root hints if none. */
  FindCut: 'find-cut',
  /** Pick a server of the cut (or look up a server's address) and send the query. */
  QueryTargets: 'query-targets',
  /** A query is in flight; the driver will report its response or timeout. */
  Waiting: 'waiting',
  /** Scrub, classify and cache the response, then act on its kind. */
  Response: 'response',
  /** The frame has its result. */
  Finished: 'finished',
} as const;
export type State = (typeof State)[keyof typeof State];
