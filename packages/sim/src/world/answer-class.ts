/**
 * What a client lookup of a watched name got: the new provider's data, the old provider's,
 * nothing (SERVFAIL or timeout), or expired data served stale (RFC 8767). Small integers, so
 * per-bin accumulators can index arrays by class.
 */
export const AnswerClass = {
  New: 0,
  Old: 1,
  Failed: 2,
  Stale: 3,
} as const;
export type AnswerClass = (typeof AnswerClass)[keyof typeof AnswerClass];

export const ANSWER_CLASS_COUNT = 4;

/** The Result's field name of each class, in index order. */
export const ANSWER_CLASS_NAMES = ['new', 'old', 'failed', 'stale'] as const;
