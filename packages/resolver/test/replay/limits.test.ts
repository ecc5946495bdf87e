/** Servers that would keep a resolver busy forever: every resolution still ends, with SERVFAIL. */
import { describe, expect, it } from 'vitest';
import { Rcode, RRClass, RRType } from '../../src/constants.ts';
import { Recursor } from '../../src/iterator/recursor.ts';
import { canonicalName, labelCount, splitLabels } from '../../src/name.ts';
import { makeResponse, type Message } from '../../src/message.ts';
import { getProfile } from '../../src/profiles.ts';
import type { RR } from '../../src/record.ts';
import { records, Replay, serve, summary, type Handler } from './harness.ts';
import { lab, seeded } from './world.ts';

const noMinimising = { ...getProfile('unbound'), qnameMinimisation: false };

function rr(name: string, type: number, data: string, ttl = 3600): RR {
  return { name, type, class: RRClass.IN, ttl, data };
}

/**
 * A server that refers every question one label deeper than the last: root → `l40…`, then
 * the 2-label ancestor, the 3-label one, and so on, each with glue pointing back at itself.
 */
function deeperAndDeeper(address: string): Handler {
  let depth = 0;
  return (query: Message) => {
    const response = makeResponse(query);
    const qname = canonicalName(query.question[0]!.name);
    if (qname === '.') {
      response.aa = true;
      response.answer = [rr('.', RRType.NS, 'ns.root.')];
      response.additional = [rr('ns.root.', RRType.A, address)];
      return response;
    }
    depth = Math.min(depth + 1, labelCount(qname) - 1);
    const labels = splitLabels(qname);
    const zone = labels.slice(labels.length - depth).join('.') + '.';
    response.authority = [rr(zone, RRType.NS, `ns.${zone}`)];
    response.additional = [rr(`ns.${zone}`, RRType.A, address)];
    return response;
  };
}

describe('limits', () => {
  it('a chain of more than 30 referrals stops with SERVFAIL', () => {
    const recursor = new Recursor({ rootHints: records('. 3600 NS ns.root.\nns.root. 3600 A 10.9.0.1'), profile: noMinimising, random: seeded(3) });
    const replay = new Replay(recursor, new Map([['10.9.0.1', deeperAndDeeper('10.9.0.1')]]));
    const deep = Array.from({ length: 40 }, (_, i) => `l${i}`).join('.') + '.';
    const out = replay.ask(deep);
    expect(out.response.rcode).toBe(Rcode.SERVFAIL);
    const referrals = out.resolution.trace.filter((s) => s.outcome === 'referral').length;
    expect(referrals).toBe(31);
  });

  it('a server referring to its own zone (or upward) is lame: the resolution ends with SERVFAIL', () => {
    const { replay } = lab({ profile: getProfile('bind') });
    // The old servers still answer for their own names but refer example.com back to itself.
    const looping: Handler = (query) => {
      const r = makeResponse(query);
      const name = canonicalName(query.question[0]!.name);
      if (name.endsWith('oldprov.net.')) {
        r.aa = true;
        r.answer = [rr(name, RRType.A, name.startsWith('ns1') ? '10.1.0.1' : '10.1.0.2')];
      } else r.authority = [rr('example.com.', RRType.NS, 'ns1.oldprov.net.')];
      return r;
    };
    replay.setServer('10.1.0.1', looping);
    replay.setServer('10.1.0.2', looping);
    const out = replay.ask('www.example.com');
    expect(out.response.rcode).toBe(Rcode.SERVFAIL);
    const lame = out.resolution.trace.filter((s) => s.outcome === 'lame');
    expect(lame.map((s) => s.detail)).toEqual(['referral upward or sideways', 'referral upward or sideways']);
    expect(out.asked.length).toBeLessThan(20);
  });

  it('a CNAME loop inside one zone stops', () => {
    const { replay } = lab({ profile: getProfile('unbound'), oldExtra: 'a.example.com. 60 CNAME b.example.com.\nb.example.com. 60 CNAME a.example.com.' });
    const out = replay.ask('a.example.com');
    expect(summary(out.response)).toBe('SERVFAIL');
    expect(out.asked.length).toBeLessThan(20);
  });

  it('a CNAME loop across two zones stops', () => {
    const { replay } = lab({ profile: getProfile('unbound'), oldExtra: 'a.example.com. 60 CNAME web.newprov.net.' });
    // The new provider's web.newprov.net points back at a.example.com.
    const pointingBack: Handler = (query) => {
      const r = makeResponse(query);
      const name = canonicalName(query.question[0]!.name);
      r.aa = true;
      if (name === 'web.newprov.net.') r.answer = [rr(name, RRType.CNAME, 'a.example.com.', 60)];
      else if (name === 'ns1.newprov.net.') r.answer = [rr(name, RRType.A, '10.2.0.1')];
      else if (name === 'ns2.newprov.net.') r.answer = [rr(name, RRType.A, '10.2.0.2')];
      else r.rcode = Rcode.REFUSED;
      return r;
    };
    replay.setServer('10.2.0.1', pointingBack);
    replay.setServer('10.2.0.2', pointingBack);
    const out = replay.ask('a.example.com');
    expect(out.response.rcode).toBe(Rcode.SERVFAIL);
    expect(out.asked.length).toBeLessThan(40);
  });

  it('name servers whose names need each other (a glueless cycle) end in SERVFAIL', () => {
    const { replay } = lab({ profile: getProfile('unbound') });
    const com = `
com. 900 SOA a.gtld-servers.net. h.verisign-grs.com. 1 1800 900 604800 900
com. 172800 NS a.gtld-servers.net.
x.com. 60 NS ns.y.net.
`;
    const net = `
net. 900 SOA a.gtld-servers.net. h.verisign-grs.com. 1 1800 900 604800 900
net. 172800 NS a.gtld-servers.net.
a.gtld-servers.net. 172800 A 10.0.0.2
y.net. 60 NS ns.x.com.
`;
    replay.setServer('10.0.0.2', serve([com, net]));
    const out = replay.ask('www.x.com');
    expect(out.response.rcode).toBe(Rcode.SERVFAIL);
    expect(out.asked.length).toBeLessThan(30);
  });

  it('the total number of queries per resolution is bounded', () => {
    const recursor = new Recursor({
      rootHints: records('. 3600 NS ns.root.\nns.root. 3600 A 10.9.0.1'),
      profile: noMinimising,
      random: seeded(3),
      limits: { maxQueries: 10 },
    });
    const replay = new Replay(recursor, new Map([['10.9.0.1', deeperAndDeeper('10.9.0.1')]]));
    const out = replay.ask(Array.from({ length: 40 }, (_, i) => `l${i}`).join('.') + '.');
    expect(out.response.rcode).toBe(Rcode.SERVFAIL);
    expect(out.asked).toHaveLength(10);
  });
});
