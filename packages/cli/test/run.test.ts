import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUTOVER } from './lab.ts';

const work = mkdtempSync(join(tmpdir(), 'cutover-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cutover(...args: string[]) {
  const r = spawnSync(process.execPath, [CUTOVER, ...args], { encoding: 'utf8', timeout: 240_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A small but complete study: 60 resolvers of the default mix, a 300 s delegation TTL, 6 hours. */
const scenario = join(work, 'small.yaml');
writeFileSync(
  scenario,
  `# A small migration for the CLI's tests.
name: small
replications: 4
horizon: 6h
bin: 5m
domain: example.com
watch: [www.example.com, { name: example.com, type: MX }]
hierarchy:
  tlds:
    com: { delegationTtl: 300 }
providers:
  old:
    nameservers: [ns1.oldprovider.net, ns2.oldprovider.net]
    nsTtl: 300
    zone: { records: ["www 300 IN A 192.0.2.10", "@ 3600 IN MX 10 mail.example.com.", "mail 3600 IN A 192.0.2.25"] }
  new:
    preset: route53
    zone: { import: old }
resolvers: { count: 60, mix: default }
clients: { count: 3000 }
plan:
  - { id: change, at: 1h, delegate: { to: new } }
`,
);

describe('cutover run', () => {
  it('prints the milestones table and writes result.json, series.csv, the report and the charts', () => {
    const out = join(work, 'out');
    const r = cutover('run', scenario, '--out', out, '--workers', '2');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^small: old → new, 60 resolvers, 3,000 clients, 4 replications \(seed 1\)$/m);
    expect(r.stdout).toMatch(/^lookups on the new provider ≥ 50 % +\+\d/m);
    for (const file of ['result.json', 'series.csv', 'report.html', 'adoption.svg', 'adoption.png', 'shares.svg', 'timeline.svg', 'load.svg', 'profiles.svg']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(result.version).toBe(1);
    expect(result.t).toHaveLength(72);
    expect(result.byName.map((n: { name: string; type: string }) => `${n.name} ${n.type}`)).toEqual(['www.example.com. A', 'example.com. MX']);
    const csv = readFileSync(join(out, 'series.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(73);
    expect(csv[0]).toMatch(/^t_seconds,t_after_change_seconds,lookups_new_mean,lookups_new_p05,lookups_new_p95,/);
  });

  it('gives byte-identical JSON for the same seed, on one worker or two, and different JSON for another seed', () => {
    const a = cutover('run', scenario, '--json', '--seed', '7', '--workers', '1');
    const b = cutover('run', scenario, '--json', '--seed', '7', '--workers', '2');
    const c = cutover('run', scenario, '--json', '--seed', '8', '--workers', '2');
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.scenario.seed).toBe(7);
    // Shares of a bin with lookups add up to 1 (mean over replications).
    const k = 40;
    const sum = ['new', 'old', 'failed', 'stale'].reduce((s, cls) => s + result.shares[cls].mean[k], 0);
    expect(sum).toBeCloseTo(1, 9);
  });

  it('splits into shards that cutover merge joins into the same Result as one run', () => {
    const whole = cutover('run', scenario, '--json', '--seed', '3');
    const dir = join(work, 'shards');
    for (const k of [1, 2, 3]) expect(cutover('run', scenario, '--seed', '3', '--shard', `${k}/3`, '--out', dir).status).toBe(0);
    const merged = cutover('merge', join(dir, 'shard-2-of-3.json'), join(dir, 'shard-1-of-3.json'), join(dir, 'shard-3-of-3.json'), '--json');
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
    const partial = cutover('merge', join(dir, 'shard-1-of-3.json'), join(dir, 'shard-3-of-3.json'));
    expect(partial.status).toBe(2);
    expect(partial.stderr).toMatch(/^cutover: merge: replications 1 of 4 are missing \(slices 2\/3\)\n$/);
  });
});

describe('cutover run on bad input', () => {
  it('names the file, line, column and field of a scenario mistake', () => {
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, readFileSync(scenario, 'utf8').replace('horizon: 6h', 'horizn: 6h'));
    const r = cutover('run', bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cutover: .*bad\.yaml:4:1: horizn: unknown key "horizn"; did you mean "horizon"\?\n$/);
  });
  it('refuses a missing scenario, a bad shard and a bad worker count on one line', () => {
    for (const [args, pattern] of [
      [['run', join(work, 'missing.yaml')], /missing\.yaml/],
      [['run', scenario, '--shard', '3/2', '--json'], /--shard "3\/2": expected k\/n/],
      [['run', scenario, '--shard', '1/2'], /give --out DIR or --json/],
      [['run', scenario, '--workers', '0'], /--workers 0: expected a whole number ≥ 1/],
      [['merge', scenario], /not JSON/],
    ] as const) {
      const r = cutover(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
  });
});

describe('cutover halflife', () => {
  it("prints the seed article's table exactly and a compliant population that follows the linear model", () => {
    const r = cutover('halflife', '--ttl', '300', '--mix', 'compliant', '--stub', 'none', '--resolvers', '300', '--clients', '30000', '--replications', '2', '--json');
    expect(r.stderr).toBe('');
    const table = JSON.parse(r.stdout);
    expect(table.rows.map((row: { ruleOfThumb: number }) => row.ruleOfThumb)).toEqual([0.5, 0.75, 0.875, 0.9375, 0.96875, 0.984375]);
    expect(table.rows.map((row: { linear: number }) => row.linear)).toEqual([1, 1, 1, 1, 1, 1]);
    // Resolvers that honour a 300 s TTL and are asked about once a second have all switched one
    // TTL after the change, up to the seconds a refresh waits for its first lookup.
    for (const row of table.rows) expect(row.simulated).toBeGreaterThan(0.97);
    expect(table.fittedHalfLife).toBeLessThan(300);
  });
  it('shows the tail that a 24 h TTL floor makes, in text', () => {
    const r = cutover('halflife', '--ttl', '300', '--mix', 'isp-floor-24h', '--resolvers', '300', '--clients', '30000', '--replications', '2', '--periods', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1×TTL +50\.0 % +100\.0 % +\d+\.\d %$/m);
    expect(r.stdout).toMatch(/ttl-floor.*of the late lookups: a TTL floor/);
  });
});
