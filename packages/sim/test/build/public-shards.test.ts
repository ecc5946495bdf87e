/**
 * Sharded public resolvers before a delegation change: scenarios/ttl-300-five-periods.yaml scaled
 * down (100 resolvers of the default mix, no stub caches, the old zone written inline). A public
 * resolver is 8 shards, each with an eighth of its lookups, so its shards are sparse: the first
 * lookup after an expiry often comes long after it. Such a shard must not be counted on the new
 * provider for the span between its expiry and a first lookup that came after the change; no
 * resolver of any profile is on the new provider before com publishes it.
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/build/run-replication.ts';
import { parseScenario } from '../../src/scenario/load.ts';

const yaml = `
name: ttl-300-five-periods-small
horizon: 5h
bin: 1m
domain: example.com
watch:
  - www.example.com
providers:
  old:
    nameservers: [ns1.oldprovider.net, ns2.oldprovider.net]
    nsTtl: 300
    zone:
      records:
        - "@ 300 IN A 192.0.2.10"
        - "www 300 IN A 192.0.2.10"
        - "@ 3600 IN MX 10 mail.example.com."
        - "mail 3600 IN A 192.0.2.25"
  new:
    preset: route53
    zone: { import: old }
resolvers:
  count: 100
  mix: default
clients:
  count: 100000
  stub: none
plan:
  - { id: change, at: 2h, delegate: { to: new } }
`;

describe('sharded public resolvers before the change', () => {
  const scenario = parseScenario(yaml, 'ttl-300-five-periods-small.yaml');
  const runs = [0, 1].map((replication) => runReplication(scenario, replication));

  it('are on the new provider in no bin before com publishes the change, nor is any other profile', () => {
    for (const out of runs) {
      const publishedAt = out.timeline.find((e) => e.lane === 'registry' && e.label === 'registry publishes')!.start;
      expect(out.changeAt!).toBeGreaterThan(2 * 3600);
      expect(publishedAt).toBeGreaterThanOrEqual(out.changeAt!);
      const before = Math.floor(publishedAt / 60);
      expect(before).toBeGreaterThan(100);
      const labels = Object.keys(out.byProfile);
      expect(labels.filter((l) => l.startsWith('public')).length).toBe(3);
      for (const label of labels) {
        for (let k = 0; k < before; k++) expect(out.byProfile[label]![k], `replication ${out.replication} ${label} bin ${k}`).toBe(0);
      }
      for (let k = 0; k < before; k++) {
        expect(out.byName[0]!.shares.new[k]).toBe(0);
        expect(out.resolverShares.new[k]).toBe(0);
      }
    }
  });

  it('do move once it is published (the test sees the change)', () => {
    for (const out of runs) {
      for (const label of Object.keys(out.byProfile).filter((l) => l.startsWith('public'))) {
        expect(Math.max(...out.byProfile[label]!), label).toBeGreaterThan(0.5);
      }
    }
  });
});
