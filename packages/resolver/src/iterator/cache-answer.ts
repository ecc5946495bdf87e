import { RRType } from '../constants.ts';
import type { Name } from '../name.ts';
import { rrsetRecords, type RR } from '../record.ts';
import type { Cache } from '../cache/cache.ts';
import { prefetchDue } from '../cache/ttl-policy.ts';

/** What the cache alone says about a question. */
export interface CacheLookup {
  kind: 'answer' | 'nxdomain' | 'nodata' | 'miss';
  /** The CNAME links followed and, for `answer`, the records asked for; TTLs counted down. */
  records: RR[];
  /** The chain's last name: where the answer or the miss is. */
  finalName: Name;
  /** For a negative answer: its SOA with the negative entry's remaining TTL (RFC 2308 §3). */
  soa?: RR;
  cnameLinks: number;
  /** The final RRset is due for a prefetch (BIND `prefetch`). */
  prefetch: boolean;
}

/**
 * Answers (qname, qtype) from the cache as RFC 1034 §5.3.3 step 1 does: the data itself, a
 * negative answer, or a CNAME to follow, link by link up to `maxLinks`. With `stale`, expired
 * data still inside the serve-stale window is used and shown with the stale answer TTL.
 */
export function lookupChain(cache: Cache, qname: Name, qtype: number, now: number, maxLinks: number, stale = false): CacheLookup {
  const records: RR[] = [];
  let name = qname;
  let links = 0;
  for (;;) {
    const entry = stale ? cache.getStale(name, qtype, now) : cache.getAnswer(name, qtype, now);
    if (entry !== undefined) {
      const remaining = cache.remaining(entry, now);
      for (const rr of rrsetRecords(entry.rrset, shownTtl(cache, remaining))) records.push(rr);
      const prefetch = !stale && prefetchDue(entry.ttl, remaining, cache.policy);
      return { kind: 'answer', records, finalName: name, cnameLinks: links, prefetch };
    }
    const negative = stale ? cache.getStaleNegative(name, qtype, now) : cache.getNegative(name, qtype, now);
    if (negative !== undefined) {
      const soa = rrsetRecords(negative.soa, shownTtl(cache, cache.remaining(negative, now)))[0];
      return { kind: negative.kind, records, finalName: name, cnameLinks: links, prefetch: false, ...(soa ? { soa } : {}) };
    }
    if (qtype === RRType.CNAME || qtype === RRType.ANY || links >= maxLinks) break;
    const cname = stale ? cache.getStale(name, RRType.CNAME, now) : cache.getAnswer(name, RRType.CNAME, now);
    if (cname === undefined) break;
    for (const rr of rrsetRecords(cname.rrset, shownTtl(cache, cache.remaining(cname, now)))) records.push(rr);
    links++;
    name = cname.rrset.data[0] as string;
  }
  return { kind: 'miss', records, finalName: name, cnameLinks: links, prefetch: false };
}

/** Live data shows what is left of its TTL; expired (stale) data the RFC 8767 answer TTL. */
function shownTtl(cache: Cache, remaining: number): number {
  return remaining >= 0 ? remaining : cache.policy.staleAnswerTtl;
}
