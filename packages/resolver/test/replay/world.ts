/**
 * The lab hierarchy most replay tests run in: a root, one server for com and net, and two
 * providers that can serve example.com (the old one, then the new one after the registrar's
 * change reaches com). Every TTL is scaled down to seconds, as in lab-notes.md's experiments.
 *
 *   root        10.0.0.1  a.root-servers.net
 *   com, net    10.0.0.2  a.gtld-servers.net
 *   old         10.1.0.1  ns1.oldprov.net   10.1.0.2 ns2.oldprov.net   www → 192.0.2.1
 *   new         10.2.0.1  ns1.newprov.net   10.2.0.2 ns2.newprov.net   www → 192.0.2.2
 *
 * example.com's servers are named under net, so com's referral carries no usable glue: every
 * first resolution goes through a glueless NS lookup.
 */
import type { AuthorityOptions } from '../../src/authority.ts';
import { Recursor } from '../../src/iterator/recursor.ts';
import type { Profile } from '../../src/profiles.ts';
import { overTime, records, Replay, serve, type Handler } from './harness.ts';

export const OLD = '192.0.2.1';
export const NEW = '192.0.2.2';
export const OLD_SERVERS = ['10.1.0.1', '10.1.0.2'];
export const NEW_SERVERS = ['10.2.0.1', '10.2.0.2'];
export const COM_SERVER = '10.0.0.2';
export const ROOT_SERVER = '10.0.0.1';

export interface LabOptions {
  profile: Profile;
  /** TTL of example.com's NS set in com (the parent side). */
  parentTtl?: number;
  /** TTL of example.com's apex NS set at the providers (the child side). */
  childTtl?: number;
  wwwTtl?: number;
  /** SOA minimum (and TTL bound) of example.com: the negative TTL. */
  negativeTtl?: number;
  /** When com starts referring example.com to the new provider; never by default. */
  changeAt?: number;
  apexNsInAuthority?: boolean;
  /** Whether the providers return server cookies (BIND, NSD, Knot do; default true). */
  cookies?: boolean;
  /** Replaces the old provider's servers from given times (REFUSED, silence, …). */
  oldProviderAfter?: { from: number; handler: Handler }[];
  /** Extra records for the old and new example.com zones. */
  oldExtra?: string;
  newExtra?: string;
  seed?: number;
}

export const rootHints = records(`
. 518400 NS a.root-servers.net.
a.root-servers.net. 518400 A 10.0.0.1
`);

/** A small deterministic generator (mulberry32) for `Recursor.random`. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The lab's root zone, shared with the simulation's test lab so both build the same hierarchy. */
export const rootZone = `
. 86400 SOA a.root-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400
. 518400 NS a.root-servers.net.
com. 172800 NS a.gtld-servers.net.
net. 172800 NS a.gtld-servers.net.
a.root-servers.net. 518400 A 10.0.0.1
a.gtld-servers.net. 172800 A 10.0.0.2
`;

/** The com zone delegating example.com to `provider` with the parent's TTL. */
export function comZone(parentTtl: number, provider: 'oldprov' | 'newprov'): string {
  return `
com. 900 SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 900
com. 172800 NS a.gtld-servers.net.
example.com. ${parentTtl} NS ns1.${provider}.net.
example.com. ${parentTtl} NS ns2.${provider}.net.
`;
}

/** The net zone holding both providers' server names and the registry's own. */
export const netZone = `
net. 900 SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 900
net. 172800 NS a.gtld-servers.net.
a.gtld-servers.net. 172800 A 10.0.0.2
a.root-servers.net. 518400 A 10.0.0.1
oldprov.net. 172800 NS ns1.oldprov.net.
oldprov.net. 172800 NS ns2.oldprov.net.
ns1.oldprov.net. 172800 A 10.1.0.1
ns2.oldprov.net. 172800 A 10.1.0.2
newprov.net. 172800 NS ns1.newprov.net.
newprov.net. 172800 NS ns2.newprov.net.
ns1.newprov.net. 172800 A 10.2.0.1
ns2.newprov.net. 172800 A 10.2.0.2
`;

function providerZone(provider: 'oldprov' | 'newprov', first: string): string {
  return `
${provider}.net. 900 SOA ns1.${provider}.net. hostmaster.${provider}.net. 1 7200 900 1209600 900
${provider}.net. 172800 NS ns1.${provider}.net.
${provider}.net. 172800 NS ns2.${provider}.net.
ns1.${provider}.net. 172800 A ${first}.1
ns2.${provider}.net. 172800 A ${first}.2
web.${provider}.net. 300 A ${first}.80
`;
}

function exampleZone(provider: 'oldprov' | 'newprov', o: Required<Pick<LabOptions, 'childTtl' | 'wwwTtl' | 'negativeTtl'>>, www: string, extra: string): string {
  return `
example.com. 900 SOA ns1.${provider}.net. hostmaster.${provider}.net. 1 7200 900 1209600 ${o.negativeTtl}
example.com. ${o.childTtl} NS ns1.${provider}.net.
example.com. ${o.childTtl} NS ns2.${provider}.net.
www.example.com. ${o.wwwTtl} A ${www}
${extra}
`;
}

function authorityOptions(opts: LabOptions): AuthorityOptions {
  return {
    ...(opts.apexNsInAuthority === undefined ? {} : { apexNsInAuthority: opts.apexNsInAuthority }),
    ...(opts.cookies === false ? { cookies: false as const } : {}),
  };
}

/**
 * One provider's servers: its own zone (oldprov.net or newprov.net) and its copy of example.com,
 * whose www address is the provider's unless `wwwAddress` says otherwise.
 */
export function providerServer(opts: LabOptions, provider: 'oldprov' | 'newprov', extra = '', wwwAddress?: string): Handler {
  const parentTtl = opts.parentTtl ?? 60;
  const o = { childTtl: opts.childTtl ?? parentTtl, wwwTtl: opts.wwwTtl ?? 2, negativeTtl: opts.negativeTtl ?? 30 };
  const www = wwwAddress ?? (provider === 'oldprov' ? OLD : NEW);
  const first = provider === 'oldprov' ? '10.1.0' : '10.2.0';
  return serve([providerZone(provider, first), exampleZone(provider, o, www, extra)], authorityOptions(opts));
}

export interface Lab {
  replay: Replay;
  recursor: Recursor;
}

export function lab(opts: LabOptions): Lab {
  const parentTtl = opts.parentTtl ?? 60;
  const authOpts = authorityOptions(opts);
  const servers = new Map<string, Handler>();
  servers.set(ROOT_SERVER, serve([rootZone], authOpts));
  const comBefore = serve([comZone(parentTtl, 'oldprov'), netZone], authOpts);
  const comAfter = serve([comZone(parentTtl, 'newprov'), netZone], authOpts);
  servers.set(COM_SERVER, opts.changeAt === undefined ? comBefore : overTime([{ from: 0, handler: comBefore }, { from: opts.changeAt, handler: comAfter }]));
  const oldServes = providerServer(opts, 'oldprov', opts.oldExtra ?? '');
  const newServes = providerServer(opts, 'newprov', opts.newExtra ?? '');
  const oldHandler = overTime([{ from: 0, handler: oldServes }, ...(opts.oldProviderAfter ?? [])]);
  for (const a of OLD_SERVERS) servers.set(a, oldHandler);
  for (const a of NEW_SERVERS) servers.set(a, newServes);
  const recursor = new Recursor({ rootHints, profile: opts.profile, random: seeded(opts.seed ?? 1) });
  return { replay: new Replay(recursor, servers), recursor };
}
