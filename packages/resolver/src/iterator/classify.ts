import { Rcode, RRType } from '../constants.ts';
import { isSubdomain, type Name } from '../name.ts';
import type { Message } from '../message.ts';
import { groupRRsets, type RR, type RRset } from '../record.ts';

/** What a (scrubbed) response means for the question asked (after Unbound's `response_type`). */
export const ResponseKind = {
  /** Records of the asked type at the end of the chain. */
  Answer: 'answer',
  /** A CNAME chain leading out of what the server could answer: restart at its target. */
  Cname: 'cname',
  /** A delegation to a zone below the one asked. */
  Referral: 'referral',
  NxDomain: 'nxdomain',
  NoData: 'nodata',
  /** The server is not a working authority for this zone. */
  Lame: 'lame',
} as const;
export type ResponseKind = (typeof ResponseKind)[keyof typeof ResponseKind];

export interface Classified {
  kind: ResponseKind;
  /** The answer section's chain in order (CNAMEs, then the records of the asked type). */
  chain: RR[];
  /** The last name of the chain: where a negative answer applies or a CNAME leads. */
  finalName: Name;
  /** The referral's NS set, or the child's apex NS set seen in the authority section. */
  ns?: RRset;
  /** The SOA of a negative answer. */
  soa?: RRset;
  /** Why a response counts as lame, for traces. */
  reason?: string;
}

/**
 * Classifies a response from a server of `zone` to (qname, qtype). The response must already be
 * scrubbed (`scrubResponse`), so every record in it is in the zone's bailiwick.
 */
export function classifyResponse(response: Message, qname: Name, qtype: number, zone: Name): Classified {
  const rcode = response.rcode;
  if (rcode !== Rcode.NOERROR && rcode !== Rcode.NXDOMAIN) {
    return { kind: ResponseKind.Lame, chain: [], finalName: qname, reason: `rcode ${rcode}` };
  }
  const { chain, finalName, answered } = followChain(response.answer, qname, qtype);
  const nsRecords: RR[] = [];
  const soaRecords: RR[] = [];
  for (const rr of response.authority) {
    if (rr.type === RRType.NS) nsRecords.push(rr);
    else if (rr.type === RRType.SOA) soaRecords.push(rr);
  }
  const nsSets = nsRecords.length > 0 ? groupRRsets(nsRecords) : [];
  const soa = soaRecords.length > 0 ? groupRRsets(soaRecords)[0] : undefined;
  const apexNs = nsSets.find((s) => s.name === zone);
  const result = (kind: ResponseKind, ns?: RRset, reason?: string): Classified => classified(kind, chain, finalName, soa, ns, reason);

  if (answered) {
    if (!response.aa) return result(ResponseKind.Lame, undefined, 'answer without AA');
    return result(ResponseKind.Answer, apexNs);
  }
  if (rcode === Rcode.NXDOMAIN) {
    // An NXDOMAIN speaks of the chain's last name; past the zone's edge it can only be the CNAME's.
    return result(isSubdomain(finalName, zone) ? ResponseKind.NxDomain : ResponseKind.Cname);
  }

  const cut = nsSets.find((s) => s.name !== zone && isSubdomain(s.name, zone) && isSubdomain(finalName, s.name));
  if (cut && !soa) return result(ResponseKind.Referral, cut);
  if (chain.length > 0) {
    // The chain left the zone (the scrubber cut it), or ends in a name the zone knows is empty.
    if (response.aa && soa && isSubdomain(finalName, zone)) return result(ResponseKind.NoData);
    if (!response.aa) return result(ResponseKind.Lame, undefined, 'CNAME without AA');
    return result(ResponseKind.Cname);
  }
  if (response.aa) return result(ResponseKind.NoData, apexNs);
  if (nsSets.length > 0) return result(ResponseKind.Lame, undefined, 'referral upward or sideways');
  return result(ResponseKind.Lame, undefined, 'not authoritative and not a referral');
}

/** A Classified with only the optional fields that have values; built without spreading, as this runs once per response. */
function classified(kind: ResponseKind, chain: RR[], finalName: Name, soa: RRset | undefined, ns: RRset | undefined, reason: string | undefined): Classified {
  const c: Classified = { kind, chain, finalName };
  if (soa) c.soa = soa;
  if (ns) c.ns = ns;
  if (reason !== undefined) c.reason = reason;
  return c;
}

function followChain(answer: readonly RR[], qname: Name, qtype: number): { chain: RR[]; finalName: Name; answered: boolean } {
  const chain: RR[] = [];
  let name = qname;
  for (let hops = 0; hops <= answer.length; hops++) {
    let answered = false;
    let cname: RR | undefined;
    for (const rr of answer) {
      if (rr.name !== name) continue;
      if (rr.type === qtype || qtype === RRType.ANY) {
        chain.push(rr);
        answered = true;
      } else if (rr.type === RRType.CNAME && cname === undefined) cname = rr;
    }
    if (answered) return { chain, finalName: name, answered: true };
    if (!cname || qtype === RRType.CNAME || chain.includes(cname)) break;
    chain.push(cname);
    name = cname.data as string;
  }
  return { chain, finalName: name, answered: false };
}
