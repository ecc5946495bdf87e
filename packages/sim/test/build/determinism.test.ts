/**
 * A replication is a function of (scenario, replication): the same pair gives byte-identical
 * output, another seed or replication number gives other draws, and skipping refreshes that
 * cannot change anything changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { runReplication, runWorlds } from '../../src/build/run-replication.ts';
import type { ReplicationOutput } from '../../src/replication.ts';
import { parseScenario } from '../../src/scenario/load.ts';

function scenario(seed: number) {
  return parseScenario(
    `
seed: ${seed}
domain: example.com
horizon: 2d
bin: 1h
watch:
  - www.example.com
  - { name: example.com, type: MX }
providers:
  old:
    nameservers: [ns1.oldprovider.net, ns2.oldprovider.net]
    nsTtl: 3600
    zone:
      records:
        - "www 300 IN A 192.0.2.10"
        - "@ 3600 IN MX 10 mail"
        - "mail 3600 IN A 192.0.2.25"
  new:
    preset: route53
    nsTtl: 3600
    zone: { import: old }
hierarchy:
  tlds:
    com: { delegationTtl: 3600 }
resolvers: { count: 40 }
clients: { count: 4000 }
plan:
  - { id: change, at: 6h, delegate: { to: new } }
  - { after: change, from: complete, wait: 1d, decommission: { provider: old } }
`,
    'determinism.yaml',
  );
}

describe('determinism', () => {
  it('the same seed and replication give byte-identical output', () => {
    const a = JSON.stringify(runReplication(scenario(7), 0));
    const b = JSON.stringify(runReplication(scenario(7), 0));
    expect(a).toBe(b);
    // Non-trivial: the change happened and the shares moved.
    const out = JSON.parse(a);
    expect(out.changeAt).toBeGreaterThan(6 * 3600);
    expect(Math.max(...out.byName[0].shares.new)).toBeGreaterThan(0.9);
    expect(out.byName.map((n: { type: string }) => n.type)).toEqual(['A', 'MX']);
  });

  it('another seed, or another replication, gives other output', () => {
    const a = JSON.stringify(runReplication(scenario(7), 0));
    expect(JSON.stringify(runReplication(scenario(8), 0))).not.toBe(a);
    expect(JSON.stringify(runReplication(scenario(7), 1))).not.toBe(a);
  });

  /** Asserts `x` equals `y` to 1e-9 relative (sums of the same terms in another order may differ in the last bits). */
  function expectClose(x: number, y: number, what: string): void {
    expect(Math.abs(x - y), `${what}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(x), Math.abs(y)));
  }

  function expectSameOutput(skipped: ReplicationOutput, full: ReplicationOutput): void {
    expect(skipped.timeline).toEqual(full.timeline);
    expect(skipped.changeAt).toBe(full.changeAt);
    for (const cls of ['new', 'old', 'failed', 'stale'] as const) {
      skipped.byName.forEach((name, i) => name.shares[cls].forEach((x, k) => expectClose(x, full.byName[i]!.shares[cls][k]!, `${name.name} ${cls} bin ${k}`)));
      skipped.resolverShares[cls].forEach((x, k) => expectClose(x, full.resolverShares[cls][k]!, `resolverShares.${cls} bin ${k}`));
    }
    expect(Object.keys(skipped.load)).toEqual(Object.keys(full.load));
    for (const [provider, series] of Object.entries(skipped.load)) series.forEach((x, k) => expectClose(x, full.load[provider]![k]!, `load.${provider} bin ${k}`));
    for (const [label, series] of Object.entries(skipped.byProfile)) series.forEach((x, k) => expectClose(x, full.byProfile[label]![k]!, `byProfile.${label} bin ${k}`));
  }

  it('skipping clean refreshes changes nothing, from empty caches: shares, resolver shares, load, by profile', () => {
    expectSameOutput(runWorlds(scenario(7), 0, { skip: true, warmUp: false }), runWorlds(scenario(7), 0, { skip: false, warmUp: false }));
  });

  it('skipping clean refreshes changes nothing, from warmed-up caches', () => {
    expectSameOutput(runReplication(scenario(7), 0, { skip: true }), runReplication(scenario(7), 0, { skip: false }));
  });
});
