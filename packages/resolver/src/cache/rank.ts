/**
 * Credibility of cached data, RFC 2181 §5.4.1, lowest first. Data of a higher rank replaces data
 * of a lower one; lower-ranked data never replaces unexpired higher-ranked data. The numeric order
 * is the contract: compare ranks with `<` and `>=`.
 */
export const Rank = {
  /** Additional section: glue and other addresses a server volunteered. */
  Additional: 1,
  /** Authority section of a non-authoritative answer: the NS set of a referral. */
  Referral: 2,
  /** Answer section of a response without the AA bit. */
  NonAuthAnswer: 3,
  /** Authority section of an authoritative answer: the child's apex NS set, a negative answer's SOA. */
  AuthAuthority: 4,
  /** Answer section of an authoritative answer. */
  AuthAnswer: 5,
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

const rankNames = new Map<number, string>(Object.entries(Rank).map(([k, v]) => [v, k]));

export function rankName(rank: Rank): string {
  return rankNames.get(rank) ?? `rank${rank}`;
}

/** Ranks a client may be answered from: glue and referral data are for iteration only (RFC 2181 §5.4.1). */
export function isAnswerRank(rank: Rank): boolean {
  return rank >= Rank.NonAuthAnswer;
}
