import { describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { Recursor } from '../../src/iterator/recursor.ts';
import { makeQuery, type Message } from '../../src/message.ts';
import { getProfile } from '../../src/profiles.ts';
import { rootHints, seeded } from '../replay/world.ts';

describe('Recursor', () => {
  it('starts by priming: its first query is ". NS" to a root server from the hints', () => {
    const r = new Recursor({ rootHints, profile: getProfile('unbound'), random: seeded(1) });
    const actions = r.resolve(makeQuery(7, 'www.example.com', RRType.A, { rd: true }), 0).start(0);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'send', to: '10.0.0.1', query: { rd: false, question: [{ name: '.', type: RRType.NS }] } });
  });

  it('answers what it cannot resolve with a typed rcode at once', () => {
    const r = new Recursor({ rootHints, profile: getProfile('unbound'), random: seeded(1) });
    const notimp = { ...makeQuery(1, 'a.example', RRType.A), opcode: 5 };
    const chaos = makeQuery(2, 'version.bind', 16);
    chaos.question[0]!.class = 3;
    const cases: [Message, number][] = [
      [notimp, Rcode.NOTIMP],
      [chaos, Rcode.REFUSED],
      [{ ...makeQuery(3, 'a.example', RRType.A), question: [] }, Rcode.FORMERR],
    ];
    for (const [q, rcode] of cases) {
      const res = r.resolve(q, 0);
      const [action] = res.start(0);
      expect(action).toMatchObject({ kind: 'answer', response: { rcode, ra: true } });
      expect(res.done).toBe(true);
    }
  });

  it('has nothing to answer from an empty cache', () => {
    const r = new Recursor({ rootHints, profile: getProfile('bind'), random: seeded(1) });
    expect(r.answerFromCache(makeQuery(1, 'www.example.com', RRType.A), 0)).toBeUndefined();
    expect(r.lookupCached('www.example.com.', RRType.A, 0)).toBeUndefined();
  });

  it('ignores events for queries it did not send', () => {
    const r = new Recursor({ rootHints, profile: getProfile('unbound'), random: seeded(1) });
    const res = r.resolve(makeQuery(1, 'www.example.com', RRType.A), 0);
    res.start(0);
    expect(res.handle({ kind: 'timeout', ref: 999 }, 1)).toEqual([]);
    expect(res.done).toBe(false);
  });
});
