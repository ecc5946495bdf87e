import { RRType } from '../constants.ts';
import { isSubdomain, type Name } from '../name.ts';
import type { Message } from '../message.ts';
import type { RR } from '../record.ts';

/**
 * Removes from a response everything the answering server has no authority to say (after
 * Unbound's `scrub_message`): a server of `zone` may only speak about names in `zone`. Kept:
 * - answer: the CNAME chain from `qname` and the records of the asked type at its names, while
 *   those names stay inside the zone;
 * - authority: NS and SOA records owned inside the zone at an ancestor of a name of the chain;
 * - additional: addresses of the kept NS names, when those names are inside the zone (glue
 *   for a name in another zone could poison it).
 * Everything else is dropped before anything is cached.
 */
export function scrubResponse(response: Message, qname: Name, qtype: number, zone: Name): Message {
  const chain: Name[] = [qname];
  const answer: RR[] = [];
  for (let i = 0; i < chain.length && i <= response.answer.length; i++) {
    const name = chain[i]!;
    if (!isSubdomain(name, zone)) break;
    for (const rr of response.answer) {
      if (rr.name !== name) continue;
      if (rr.type === RRType.CNAME && qtype !== RRType.CNAME) {
        answer.push(rr);
        const target = rr.data as string;
        if (!chain.includes(target)) chain.push(target);
      } else if (rr.type === qtype || qtype === RRType.ANY) answer.push(rr);
    }
  }

  const authority = response.authority.filter(
    (rr) =>
      (rr.type === RRType.NS || rr.type === RRType.SOA) &&
      isSubdomain(rr.name, zone) &&
      chain.some((name) => isSubdomain(name, rr.name)),
  );
  // Addresses are kept only for NS names the response itself lists: a referral's or the child's
  // apex set in the authority section, or the answer to an NS query (root priming).
  const servers = new Set<Name>();
  for (const rr of authority) if (rr.type === RRType.NS) servers.add(rr.data as string);
  for (const rr of answer) if (rr.type === RRType.NS) servers.add(rr.data as string);
  const additional = response.additional.filter(
    (rr) => (rr.type === RRType.A || rr.type === RRType.AAAA) && servers.has(rr.name) && isSubdomain(rr.name, zone),
  );
  // Copied field by field: spreading a message costs more than the rest of the scrub.
  const scrubbed: Message = {
    id: response.id,
    qr: response.qr,
    opcode: response.opcode,
    aa: response.aa,
    tc: response.tc,
    rd: response.rd,
    ra: response.ra,
    ad: response.ad,
    cd: response.cd,
    rcode: response.rcode,
    question: response.question,
    answer,
    authority,
    additional,
  };
  if ('edns' in response) scrubbed.edns = response.edns!;
  return scrubbed;
}
