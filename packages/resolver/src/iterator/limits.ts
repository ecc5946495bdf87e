/** Bounds that keep one resolution finite whatever the servers answer. */
export interface Limits {
  /** Referrals followed in one resolution (Unbound's MAX_REFERRAL_COUNT is 130; the brief asks ≤ 30). */
  maxReferrals: number;
  /** CNAME links followed (Unbound's MAX_RESTART_COUNT is 11; BIND's max-restarts 11). */
  maxCnameLinks: number;
  /** Queries sent for one client question, sub-resolutions included. */
  maxQueries: number;
  /** Nesting of sub-resolutions for name server addresses (glueless NS names). */
  maxTargetDepth: number;
}

export const defaultLimits: Limits = {
  maxReferrals: 30,
  maxCnameLinks: 12,
  maxQueries: 100,
  maxTargetDepth: 4,
};
