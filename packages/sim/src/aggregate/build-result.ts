import { RESULT_VERSION, type Band, type NameSeries, type Result, type Shares } from '../result.ts';
import type { ClassArrays, ReplicationOutput } from '../replication.ts';
import type { Scenario } from '../scenario/types.ts';
import { bandOf, quantile, tidy } from './band.ts';
import { milestonesOf } from './milestones.ts';
import { failuresIfDecommissionedAt, safeDecommissionAfter } from './decommission.ts';
import { newProviderName, referenceTtl } from './reference-ttl.ts';

/**
 * Combines the replications of a scenario into its Result: every series as mean and 5th/95th
 * percentiles over replications, the milestones and decommission figures read from the means.
 * `outputs` may come in any order (workers, shards); they are taken in replication order, so the
 * Result depends only on the scenario and the seed.
 */
export function buildResult(scenario: Scenario, outputs: readonly ReplicationOutput[]): Result {
  if (outputs.length === 0) throw new Error('buildResult needs at least one replication');
  const runs = [...outputs].sort((a, b) => a.replication - b.replication);
  const first = runs[0] as ReplicationOutput;
  const bins = first.resolverShares.new.length;
  const t = Array.from({ length: bins }, (_, k) => k * scenario.bin);
  const changeAt = tidy(quantile(Float64Array.from(runs.map((r) => r.changeAt ?? 0)).sort(), 0.5));

  const byName: NameSeries[] = first.byName.map((name, i) => {
    const shares = sharesBand(runs.map((r) => (r.byName[i] as typeof name).shares));
    return { name: name.name, type: name.type, shares, milestones: milestonesOf(t, shares.new.mean, changeAt) };
  });
  const top = byName[0] as NameSeries;
  const lookups = bandOf(runs.map((r) => (r.byName[0] as (typeof r.byName)[0]).lookups)).mean;

  return {
    version: RESULT_VERSION,
    scenario: {
      name: scenario.name,
      description: scenario.description,
      seed: scenario.seed,
      replications: runs.length,
      horizon: scenario.horizon,
      bin: scenario.bin,
      resolvers: scenario.resolvers.count,
      clients: scenario.clients.count,
      referenceTtl: referenceTtl(scenario, changeAt),
      profileMix: Object.fromEntries(scenario.resolvers.mix.map((m) => [m.label, m.share])),
      providers: { old: scenario.delegation.to, new: newProviderName(scenario) },
    },
    t,
    changeAt,
    shares: top.shares,
    resolverShares: sharesBand(runs.map((r) => r.resolverShares)),
    load: bandsByKey(runs.map((r) => r.load)),
    byProfile: bandsByKey(runs.map((r) => r.byProfile)),
    byName,
    milestones: top.milestones,
    safeDecommissionAfter: safeDecommissionAfter(t, top.shares.old.mean, changeAt),
    failuresIfDecommissionedAt: roundSeries(failuresIfDecommissionedAt(t, top.shares.old.mean, lookups, changeAt)),
    timeline: first.timeline,
  };
}

function sharesBand(series: readonly ClassArrays[]): Shares {
  return {
    new: bandOf(series.map((s) => s.new)),
    old: bandOf(series.map((s) => s.old)),
    failed: bandOf(series.map((s) => s.failed)),
    stale: bandOf(series.map((s) => s.stale)),
  };
}

/** A band per key (provider, profile label), keys in the order the first replication gives them. */
function bandsByKey(records: readonly Record<string, number[]>[]): Record<string, Band> {
  const out: Record<string, Band> = {};
  for (const key of Object.keys(records[0] ?? {})) out[key] = bandOf(records.map((r) => r[key] ?? []));
  return out;
}

function roundSeries(s: { t: number[]; share: number[] }): { t: number[]; share: number[] } {
  return { t: s.t, share: s.share.map(tidy) };
}
