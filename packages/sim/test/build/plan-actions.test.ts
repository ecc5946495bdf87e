/**
 * Each kind of plan action, shown by its effect on what clients get. Every scenario is the test
 * lab's migration (scenarios.ts) with TTL T = 1 h, no registrar or registry delay unless said, so
 * the delegation changes at com at the moment the plan says.
 */
import { describe, expect, it } from 'vitest';
import type { ReplicationOutput } from '../../src/replication.ts';
import { runReplication } from '../../src/build/run-replication.ts';
import { lab, type LabSpec } from './scenarios.ts';

const T = 3600;
const BIN = 300;

function run(spec: Partial<LabSpec> & { plan: string[] }, replication = 0): { out: ReplicationOutput; bin: (t: number) => number } {
  const scenario = lab({ horizon: 6 * T, bin: BIN, parentTtl: T, wwwTtl: 60, mix: ['{ profile: unbound, share: 1 }'], resolvers: 100, clients: 10000, lookupsPerHour: 60, ...spec });
  return { out: runReplication(scenario, replication), bin: (t) => Math.floor(t / BIN) };
}

/** The series of one class for the first watched name. */
function series(out: ReplicationOutput, cls: 'new' | 'old' | 'failed' | 'stale'): number[] {
  return out.byName[0]!.shares[cls];
}

/** Bins whose whole span lies in [from, to). */
function binsWithin(from: number, to: number, bins: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < bins; k++) if (k * BIN >= from && (k + 1) * BIN <= to) out.push(k);
  return out;
}

describe('decommission', () => {
  const plan = (mode: string) => ['{ id: change, at: 1h, delegate: { to: new } }', `{ after: change, from: complete, wait: 60, decommission: { provider: old, mode: ${mode} } }`];

  it('stop: BIND resolvers still holding the old delegation fail until it expires, then are on the new provider', () => {
    const { out } = run({ mix: ['{ profile: bind-9.20, share: 1 }'], plan: plan('stop') });
    const failed = series(out, 'failed');
    const fresh = series(out, 'new');
    for (const k of binsWithin(0, T + 60, failed.length)) expect(failed[k]).toBe(0);
    // Right after the servers stop, most resolvers still hold the old delegation: they fail.
    expect(failed[binsWithin(T + 60, 2 * T, failed.length)[0]!]!).toBeGreaterThan(0.7);
    // Until expiry, every lookup is either answered by the new provider or fails: the old one is gone.
    for (const k of binsWithin(T + 120, 2 * T, failed.length)) expect(fresh[k]! + failed[k]!).toBeGreaterThan(0.999);
    // One T after publication every old delegation has expired (plus the resolvers' timeouts).
    for (const k of binsWithin(2 * T + 120, 6 * T, failed.length)) {
      expect(failed[k]).toBeCloseTo(0, 9);
      expect(fresh[k]).toBeCloseTo(1, 9);
    }
    expect(out.timeline.some((e) => e.lane === 'old provider' && e.label.startsWith('decommission') && e.start === T + 60)).toBe(true);
  });

  it('refuse: the same for BIND, with REFUSED in place of silence', () => {
    const { out } = run({ mix: ['{ profile: bind-9.20, share: 1 }'], plan: plan('refuse') });
    const failed = series(out, 'failed');
    expect(failed[binsWithin(T + 60, 2 * T, failed.length)[0]!]!).toBeGreaterThan(0.7);
    for (const k of binsWithin(2 * T + 120, 6 * T, failed.length)) expect(failed[k]).toBeCloseTo(0, 9);
  });

  it('without the decommission nothing fails: the failures above are its effect', () => {
    const { out } = run({ mix: ['{ profile: bind-9.20, share: 1 }'], plan: ['{ at: 1h, delegate: { to: new } }'] });
    for (const f of series(out, 'failed')) expect(f).toBe(0);
  });
});

describe('set-records at one provider', () => {
  it('a record added at the old provider only is lost for each resolver as it moves to the new one', () => {
    const { out } = run({
      watch: ['shop.example.com'],
      oldExtra: ['soa: { ttl: 60, minimum: 60 }'],
      newProvider: ['    nameservers: [ns1.newprov.net, ns2.newprov.net]', `    nsTtl: ${T}`, '    soa: { ttl: 60, minimum: 60 }', '    zone:', '      records:', '        - "www 60 IN A 192.0.2.2"'],
      plan: ['{ at: 1h, set-records: { provider: old, records: ["shop 60 IN A 192.0.2.50"] } }', '{ at: 3h, delegate: { to: new } }'],
    });
    const failed = series(out, 'failed');
    const old = series(out, 'old');
    // No shop anywhere before 1 h: NXDOMAIN.
    for (const k of binsWithin(0, T, failed.length)) expect(failed[k]).toBe(1);
    // The old provider has it from 1 h (after the 60 s negative TTL): answered from the old data.
    for (const k of binsWithin(T + 300, 3 * T, failed.length)) expect(old[k]).toBeCloseTo(1, 9);
    // The new provider never got it: after the switch, NXDOMAIN again.
    for (const k of binsWithin(4 * T + 300, 6 * T, failed.length)) expect(failed[k]).toBeCloseTo(1, 9);
    expect(out.timeline.some((e) => e.label === 'change records at old only' && e.start === T)).toBe(true);
  });
});

describe('change-address with white-label name servers', () => {
  const newProvider = [
    '    nameservers: [{ name: ns1.newprov.net, address: 198.51.100.1 }, { name: ns2.newprov.net, address: 198.51.100.2 }]',
    `    nsTtl: ${T}`,
    '    zone:',
    '      records:',
    '        - "www 60 IN A 192.0.2.2"',
  ];
  const whiteLabel = '{ at: 1h, delegate: { to: new, nameservers: [{ name: ns1.example.com, address: 198.51.100.1 }, { name: ns2.example.com, address: 198.51.100.2 }] } }';

  it('white-label glue works until the provider moves its servers; then the stale glue fails', () => {
    // Every lookup after the move is a failed resolution with timeouts: few clients keep it quick.
    const { out } = run({
      horizon: 4 * T,
      clients: 1000,
      newProvider,
      plan: [whiteLabel, '{ at: 3h, change-address: { provider: new, server: ns1.newprov.net, address: 198.51.100.11 } }', '{ at: 3h, change-address: { provider: new, server: ns2.newprov.net, address: 198.51.100.12 } }'],
    });
    const failed = series(out, 'failed');
    const fresh = series(out, 'new');
    // (A lookup waiting for a resolution that fails after the move counts as failed from its arrival.)
    for (const k of binsWithin(2 * T + 300, 3 * T - 300, failed.length)) {
      expect(fresh[k]).toBeCloseTo(1, 9);
      expect(failed[k]).toBe(0);
    }
    for (const k of binsWithin(3 * T + 300, 4 * T, failed.length)) expect(failed[k]).toBeGreaterThan(0.99);
  });

  it('without the move the white-label delegation keeps working', () => {
    const { out } = run({ newProvider, plan: [whiteLabel] });
    for (const f of series(out, 'failed')) expect(f).toBe(0);
    expect(series(out, 'new').at(-1)).toBeCloseTo(1, 9);
  });
});

describe('set-ttl', () => {
  const spec = { parentTtl: 172800, childTtl: 172800, horizon: 4 * T };

  it('lowering the old NS TTL to 900 s makes PowerDNS follow the change within 900 s; without it, not within hours', () => {
    const mix = ['{ profile: powerdns, share: 1 }'];
    const lowered = run({ ...spec, mix, plan: ['{ at: 0, set-ttl: { provider: old, ttl: 900 } }', '{ at: 2h, delegate: { to: new } }'] }).out;
    const kept = run({ ...spec, mix, plan: ['{ at: 2h, delegate: { to: new } }'] }).out;
    const after = binsWithin(2 * T + 900 + 120, 4 * T, series(lowered, 'new').length);
    for (const k of after) expect(series(lowered, 'new')[k]).toBeCloseTo(1, 9);
    for (const k of after) expect(series(kept, 'new')[k]).toBeLessThan(0.2);
    expect(lowered.timeline[0]).toEqual({ lane: 'old provider', label: 'NS TTL 900 s', start: 0 });
  });

  it("does nothing for Unbound, whose delegation lives for the parent's TTL", () => {
    const lowered = run({ ...spec, plan: ['{ at: 0, set-ttl: { provider: old, ttl: 900 } }', '{ at: 2h, delegate: { to: new } }'] }).out;
    const kept = run({ ...spec, plan: ['{ at: 2h, delegate: { to: new } }'] }).out;
    const after = binsWithin(2 * T + 900 + 120, 4 * T, series(lowered, 'new').length);
    for (const k of after) expect(series(lowered, 'new')[k]).toBeLessThan(0.2);
    for (const k of after) expect(series(lowered, 'new')[k]).toBeCloseTo(series(kept, 'new')[k]!, 9);
  });
});

describe('create-zone and import-records', () => {
  const newProvider = ['    nameservers: [ns1.newprov.net, ns2.newprov.net]', `    nsTtl: ${T}`];

  it('a hosted zone created empty and filled by importing the old records serves the same names', () => {
    const { out } = run({ newProvider, plan: ['{ id: create, at: 10m, create-zone: { provider: new } }', '{ at: 20m, import-records: { provider: new, from: old } }', '{ at: 1h, delegate: { to: new } }'] });
    for (const f of series(out, 'failed')) expect(f).toBe(0);
    expect(series(out, 'new').at(-1)).toBeCloseTo(1, 9);
  });

  it('without the import the new zone has no www: each resolver fails once it moves', () => {
    const { out } = run({ newProvider, plan: ['{ at: 10m, create-zone: { provider: new } }', '{ at: 1h, delegate: { to: new } }'] });
    const failed = series(out, 'failed');
    for (const k of binsWithin(0, T, failed.length)) expect(failed[k]).toBe(0);
    for (const k of binsWithin(2 * T + 300, 6 * T, failed.length)) expect(failed[k]).toBeCloseTo(1, 9);
  });
});

describe('rollback', () => {
  it('resolvers that moved in the 10 minutes before the rollback come back when the new delegation expires', () => {
    const { out } = run({ plan: ['{ id: change, at: 1h, delegate: { to: new } }', '{ after: change, wait: 10m, rollback: }'] });
    const fresh = series(out, 'new');
    const peak = Math.max(...fresh);
    // About 10/60 of the resolvers had switched; each holds the new delegation for up to T.
    expect(peak).toBeGreaterThan(0.05);
    expect(peak).toBeLessThan(0.35);
    for (const k of binsWithin(T + 600 + T + 120, 6 * T, fresh.length)) expect(fresh[k]).toBe(0);
    expect(out.timeline.filter((e) => e.lane === 'registrar').map((e) => e.label)).toEqual(['change NS to new', 'roll back NS to old']);
  });
});

describe('after … from complete', () => {
  it('waits for Route 53 to be INSYNC: the delegation is changed when the last server has the new TTL', () => {
    const { out } = run({
      horizon: 2 * T,
      newProvider: ['    preset: route53', '    zone:', '      records:', '        - "www 60 IN A 192.0.2.2"'],
      plan: ['{ id: ttl, at: 10m, set-ttl: { provider: new, ttl: 300 } }', '{ after: ttl, from: complete, delegate: { to: new } }'],
    });
    const pending = out.timeline.find((e) => e.label === 'Route 53 PENDING → INSYNC')!;
    expect(pending).toMatchObject({ lane: 'new provider', start: 600 });
    expect(pending.end!).toBeGreaterThan(600);
    expect(pending.end!).toBeLessThanOrEqual(660);
    const change = out.timeline.find((e) => e.lane === 'registrar')!;
    expect(change.start).toBe(pending.end);
    expect(out.changeAt).toBe(pending.end);
  });

  it('changeAt is when the registrar submits, after its delay', () => {
    const { out } = run({ horizon: 2 * T, registrarDelay: 120, publishDelay: 60, plan: ['{ at: 1h, delegate: { to: new } }'] });
    expect(out.changeAt).toBe(T + 120);
    expect(out.timeline.find((e) => e.label === 'registry publishes')!.start).toBe(T + 180);
    expect(out.timeline.find((e) => e.lane === 'resolvers')).toEqual({ lane: 'resolvers', label: `old NS TTL ${T} s`, start: T + 180, end: 2 * T + 180 });
  });
});
