/**
 * The scenarios shipped in scenarios/: each loads, says what it teaches, and sets up the situation
 * its comment describes. Expected figures are written out from shared/facts.md rather than read
 * from defaults.ts, so a default drifting away from its source fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RRType, type RR } from '@cutover/resolver';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import type { PlannedAction, Provider, Scenario } from '../../src/scenario/types.ts';

const SCENARIOS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../scenarios');

const HOUR = 3600;
const DAY = 86400;
/** facts.md, Hierarchy and registry: .com/.net delegation NS and glue TTL. */
const COM_DELEGATION_TTL = 172800;
/** facts.md, Amazon Route 53: NS TTL it creates. */
const ROUTE53_NS_TTL = 172800;

const files = readdirSync(SCENARIOS)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

const loaded = new Map<string, Scenario>();

beforeAll(async () => {
  for (const file of files) loaded.set(file, await loadScenario(join(SCENARIOS, file)));
});

function scenario(file: string): Scenario {
  const found = loaded.get(file);
  if (found === undefined) throw new Error(`${file} was not loaded`);
  return found;
}

function provider(s: Scenario, name: string): Provider {
  const found = s.providers.find((p) => p.name === name);
  if (found === undefined) throw new Error(`${s.name} has no provider ${name}`);
  return found;
}

function action(s: Scenario, id: string): PlannedAction {
  const found = s.plan.find((a) => a.id === id);
  if (found === undefined) throw new Error(`${s.name} has no action ${id}`);
  return found;
}

function actionsOf<K extends PlannedAction['kind']>(s: Scenario, kind: K): Extract<PlannedAction, { kind: K }>[] {
  return s.plan.filter((a): a is Extract<PlannedAction, { kind: K }> => a.kind === kind);
}

function zoneRecords(p: Provider): RR[] {
  return p.zone?.kind === 'records' ? p.zone.records : [];
}

/** The earliest an action can happen: its `at`, or its chain of `after` + `wait` (completion delays counted as 0). */
function earliest(s: Scenario, a: PlannedAction): number {
  if (a.at !== null) return a.at;
  if (a.after === null) return 0;
  return earliest(s, action(s, a.after.id)) + a.after.wait;
}

describe('every shipped scenario', () => {
  it('is there: the nine of issue 3', () => {
    expect(files).toEqual([
      'decommission-too-early.yaml',
      'divergent-records.yaml',
      'ns-cname-lame.yaml',
      'reduce-ttl-switch-after-4-days.yaml',
      'reference-bench.yaml',
      'route53-guide.yaml',
      'ttl-300-five-periods.yaml',
      'ttl-300-isp-floor-24h.yaml',
      'white-label-address-change.yaml',
    ]);
  });

  it.each(files)('%s loads, is named after its file and says what it teaches', (file) => {
    const s = scenario(file);
    expect(s.name).toBe(file.replace(/\.yaml$/, ''));
    expect(s.description.length).toBeGreaterThan(40);
    expect(s.domain).toBe('example.com.');
  });

  it.each(files)('%s opens with a comment block that cites shared/facts.md', (file) => {
    const text = readFileSync(join(SCENARIOS, file), 'utf8');
    const comment = text.slice(0, text.search(/^[a-z]/m));
    expect(comment.split('\n').every((line) => line === '' || line.startsWith('#'))).toBe(true);
    expect(comment).toMatch(/What it teaches:/);
    expect(comment).toMatch(/facts\.md/);
  });

  it.each(files)('%s migrates the shipped old zone to a new provider that imports it', (file) => {
    const s = scenario(file);
    expect(s.providers.map((p) => p.name)).toEqual(['old', 'new']);
    expect(s.delegation.to).toBe('old');
    expect(provider(s, 'old').zone).toMatchObject({ kind: 'records', file: join(SCENARIOS, 'zones/example.com.old.zone') });
    expect(provider(s, 'new').zone).toEqual({ kind: 'import', from: 'old' });
    expect(provider(s, 'new').preset).toBe('route53');
  });

  it.each(files)('%s watches .com\'s whole delegation TTL after each delegation change', (file) => {
    const s = scenario(file);
    const delegates = actionsOf(s, 'delegate');
    expect(delegates.length).toBeGreaterThan(0);
    for (const d of delegates) expect(s.horizon - earliest(s, d)).toBeGreaterThanOrEqual(COM_DELEGATION_TTL);
  });

  it.each(files.filter((file) => file !== 'reference-bench.yaml'))('%s is small enough to run in seconds', (file) => {
    const s = scenario(file);
    expect(s.resolvers.count).toBeLessThanOrEqual(2000);
    expect(s.clients.count).toBeLessThanOrEqual(100_000);
    expect(s.horizon).toBeLessThanOrEqual(7 * DAY);
  });
});

describe('the old provider\'s zone, zones/example.com.old.zone', () => {
  it('has the records a small business domain has, the web name with TTL 300', () => {
    const old = provider(scenario('route53-guide.yaml'), 'old');
    const lines = zoneRecords(old).map((rr) => `${rr.name} ${rr.ttl} ${rr.type}`);
    expect(lines).toEqual([
      `example.com. 300 ${RRType.A}`,
      `www.example.com. 300 ${RRType.A}`,
      `example.com. 3600 ${RRType.MX}`,
      `mail.example.com. 3600 ${RRType.A}`,
      `example.com. 3600 ${RRType.TXT}`,
      `shop.example.com. 3600 ${RRType.CNAME}`,
    ]);
    expect(old.nameservers.map((s) => s.name)).toEqual(['ns1.oldprovider.net.', 'ns2.oldprovider.net.']);
    expect(old.nsTtl).toBe(172800);
    expect(old.soa).toMatchObject({ serial: 2026112201, refresh: 7200, retry: 900, expire: 1209600, minimum: 3600 });
  });
});

describe('route53-guide', () => {
  const s = () => scenario('route53-guide.yaml');

  it('lowers the NS TTL to 900 at both providers at the start', () => {
    const lowered = actionsOf(s(), 'set-ttl').filter((a) => a.at === 0);
    expect(lowered.map((a) => [a.provider, a.name, a.type, a.ttl])).toEqual([
      ['old', 'example.com.', RRType.NS, 900],
      ['new', 'example.com.', RRType.NS, 900],
    ]);
  });

  it('changes NS at the registrar 48 h after lowering the TTL, once the old 172800 s have passed', () => {
    const change = action(s(), 'change');
    expect(change).toMatchObject({ kind: 'delegate', to: 'new', whiteLabel: false, after: { id: 'lower-ttl', wait: 48 * HOUR, from: 'taken' } });
    expect(change.at! - action(s(), 'lower-ttl').at!).toBe(172800);
    expect(change.at).toBeGreaterThanOrEqual(provider(s(), 'old').nsTtl);
  });

  it('delegates to Route 53\'s four servers, one under each of .com, .net, .org, .co.uk', () => {
    const change = action(s(), 'change');
    if (change.kind !== 'delegate') throw new Error('change is not a delegate action');
    const registries = ['com.', 'net.', 'org.', 'co.uk.'];
    expect(change.nameservers.length).toBe(4);
    change.nameservers.forEach((n, i) => expect(n.name.endsWith(`.${registries[i]}`)).toBe(true));
    expect(provider(s(), 'new').nsTtl).toBe(ROUTE53_NS_TTL);
    expect(provider(s(), 'new').soa).toMatchObject({ ttl: 900, refresh: 7200, retry: 900, expire: 1209600, minimum: 86400 });
  });

  it('watches 48 h after publication, then raises the NS TTL back and decommissions the old provider', () => {
    expect(action(s(), 'raise-ttl')).toMatchObject({ kind: 'set-ttl', provider: 'new', ttl: 172800, after: { id: 'change', wait: 48 * HOUR, from: 'complete' } });
    expect(action(s(), 'decommission')).toMatchObject({ kind: 'decommission', provider: 'old', mode: 'stop', after: { id: 'change', wait: 48 * HOUR, from: 'complete' } });
    expect(s().horizon).toBeGreaterThan(earliest(s(), action(s(), 'decommission')));
  });

  it('uses the default resolver mix and stub mix, and no stub cache for mail', () => {
    expect(s().resolvers.mixName).toBe('default');
    expect(s().clients.stub.map((layer) => [layer.kind, layer.share])).toEqual([
      ['browser', 0.6],
      ['os', 0.3],
      ['none', 0.1],
    ]);
    expect(s().watch.map((w) => [w.name, w.type, w.stub.map((layer) => layer.kind)])).toEqual([
      ['www.example.com.', RRType.A, ['browser', 'os', 'none']],
      ['example.com.', RRType.MX, ['none']],
    ]);
  });
});

describe('ttl-300-five-periods and ttl-300-isp-floor-24h', () => {
  const five = () => scenario('ttl-300-five-periods.yaml');
  const floor = () => scenario('ttl-300-isp-floor-24h.yaml');

  it('serve a 300 s NS TTL at the old provider from the start, while .com keeps 172800', () => {
    for (const s of [five(), floor()]) {
      expect(provider(s, 'old').nsTtl).toBe(300);
      expect(actionsOf(s, 'set-ttl')).toEqual([]);
      expect(s.hierarchy.registries.find((r) => r.zone === 'com.')?.delegationTtl).toBe(COM_DELEGATION_TTL);
    }
  });

  it('put a bin boundary exactly five periods (25 min) after the change', () => {
    for (const s of [five(), floor()]) {
      const change = action(s, 'change');
      expect(change.at).toBeGreaterThan(0);
      expect(s.bin).toBeLessThanOrEqual(60);
      expect((change.at! + 5 * 300) % s.bin).toBe(0);
    }
  });

  it('differ only in the resolver mix', () => {
    const strip = (s: Scenario) => ({ ...s, file: '', name: '', description: '', resolvers: null });
    expect(strip(floor())).toEqual(strip(five()));
    expect(five().resolvers.mixName).toBe('default');
    expect(floor().resolvers.mixName).toBe('isp-floor-24h');
  });

  it('give the ISP-floor population a 24 h floor share, and no shorter floors', () => {
    const floored = floor().resolvers.mix.filter((entry) => entry.floor !== null);
    expect(floored.length).toBeGreaterThan(0);
    for (const entry of floored) expect(entry.floor).toEqual({ constant: 86400 });
    const share = floored.reduce((sum, entry) => sum + entry.share, 0);
    expect(share).toBeCloseTo(0.09, 9); // facts.md, default population: 0.09 ttl-floor
  });
});

describe('reduce-ttl-switch-after-4-days', () => {
  const s = () => scenario('reduce-ttl-switch-after-4-days.yaml');

  it('reduces the old provider\'s NS TTL from 172800 to 300 and switches 4 days later', () => {
    expect(provider(s(), 'old').nsTtl).toBe(172800);
    expect(action(s(), 'reduce-ttl')).toMatchObject({ kind: 'set-ttl', provider: 'old', type: RRType.NS, ttl: 300, at: 0 });
    expect(action(s(), 'change')).toMatchObject({ kind: 'delegate', to: 'new', at: 4 * DAY });
    expect(4 * DAY).toBeGreaterThan(provider(s(), 'old').nsTtl);
  });
});

describe('decommission-too-early', () => {
  const s = () => scenario('decommission-too-early.yaml');

  it('stops the old provider 1 h after the change, with nothing lowered and 172800 s TTLs on both sides', () => {
    expect(actionsOf(s(), 'set-ttl')).toEqual([]);
    expect(provider(s(), 'old').nsTtl).toBe(172800);
    const change = action(s(), 'change');
    const off = action(s(), 'decommission');
    expect(off).toMatchObject({ kind: 'decommission', provider: 'old', mode: 'stop' });
    expect(off.at! - change.at!).toBe(HOUR);
    expect(off.at! - change.at!).toBeLessThan(COM_DELEGATION_TTL);
  });
});

describe('divergent-records', () => {
  const s = () => scenario('divergent-records.yaml');

  it('changes www at the old provider only, after the change, to an address the new provider does not have', () => {
    const edits = actionsOf(s(), 'set-records');
    expect(edits.map((a) => a.provider)).toEqual(['old']);
    const [edit] = edits;
    expect(edit!.at).toBeGreaterThan(action(s(), 'change').at!);
    expect(actionsOf(s(), 'decommission')).toEqual([]);
    const editedWww = edit!.records.find((rr) => rr.name === 'www.example.com.' && rr.type === RRType.A);
    const importedWww = zoneRecords(provider(s(), 'old')).find((rr) => rr.name === 'www.example.com.' && rr.type === RRType.A);
    expect(editedWww?.ttl).toBe(300);
    expect(editedWww?.data).not.toEqual(importedWww?.data);
  });
});

describe('white-label-address-change', () => {
  const s = () => scenario('white-label-address-change.yaml');
  const servers = ['ns-0.awsdns-00.com.', 'ns-512.awsdns-00.net.', 'ns-1024.awsdns-00.org.', 'ns-1536.awsdns-00.co.uk.'];
  const whiteLabel = ['ns1.example.com.', 'ns2.example.com.', 'ns3.example.com.', 'ns4.example.com.'];
  const original = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'];
  const renumbered = ['203.0.113.101', '203.0.113.102', '203.0.113.103', '203.0.113.104'];

  it('delegates to white-label names under the domain whose glue is the delegation set\'s addresses', () => {
    expect(provider(s(), 'new').nameservers).toEqual(servers.map((name, i) => ({ name, address: original[i] })));
    expect(action(s(), 'change')).toMatchObject({ kind: 'delegate', to: 'new', whiteLabel: true, nameservers: whiteLabel.map((name, i) => ({ name, address: original[i] })) });
  });

  it('follows the white-label setup TTLs: NS and SOA at 60 s, then back to 172800 and 900', () => {
    const ttls = actionsOf(s(), 'set-ttl')
      .filter((a) => a.provider === 'new')
      .map((a) => [a.type, a.ttl]);
    expect(ttls).toEqual([
      [RRType.NS, 60],
      [RRType.SOA, 60],
      [RRType.NS, 172800],
      [RRType.SOA, 900],
    ]);
  });

  it('renumbers every server after the change, leaves the glue stale, and fixes it 6 h later', () => {
    const moves = actionsOf(s(), 'change-address');
    expect(moves.map((a) => [a.provider, a.server, a.address])).toEqual(servers.map((name, i) => ['new', name, renumbered[i]]));
    const renumberAt = moves[0]!.at!;
    expect(moves.every((a) => a.at === renumberAt)).toBe(true);
    const delegates = actionsOf(s(), 'delegate');
    expect(delegates.map((a) => a.id)).toEqual(['change', 'fix-glue']);
    expect(renumberAt).toBeGreaterThan(action(s(), 'change').at!);
    expect(action(s(), 'fix-glue')).toMatchObject({ at: renumberAt + 6 * HOUR, to: 'new', nameservers: whiteLabel.map((name, i) => ({ name, address: renumbered[i] })) });
  });
});

describe('ns-cname-lame', () => {
  const s = () => scenario('ns-cname-lame.yaml');

  it('makes each white-label NS name a CNAME to one of the provider\'s servers', () => {
    const cnames = action(s(), 'cname-ns-names');
    if (cnames.kind !== 'set-records') throw new Error('cname-ns-names is not a set-records action');
    expect(cnames.provider).toBe('new');
    const change = action(s(), 'change');
    if (change.kind !== 'delegate') throw new Error('change is not a delegate action');
    expect(change.whiteLabel).toBe(true);
    const servers = provider(s(), 'new').nameservers;
    expect(cnames.records.map((rr) => [rr.name, rr.type, rr.data])).toEqual(change.nameservers.map((n, i) => [n.name, RRType.CNAME, servers[i]!.name]));
    expect(cnames.at).toBeLessThan(change.at!);
  });

  it('gets the glue right, and keeps the old provider up, so every failure comes from the aliases', () => {
    const change = action(s(), 'change');
    if (change.kind !== 'delegate') throw new Error('change is not a delegate action');
    expect(change.nameservers.map((n) => n.address)).toEqual(provider(s(), 'new').nameservers.map((n) => n.address));
    expect(actionsOf(s(), 'decommission')).toEqual([]);
  });
});

describe('reference-bench', () => {
  const s = () => scenario('reference-bench.yaml');

  it('is the benchmark\'s reference: 10,000 resolvers in the default mix, 1,000,000 clients, 14 d, 8 replications', () => {
    expect(s().resolvers.count).toBe(10_000);
    expect(s().resolvers.mixName).toBe('default');
    expect(s().clients.count).toBe(1_000_000);
    expect(s().horizon).toBe(14 * DAY);
    expect(s().replications).toBe(8);
  });

  it('watches a record with TTL 300 s', () => {
    const [watched] = s().watch;
    expect(watched).toMatchObject({ name: 'www.example.com.', type: RRType.A });
    const record = zoneRecords(provider(s(), 'old')).find((rr) => rr.name === watched!.name && rr.type === watched!.type);
    expect(record?.ttl).toBe(300);
  });
});
