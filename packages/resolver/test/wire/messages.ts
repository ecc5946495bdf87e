import { makeQuery, makeResponse, type Message } from '../../src/message.ts';
import type { RR } from '../../src/record.ts';

/** A response to a query for `name`/`type` holding the given sections. */
export function responseWith(sections: { answer?: RR[]; authority?: RR[]; additional?: RR[] }, extra: Partial<Message> = {}): Message {
  const response = makeResponse(makeQuery(0xbeef, 'example.com.', 1, { rd: true }));
  return {
    ...response,
    aa: true,
    answer: sections.answer ?? [],
    authority: sections.authority ?? [],
    additional: sections.additional ?? [],
    ...extra,
  };
}

export function rr(name: string, type: number, data: RR['data'], ttl = 300, cls = 1): RR {
  return { name, type, class: cls, ttl, data };
}

export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

/** Deep-freezes a value, so a test can prove that a function does not write into its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
