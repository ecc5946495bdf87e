import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RRType } from '@cutover/resolver';
import { describe, expect, it } from 'vitest';
import { RESOLVER_MIXES, STUB_MIXES } from '../../src/scenario/defaults.ts';
import { loadScenario, parseScenario } from '../../src/scenario/load.ts';
import { BASE } from './fixtures.ts';

const ROUTE53_GUIDE = `# The Route 53 migration guide.
name: route53-guide
description: Lower the NS TTL, wait two days, change NS at the registrar.
seed: 7
replications: 4
horizon: 5d
bin: 10m
domain: Example.COM
watch:
  - { name: www.example.com, type: A }
  - { name: example.com, type: MX }
hierarchy:
  root: { nsTtl: 6d }
  tlds:
    com: { negativeTtl: 15m, publishDelay: { exponential: { mean: 150 } } }
    se: {}
registrar: { delay: { uniform: { min: 30s, max: 5m } } }
providers:
  old:
    nameservers: [ns1.oldprovider.net, { name: ns2.oldprovider.net, address: 198.18.0.1 }]
    zone: { file: zones/example.com.zone }
  new:
    preset: route53
    zone: { import: old }
resolvers:
  count: 10000
  mix:
    - { profile: unbound, share: 0.15 }
    - { profile: ttl-floor, floor: { choice: [1h, 6h, 24h] }, share: 0.09 }
    - { profile: public, cap: 6h, share: 0.17 }
    - { profile: forwarder, upstream: public, share: 0.05 }
    - { profile: bind-9.20, share: 0.54 }
  latency: { lognormal: { median: 30ms, p95: 150ms } }
clients:
  count: 1000000
  spread: equal
  lookupsPerHour: 3
  stub:
    - { kind: browser, share: 0.6 }
    - { kind: os, cap: 2h, share: 0.3 }
    - { kind: java, hold: forever, share: 0.1 }
plan:
  - { id: lower-ttl, at: 0, set-ttl: { provider: old, ttl: 900 } }
  - { id: create, at: 1h, create-zone: { provider: new } }
  - { id: change, after: lower-ttl, wait: 48h, delegate: { to: new } }
  - { id: watch-sync, after: change, from: complete, wait: 1h30m, set-records: { provider: new, records: ["www 60 IN A 198.51.100.10"] } }
  - { after: watch-sync, wait: 1d, decommission: { provider: old, mode: refuse } }
  - { at: 4d, change-address: { provider: new, server: ns-0.awsdns-00.com, address: 203.0.113.9 } }
`;

const OLD_ZONE = `$ORIGIN example.com.
@ 3600 IN SOA ns1.oldprovider.net. hostmaster.example.com. 2026112201 7200 900 1209600 3600
@ 86400 IN NS ns1.oldprovider.net.
@ 86400 IN NS ns2.oldprovider.net.
www 300 IN A 192.0.2.10
@ 3600 IN MX 10 mail.example.com.
`;

function readZone(path: string): string {
  if (path === '/s/zones/example.com.zone') return OLD_ZONE;
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
}

describe('a full scenario', () => {
  const scenario = parseScenario(ROUTE53_GUIDE, '/s/route53.yaml', { readFile: readZone });

  it('keeps the top-level settings, with durations in seconds and names canonical', () => {
    expect(scenario).toMatchObject({
      file: '/s/route53.yaml',
      name: 'route53-guide',
      description: 'Lower the NS TTL, wait two days, change NS at the registrar.',
      seed: 7,
      replications: 4,
      horizon: 5 * 86400,
      bin: 600,
      domain: 'example.com.',
      registry: 'com.',
    });
    expect(scenario.watch.map((w) => [w.name, w.type])).toEqual([
      ['www.example.com.', RRType.A],
      ['example.com.', RRType.MX],
    ]);
  });

  it('merges the hierarchy with the defaults of facts.md', () => {
    expect(scenario.hierarchy.root).toEqual({ nsTtl: 518400, delegationTtl: 172800, negativeTtl: 86400 });
    const com = scenario.hierarchy.registries.find((r) => r.zone === 'com.');
    expect(com).toEqual({ zone: 'com.', delegationTtl: 172800, negativeTtl: 900, publishDelay: { exponential: { mean: 150 } } });
    expect(scenario.hierarchy.registries.map((r) => r.zone).sort()).toEqual(['co.uk.', 'com.', 'net.', 'org.', 'se.']);
  });

  it('takes the old provider\'s SOA and NS TTL from its zone file and keeps only the other records', () => {
    const old = scenario.providers[0]!;
    expect(old.name).toBe('old');
    expect(old.nsTtl).toBe(86400);
    expect(old.soa).toEqual({
      ttl: 3600,
      mname: 'ns1.oldprovider.net.',
      rname: 'hostmaster.example.com.',
      serial: 2026112201,
      refresh: 7200,
      retry: 900,
      expire: 1209600,
      minimum: 3600,
    });
    expect(old.zone).toMatchObject({ kind: 'records', file: '/s/zones/example.com.zone' });
    const records = old.zone?.kind === 'records' ? old.zone.records : [];
    expect(records.map((rr) => `${rr.name} ${rr.type}`)).toEqual(['www.example.com. 1', 'example.com. 15']);
  });

  it('assigns addresses that no server was given, skipping those in use', () => {
    const addresses = scenario.providers.flatMap((p) => p.nameservers.map((s) => s.address));
    expect(addresses).toEqual(['198.18.0.2', '198.18.0.1', '198.18.0.3', '198.18.0.4', '198.18.0.5', '198.18.0.6']);
  });

  it('fills the route53 preset from facts.md', () => {
    const route53 = scenario.providers[1]!;
    expect(route53.nameservers.map((s) => s.name)).toEqual(['ns-0.awsdns-00.com.', 'ns-512.awsdns-00.net.', 'ns-1024.awsdns-00.org.', 'ns-1536.awsdns-00.co.uk.']);
    expect(route53.nsTtl).toBe(172800);
    expect(route53.soa).toEqual({
      ttl: 900,
      mname: 'ns-0.awsdns-00.com.',
      rname: 'awsdns-hostmaster.amazon.com.',
      serial: 1,
      refresh: 7200,
      retry: 900,
      expire: 1209600,
      minimum: 86400,
    });
    expect(route53.propagation).toEqual({ uniform: { min: 0, max: 60 } });
    expect(route53.zone).toEqual({ kind: 'import', from: 'old' });
  });

  it('starts delegated to the first provider', () => {
    expect(scenario.delegation).toEqual({
      to: 'old',
      whiteLabel: false,
      nameservers: [
        { name: 'ns1.oldprovider.net.', address: '198.18.0.2' },
        { name: 'ns2.oldprovider.net.', address: '198.18.0.1' },
      ],
    });
  });

  it('normalises the resolver mix', () => {
    const { mix, latency, count } = scenario.resolvers;
    expect(count).toBe(10000);
    expect(mix.map((m) => [m.label, m.role, m.profile, m.shards])).toEqual([
      ['unbound', 'recursive', 'unbound', 1],
      ['ttl-floor (floor 1h|6h|1d)', 'recursive', 'ttl-floor', 1],
      ['public (cap 6h)', 'recursive', 'public', 8],
      ['forwarder', 'forwarder', 'unbound', 1],
      ['bind-9.20', 'recursive', 'bind-9.20', 1],
    ]);
    expect(mix[1]!.floor).toEqual({ choice: [3600, 21600, 86400] });
    expect(mix[2]!.cap).toEqual({ constant: 21600 });
    expect(mix[3]!.upstream).toEqual(['public (cap 6h)']);
    // Lognormal with median m and 95th percentile q: mu = ln m, sigma = ln(q/m) / z0.95.
    expect('lognormal' in latency && latency.lognormal.mu).toBeCloseTo(Math.log(0.03), 12);
    expect('lognormal' in latency && latency.lognormal.sigma).toBeCloseTo(Math.log(5) / 1.6448536269514722, 12);
  });

  it('normalises clients and gives MX lookups no stub cache', () => {
    expect(scenario.clients).toEqual({
      count: 1000000,
      spread: { kind: 'equal' },
      lookupsPerHour: 3,
      stub: [
        { kind: 'browser', share: 0.6, hold: 60 },
        { kind: 'os', share: 0.3, cap: { constant: 7200 } },
        { kind: 'java', share: 0.1, hold: null },
      ],
    });
    expect(scenario.watch[0]!.stub).toEqual(scenario.clients.stub);
    expect(scenario.watch[1]!.stub).toEqual([{ kind: 'none', share: 1 }]);
  });

  it('resolves relative times that do not wait on random delays', () => {
    expect(scenario.plan.map((a) => [a.id, a.kind, a.at])).toEqual([
      ['lower-ttl', 'set-ttl', 0],
      ['create', 'create-zone', 3600],
      ['change', 'delegate', 172800],
      ['watch-sync', 'set-records', null],
      ['step-5', 'decommission', null],
      ['step-6', 'change-address', 4 * 86400],
    ]);
    expect(scenario.plan[0]).toMatchObject({ provider: 'old', name: 'example.com.', type: RRType.NS, ttl: 900 });
    expect(scenario.plan[3]!.after).toEqual({ id: 'change', wait: 5400, from: 'complete' });
    expect(scenario.plan[4]).toMatchObject({ after: { id: 'watch-sync', wait: 86400, from: 'taken' }, mode: 'refuse' });
    expect(scenario.plan[2]).toMatchObject({ kind: 'delegate', to: 'new', whiteLabel: false });
  });
});

describe('defaults', () => {
  const scenario = parseScenario(BASE, 'scenarios/base.yaml');

  it('reads the description from the comment at the top', () => {
    expect(scenario.description).toBe('Lower the NS TTL at the old provider, wait out the old TTL, then delegate to Route 53.');
  });

  it('reads the top comment also when a blank line separates it from the first key', () => {
    const text = BASE.replace('# then delegate to Route 53.\n', '# then delegate to Route 53.\n\n');
    expect(parseScenario(text, 'x.yaml').description).toBe('Lower the NS TTL at the old provider, wait out the old TTL, then delegate to Route 53.');
  });

  it('leaves an editor directive out of the description', () => {
    const text = `# yaml-language-server: $schema=../scenarios/schema.json\n${BASE}`;
    expect(parseScenario(text, 'x.yaml').description).toBe('Lower the NS TTL at the old provider, wait out the old TTL, then delegate to Route 53.');
  });

  it('accepts the example in the format reference', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../src/scenario/README.md'), 'utf8');
    const example = /```yaml\n(# What this scenario teaches[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const scenario = parseScenario(example!, 'scenarios/guide.yaml', { readFile: () => OLD_ZONE });
    expect(scenario.description).toBe('What this scenario teaches, in a sentence or two: it becomes the description.');
    expect(scenario.plan.map((a) => a.at)).toEqual([0, 172800, 345600]);
  });

  it('fills every top-level default', () => {
    expect(scenario).toMatchObject({ seed: 1, replications: 8 });
    expect(scenario.registrar.delay).toEqual({ uniform: { min: 30, max: 300 } });
    expect(scenario.clients.spread).toEqual({ kind: 'zipf', s: 1 });
    expect(scenario.clients.lookupsPerHour).toBe(2);
  });

  it('takes the name from the file when none is given', () => {
    const text = BASE.replace('name: test\n', '');
    expect(parseScenario(text, 'scenarios/decommission-early.yaml').name).toBe('decommission-early');
  });

  it('has named resolver mixes whose shares add up to 1, the default being facts.md\'s table', () => {
    for (const [name, mix] of Object.entries(RESOLVER_MIXES)) {
      expect(mix.reduce((sum, entry) => sum + entry.share, 0), name).toBeCloseTo(1, 9);
    }
    const text = BASE.replace(/ {2}mix:\n(?: {4}- .*\n)+/, '  mix: default\n');
    const { mix, mixName } = parseScenario(text, 'x.yaml').resolvers;
    expect(mixName).toBe('default');
    expect(mix.map((m) => [m.label, m.share])).toEqual([
      ['bind-9.20', 0.27],
      ['unbound', 0.15],
      ['powerdns', 0.08],
      ['parent-centric', 0.1],
      ['ttl-floor', 0.09],
      ['public (cap 6h)', 0.17],
      ['public (no cap)', 0.1],
      ['public (cap 12h)', 0.04],
    ]);
    const floor24 = parseScenario(text.replace('mix: default', 'mix: isp-floor-24h'), 'x.yaml').resolvers.mix;
    expect(floor24.find((m) => m.profile === 'ttl-floor')?.floor).toEqual({ constant: 86400 });
  });

  it('has the stub mix of facts.md', () => {
    expect(STUB_MIXES.default!.map((layer) => [layer.kind, layer.share])).toEqual([
      ['browser', 0.6],
      ['os', 0.3],
      ['none', 0.1],
    ]);
  });

  it('accepts white-label name servers with glue', () => {
    const text = BASE.replace(
      'delegate: { to: new }',
      'delegate: { to: new, nameservers: [{ name: ns1.example.com, address: 203.0.113.1 }, ns2.example.net] }',
    );
    const delegate = parseScenario(text, 'x.yaml').plan[1]!;
    expect(delegate).toMatchObject({
      kind: 'delegate',
      whiteLabel: true,
      nameservers: [
        { name: 'ns1.example.com.', address: '203.0.113.1' },
        { name: 'ns2.example.net.', address: null },
      ],
    });
  });
});

describe('loadScenario', () => {
  it('reads the file and zone files relative to it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cutover-scenario-'));
    await writeFile(join(dir, 'old.zone'), OLD_ZONE);
    await writeFile(join(dir, 's.yaml'), BASE.replace(/ {4}zone:\n {6}records:\n(?: {8}- .*\n)+/, '    zone: { file: old.zone }\n'));
    const scenario = await loadScenario(join(dir, 's.yaml'));
    expect(scenario.providers[0]!.zone).toMatchObject({ kind: 'records', file: join(dir, 'old.zone') });
  });
});
