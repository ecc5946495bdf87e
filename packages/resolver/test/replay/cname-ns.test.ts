/**
 * Name servers whose names are CNAMEs (RFC 1912 §2.4, RFC 2181 §10.3: an NS record must not
 * point at an alias). example.com is delegated to names under alias.net with no glue, so the
 * resolver must look them up, and each lookup meets an alias:
 *
 *   root        10.0.0.1  a.root-servers.net
 *   com, net    10.0.0.2  a.gtld-servers.net
 *   alias.net   10.3.0.1  ns.alias.net      ns1.alias.net  CNAME srv1.alias.net.   (same zone: one answer)
 *                                           ns2.alias.net  CNAME ns1.realprov.net. (another zone)
 *                                           srv1.alias.net A 10.4.0.1
 *   realprov    10.4.0.1  ns1.realprov.net  serves realprov.net and example.com (www → 192.0.2.1)
 *
 * Unbound follows the alias to the server's address; BIND skips the server, so a zone whose every
 * NS name is an alias is a lame delegation and the client gets SERVFAIL.
 */
import { describe, expect, it } from 'vitest';
import { Rcode, RRType } from '../../src/constants.ts';
import { Recursor } from '../../src/iterator/recursor.ts';
import { getProfile } from '../../src/profiles.ts';
import { Replay, serve, summary, type Handler } from './harness.ts';
import { rootHints, seeded } from './world.ts';

const WWW = '192.0.2.1';
const ALIAS_SERVER = '10.3.0.1';
const REAL_SERVER = '10.4.0.1';

const rootZone = `
. 86400 SOA a.root-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400
. 518400 NS a.root-servers.net.
com. 172800 NS a.gtld-servers.net.
net. 172800 NS a.gtld-servers.net.
a.root-servers.net. 518400 A 10.0.0.1
a.gtld-servers.net. 172800 A 10.0.0.2
`;

function comZone(nsNames: readonly string[]): string {
  return `
com. 900 SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 900
com. 172800 NS a.gtld-servers.net.
${nsNames.map((ns) => `example.com. 3600 NS ${ns}`).join('\n')}
`;
}

const netZone = `
net. 900 SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 900
net. 172800 NS a.gtld-servers.net.
a.gtld-servers.net. 172800 A 10.0.0.2
alias.net. 172800 NS ns.alias.net.
ns.alias.net. 172800 A ${ALIAS_SERVER}
realprov.net. 172800 NS ns1.realprov.net.
ns1.realprov.net. 172800 A ${REAL_SERVER}
`;

const aliasZone = `
alias.net. 900 SOA ns.alias.net. hostmaster.alias.net. 1 7200 900 1209600 900
alias.net. 172800 NS ns.alias.net.
ns.alias.net. 172800 A ${ALIAS_SERVER}
ns1.alias.net. 3600 CNAME srv1.alias.net.
ns2.alias.net. 3600 CNAME ns1.realprov.net.
srv1.alias.net. 3600 A ${REAL_SERVER}
`;

const realprovZone = `
realprov.net. 900 SOA ns1.realprov.net. hostmaster.realprov.net. 1 7200 900 1209600 900
realprov.net. 172800 NS ns1.realprov.net.
ns1.realprov.net. 172800 A ${REAL_SERVER}
`;

function exampleZone(nsNames: readonly string[]): string {
  return `
example.com. 900 SOA ns1.realprov.net. hostmaster.realprov.net. 1 7200 900 1209600 30
${nsNames.map((ns) => `example.com. 3600 NS ${ns}`).join('\n')}
www.example.com. 300 A ${WWW}
`;
}

/** The world above with example.com delegated to `nsNames`, and a resolver of `profile`. */
function world(profile: string, nsNames: readonly string[]): Replay {
  const servers = new Map<string, Handler>([
    ['10.0.0.1', serve([rootZone])],
    ['10.0.0.2', serve([comZone(nsNames), netZone])],
    [ALIAS_SERVER, serve([aliasZone])],
    [REAL_SERVER, serve([realprovZone, exampleZone(nsNames)])],
  ]);
  return new Replay(new Recursor({ rootHints, profile: getProfile(profile), random: seeded(1) }), servers);
}

/** The queries a resolution sent, as "server name type". */
function steps(asked: readonly { server: string; name: string; type: number }[]): string[] {
  return asked.map((q) => `${q.server} ${q.name} ${q.type}`);
}

describe('the control: an NS name that is not an alias', () => {
  it.each(['unbound', 'bind'])('%s looks the glueless name up and resolves through it', (profile) => {
    const out = world(profile, ['srv1.alias.net.']).ask('www.example.com');
    expect(summary(out.response)).toBe(`NOERROR ${WWW}`);
    expect(out.asked.at(-1)).toMatchObject({ server: REAL_SERVER, name: 'www.example.com.' });
  });
});

describe('an NS name that is a CNAME, answered with its target in one response', () => {
  it('unbound takes the target\u2019s address from that answer and goes straight to the server', () => {
    const out = world('unbound', ['ns1.alias.net.']).ask('www.example.com');
    expect(summary(out.response)).toBe(`NOERROR ${WWW}`);
    // One lookup, then example.com's server: no second lookup, no going back to com for the delegation.
    expect(steps(out.asked).slice(-2)).toEqual([`${ALIAS_SERVER} ns1.alias.net. ${RRType.A}`, `${REAL_SERVER} www.example.com. ${RRType.A}`]);
    expect(out.asked.filter((q) => q.name === 'example.com.')).toHaveLength(1);
  });

  it('bind skips the server: a lame delegation, SERVFAIL, example.com never asked', () => {
    const out = world('bind', ['ns1.alias.net.']).ask('www.example.com');
    expect(out.response.rcode).toBe(Rcode.SERVFAIL);
    expect(steps(out.asked)).toContain(`${ALIAS_SERVER} ns1.alias.net. ${RRType.A}`);
    expect(out.asked.some((q) => q.server === REAL_SERVER)).toBe(false);
  });
});

describe('an NS name that is a CNAME into another zone', () => {
  it('unbound asks the target zone for the address and resolves', () => {
    const out = world('unbound', ['ns2.alias.net.']).ask('www.example.com');
    expect(summary(out.response)).toBe(`NOERROR ${WWW}`);
    const s = steps(out.asked);
    expect(s.indexOf(`${REAL_SERVER} ns1.realprov.net. ${RRType.A}`)).toBeGreaterThan(s.indexOf(`${ALIAS_SERVER} ns2.alias.net. ${RRType.A}`));
    expect(out.asked.at(-1)).toMatchObject({ server: REAL_SERVER, name: 'www.example.com.' });
  });

  it('bind stops at the alias: SERVFAIL without chasing its target', () => {
    const out = world('bind', ['ns2.alias.net.']).ask('www.example.com');
    expect(out.response.rcode).toBe(Rcode.SERVFAIL);
    expect(steps(out.asked)).toContain(`${ALIAS_SERVER} ns2.alias.net. ${RRType.A}`);
    expect(out.asked.some((q) => q.server === REAL_SERVER)).toBe(false);
  });
});

describe('an NS name whose alias is already in the cache', () => {
  /** A client first asks for the NS name itself, which caches the CNAME and its target's address. */
  function aliasCached(profile: string): Replay {
    const replay = world(profile, ['ns1.alias.net.']);
    const first = replay.ask('ns1.alias.net');
    expect(first.response.answer.map((rr) => `${rr.name} ${rr.type} ${rr.data}`)).toEqual([
      `ns1.alias.net. ${RRType.CNAME} srv1.alias.net.`,
      `srv1.alias.net. ${RRType.A} ${REAL_SERVER}`,
    ]);
    replay.advanceTo(10);
    return replay;
  }

  it('unbound takes the address from the cache and resolves without looking the name up', () => {
    const out = aliasCached('unbound').ask('www.example.com');
    expect(summary(out.response)).toBe(`NOERROR ${WWW}`);
    expect(out.asked.some((q) => q.name === 'ns1.alias.net.' || q.name === 'srv1.alias.net.')).toBe(false);
    expect(out.asked.at(-1)).toMatchObject({ server: REAL_SERVER, name: 'www.example.com.' });
  });

  it('bind skips the server just the same: SERVFAIL, example.com never asked', () => {
    const out = aliasCached('bind').ask('www.example.com');
    expect(out.response.rcode).toBe(Rcode.SERVFAIL);
    expect(out.asked.some((q) => q.name === 'ns1.alias.net.' || q.name === 'srv1.alias.net.')).toBe(false);
    expect(out.asked.some((q) => q.server === REAL_SERVER)).toBe(false);
  });
});
