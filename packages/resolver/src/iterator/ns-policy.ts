import type { PositiveEntry } from '../cache/cache.ts';
import type { ChildNsAcceptance, DelegationPolicy } from '../profiles.ts';

/** How a child's NS set reached the resolver. */
export interface ChildNsArrival {
  /** `answer`: the reply to an explicit NS query; `authority`: riding along with another answer. */
  section: 'answer' | 'authority';
  /** The response echoed our client cookie and carried a server cookie (RFC 7873 §5.3). */
  cookieValidated: boolean;
}

/**
 * Whether the child's (authoritative) NS set may replace the cached delegation the resolver
 * recurses with. The cache's rank order and ghost-domain clamp still apply afterwards; this is
 * the product-specific gate in front of them (facts.md, "observed here").
 */
export function acceptsChildNs(
  policy: DelegationPolicy,
  cached: PositiveEntry | undefined,
  remaining: number,
  arrival: ChildNsArrival,
): boolean {
  const rule: ChildNsAcceptance = arrival.section === 'answer' ? policy.childNsInAnswer : policy.childNsInAuthority;
  switch (rule) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'cookie-validated':
      return arrival.cookieValidated;
    case 'near-expiry': {
      if (cached === undefined || remaining < 0) return true;
      const window = Math.max(policy.nearExpiry.seconds, policy.nearExpiry.fraction * cached.ttl);
      return remaining <= window;
    }
  }
}
