/**
 * Step 3 of RFC 1034 §4.3.2 inside one zone, with the wildcard rules of RFC 4592: what the zone
 * says about one name and type. The CNAME restart, the choice of zone and the sections of the
 * response belong to the Authority; this is the part that only needs the zone.
 */
import { RRType } from '../constants.ts';
import { parentName, type Name } from '../name.ts';
import type { RRset } from '../record.ts';
import { wildcardOf, type Zone } from '../zone.ts';

export type ZoneLookup =
  /** RRsets matching the type (all of them for ANY); owners are the query name, even when synthesised from a wildcard. */
  | { kind: 'answer'; rrsets: RRset[]; wildcard: boolean }
  /** The name is an alias and the type is not CNAME: the CNAME (owned by the query name) and where it points. */
  | { kind: 'cname'; cname: RRset; target: Name; wildcard: boolean }
  /** The name lies at or below a zone cut: the delegation's NS RRset. */
  | { kind: 'referral'; cut: Name; ns: RRset }
  /** The name exists (perhaps as an empty non-terminal, perhaps by wildcard) but has no data of the type. */
  | { kind: 'nodata'; wildcard: boolean }
  | { kind: 'nxdomain' };

/** Looks `name` (canonical, inside the zone) up for `qtype`. */
export function lookupInZone(zone: Zone, name: Name, qtype: number): ZoneLookup {
  const cut = zone.cutFor(name);
  // DS belongs to the parent side of a cut (RFC 4035 §3.1.4.1): the delegating zone answers it
  // itself instead of referring the query to the child.
  if (cut !== undefined && !(cut === name && qtype === RRType.DS)) {
    return { kind: 'referral', cut, ns: zone.get(cut, RRType.NS)! };
  }
  if (zone.exists(name)) return matchNode(zone, name, name, qtype, false);
  // RFC 4592 §3.3.1: only the wildcard child of the closest encloser can match, so a wildcard
  // never reaches across a name that exists (even an empty non-terminal).
  const source = wildcardOf(closestEncloser(zone, name));
  if (zone.exists(source)) return matchNode(zone, source, name, qtype, true);
  return { kind: 'nxdomain' };
}

/** The deepest existing ancestor of `name`; the apex always exists, so the walk ends there. */
function closestEncloser(zone: Zone, name: Name): Name {
  let n = parentName(name)!;
  while (!zone.exists(n)) n = parentName(n)!;
  return n;
}

function matchNode(zone: Zone, node: Name, owner: Name, qtype: number, wildcard: boolean): ZoneLookup {
  if (qtype === RRType.ANY) {
    const all = zone.rrsetsAt(node);
    return all.length > 0 ? { kind: 'answer', rrsets: all.map((s) => ownedBy(s, owner)), wildcard } : { kind: 'nodata', wildcard };
  }
  const exact = zone.get(node, qtype);
  if (exact) return { kind: 'answer', rrsets: [ownedBy(exact, owner)], wildcard };
  const cname = zone.get(node, RRType.CNAME);
  if (cname) return { kind: 'cname', cname: ownedBy(cname, owner), target: cname.data[0] as Name, wildcard };
  return { kind: 'nodata', wildcard };
}

/** RFC 1034 §4.3.3: synthesised records carry the query name as owner, not the wildcard's. */
function ownedBy(set: RRset, owner: Name): RRset {
  return set.name === owner ? set : { ...set, name: owner };
}
