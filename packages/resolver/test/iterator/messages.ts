import { makeQuery, makeResponse, type Message } from '../../src/message.ts';
import { parseZoneFile } from '../../src/zonefile/parse.ts';
import type { RR } from '../../src/record.ts';

export function rrs(text: string): RR[] {
  return parseZoneFile(text, { defaultTtl: 300 });
}

/** A response to (name, type) with the given sections written as master-file text. */
export function response(
  name: string,
  type: number,
  sections: { aa?: boolean; rcode?: number; answer?: string; authority?: string; additional?: string },
): Message {
  const r = makeResponse(makeQuery(1, name, type), sections.rcode ?? 0);
  r.aa = sections.aa ?? false;
  r.answer = sections.answer ? rrs(sections.answer) : [];
  r.authority = sections.authority ? rrs(sections.authority) : [];
  r.additional = sections.additional ? rrs(sections.additional) : [];
  return r;
}
