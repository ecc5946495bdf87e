/**
 * One replication of a scenario, from the scenario to its per-bin series (replication.ts): the
 * world built for each watched name (build-world.ts), run to the horizon, and read out.
 *
 * - Per watched name: the client-side shares (behind the stub caches) and the client lookups per
 *   bin, from that name's world.
 * - The resolvers' cached delegation, the shares per mix label, the timeline and `changeAt`: from
 *   the first name's world (the worlds share every draw that decides them).
 * - Load: each name's world carries only that name's lookups, so a provider's load is the sum
 *   over the worlds. (Each world's resolvers also learn the delegation on their own, where one
 *   resolver learns it once for all names: the few delegation queries are counted per name.)
 */
import { typeName } from '@cutover/resolver';
import type { ClassArrays, NameReplication, ReplicationOutput } from '../replication.ts';
import type { Scenario } from '../scenario/types.ts';
import { ANSWER_CLASS_COUNT } from '../world/answer-class.ts';
import { normalise, type ClassSeries } from '../world/metrics.ts';
import { clientSideBinIntegrals } from '../world/stub-kernel.ts';
import { buildWorld, type BuildOptions, type BuiltWorld } from './build-world.ts';

export function runReplication(scenario: Scenario, replication: number, opts: { skip?: boolean } = {}): ReplicationOutput {
  return runWorlds(scenario, replication, opts);
}

/** runReplication with the builder's options (tests turn the warm-up off to start from empty caches). */
export function runWorlds(scenario: Scenario, replication: number, opts: BuildOptions = {}): ReplicationOutput {
  const bins = Math.ceil(scenario.horizon / scenario.bin);
  const byName: NameReplication[] = [];
  const load: Record<string, number[]> = Object.fromEntries(scenario.providers.map((p) => [p.name, new Array<number>(bins).fill(0)]));
  let first: BuiltWorld | undefined;
  scenario.watch.forEach((_, w) => {
    const built = buildWorld(scenario, replication, w, opts);
    built.world.run();
    first ??= built;
    byName.push({
      name: built.watch.name,
      type: typeName(built.watch.type),
      shares: plain(built.world.metrics.clientShares(built.clientGroups)),
      lookups: Array.from({ length: bins }, (_, k) => built.clientRate * binWidth(scenario, k)),
    });
    for (const [name, p] of built.providers) {
      const counts = built.world.network.load.series(p.world.index);
      const series = load[name]!;
      for (let k = 0; k < bins; k++) series[k]! += counts[k]! / binWidth(scenario, k);
    }
  });
  const head = first!;
  const { byProfile, byProfileLookups } = perLabel(head, bins);
  return {
    replication,
    changeAt: head.plan.changeAt,
    byName,
    resolverShares: plain(head.world.metrics.resolverShares()),
    load,
    byProfile,
    byProfileLookups,
    timeline: [...head.plan.timeline].sort((a, b) => a.start - b.start),
  };
}

/** Width of bin k: the bin, or what is left of the horizon in the last one. */
function binWidth(scenario: Scenario, k: number): number {
  return Math.min(scenario.bin, scenario.horizon - k * scenario.bin);
}

function plain(series: ClassSeries): ClassArrays {
  return { new: Array.from(series.new), old: Array.from(series.old), failed: Array.from(series.failed), stale: Array.from(series.stale) };
}

/** Resolver-side share of lookups answered from the new provider, and lookups, per mix label. */
function perLabel(built: BuiltWorld, bins: number): { byProfile: Record<string, number[]>; byProfileLookups: Record<string, number[]> } {
  const metrics = built.world.metrics;
  const byProfile: Record<string, number[]> = {};
  const byProfileLookups: Record<string, number[]> = {};
  for (const [label, rates] of built.labelRates) {
    const perClass: Float64Array[] = [];
    for (let cls = 0; cls < ANSWER_CLASS_COUNT; cls++) {
      const series = metrics.stepSeries(cls, (node) => rates[node] ?? 0);
      perClass.push(clientSideBinIntegrals(series, { kind: 'none' }, 1, metrics.bin, bins));
    }
    byProfile[label] = Array.from(normalise(perClass).new);
    byProfileLookups[label] = Array.from({ length: bins }, (_, k) => perClass.reduce((sum, c) => sum + c[k]!, 0));
  }
  return { byProfile, byProfileLookups };
}
