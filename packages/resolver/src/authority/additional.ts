/**
 * RFC 1034 §4.3.2 step 6 and RFC 1035 §3.3.9/§3.3.14, RFC 2782: the additional section carries
 * the addresses a querier will need next, for the targets of NS, MX and SRV records, using local
 * data only. For NS targets the zone that holds the NS RRset may supply glue (which is how a
 * referral becomes usable); other targets get only authoritative addresses.
 */
import { RRType } from '../constants.ts';
import { isSubdomain, type Name } from '../name.ts';
import type { MxData, RRset, SrvData } from '../record.ts';
import type { Zone } from '../zone.ts';

/** An NS RRset placed in the response, and the zone it came from (whose glue may serve its targets). */
export interface NsSource {
  set: RRset;
  zone: Zone;
}

/** The A and AAAA RRsets stored at `name` in `zone`, glue included. */
export function addressSetsAt(zone: Zone, name: Name): RRset[] {
  const out: RRset[] = [];
  const a = zone.get(name, RRType.A);
  if (a) out.push(a);
  const aaaa = zone.get(name, RRType.AAAA);
  if (aaaa) out.push(aaaa);
  return out;
}

/**
 * Address RRsets for the targets of the response's MX and SRV answers and of its NS RRsets,
 * without repeating an RRset the answer section already holds or listing one twice.
 * `authoritative` finds a target's addresses in whichever served zone is authoritative for it.
 */
export function additionalAddresses(answer: readonly RRset[], nsSources: readonly NsSource[], authoritative: (target: Name) => RRset[]): RRset[] {
  const seen = new Set(answer.map(key));
  const out: RRset[] = [];
  const add = (sets: RRset[]): void => {
    for (const set of sets) {
      const k = key(set);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(set);
    }
  };
  for (const set of answer) {
    for (const target of serviceTargets(set)) add(authoritative(target));
  }
  for (const { set, zone } of nsSources) {
    for (const target of set.data as Name[]) {
      const local = isSubdomain(target, zone.origin) ? addressSetsAt(zone, target) : [];
      add(local.length > 0 ? local : authoritative(target));
    }
  }
  return out;
}

function serviceTargets(set: RRset): Name[] {
  if (set.type === RRType.MX) return (set.data as MxData[]).map((d) => d.exchange);
  // RFC 2782: a target of "." means the service is not offered there.
  if (set.type === RRType.SRV) return (set.data as SrvData[]).map((d) => d.target).filter((t) => t !== '.');
  return [];
}

function key(set: RRset): string {
  return `${set.name}\u0000${set.type}`;
}
