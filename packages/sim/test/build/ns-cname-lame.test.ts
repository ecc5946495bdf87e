/**
 * scenarios/ns-cname-lame.yaml: white-label name servers whose names the zone makes CNAMEs. The
 * builder must leave the owner's CNAMEs alone (adding the white-label addresses beside them made
 * the zone invalid: "a CNAME beside other data"), so the scenario runs, and the glue at com keeps
 * the delegation working for resolvers that recurse from the referral.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RRType } from '@cutover/resolver';
import { buildWorld } from '../../src/build/build-world.ts';
import { runReplication } from '../../src/build/run-replication.ts';
import { parseScenario } from '../../src/scenario/load.ts';

const file = resolve(import.meta.dirname, '../../../../scenarios/ns-cname-lame.yaml');
/** The shipped scenario with fewer resolvers and clients, and hour bins. */
const text = readFileSync(file, 'utf8').replace('count: 2000', 'count: 60').replace('count: 100000', 'count: 6000').replace('bin: 5m', 'bin: 1h');

describe('ns-cname-lame', () => {
  const scenario = parseScenario(text, file);

  it('runs: the white-label hosts stay CNAMEs at the new provider, with no address records beside them', () => {
    const built = buildWorld(scenario, 0, 0);
    built.world.run();
    const zone = built.providers.get('new')!.world.zone('example.com.')!;
    expect(zone.apexNs.data).toEqual(['ns1.example.com.', 'ns2.example.com.', 'ns3.example.com.', 'ns4.example.com.']);
    for (const [i, target] of ['ns-0.awsdns-00.com.', 'ns-512.awsdns-00.net.', 'ns-1024.awsdns-00.org.', 'ns-1536.awsdns-00.co.uk.'].entries()) {
      expect(zone.get(`ns${i + 1}.example.com.`, RRType.CNAME)?.data).toEqual([target]);
      expect(zone.get(`ns${i + 1}.example.com.`, RRType.A)).toBeUndefined();
    }
  });

  it('moves every profile to the new provider through the glue', () => {
    const out = runReplication(scenario, 0);
    expect(out.changeAt).toBeGreaterThan(48 * 3600);
    for (const [label, series] of Object.entries(out.byProfile)) expect(series.at(-1), label).toBeCloseTo(1, 9);
    // As the scenario says: the glue hides the CNAMEs, so no lookup fails.
    expect(Math.max(...out.byName[0]!.shares.failed)).toBe(0);
  });
});
