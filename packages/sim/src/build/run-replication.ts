/**
 * One replication of a scenario, from the scenario to its per-bin series (replication.ts): the
 * world built for each watched name (build-world.ts) and each part (parts.ts), run to the
 * horizon and read out as sums; part-sums.ts adds the parts up and normalises.
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
import type { ReplicationOutput } from '../replication.ts';
import type { TimelineEntry } from '../result.ts';
import type { Scenario } from '../scenario/types.ts';
import { ANSWER_CLASS_COUNT } from '../world/answer-class.ts';
import { clientSideBinIntegrals } from '../world/stub-kernel.ts';
import { buildWorld, type BuildOptions, type BuiltWorld } from './build-world.ts';
import { PartSums } from './part-sums.ts';
import { partCount, type Part } from './parts.ts';

/** What one part of a replication yields: sums over its resolvers, per class and bin, before normalising. */
export interface PartOutput {
  replication: number;
  part: number;
  changeAt: number | null;
  timeline: TimelineEntry[];
  /** Per watched name: client lookups per class per bin behind the stub caches. */
  clients: { name: string; type: string; perClass: Float64Array[] }[];
  /** Per watched name, per provider: queries per bin. */
  queries: Record<string, Float64Array>[];
  /** Resolvers per side per bin (first name's world). */
  sides: Float64Array[];
  /** Per mix label: resolver-side lookups per class per bin (first name's world). */
  byLabel: Record<string, Float64Array[]>;
}

export function runReplication(scenario: Scenario, replication: number, opts: { skip?: boolean } = {}): ReplicationOutput {
  return runWorlds(scenario, replication, opts);
}

/**
 * runReplication with the builder's options (tests turn the warm-up off to start from empty
 * caches, or split a small replication into `parts`); the parts run in turn.
 */
export function runWorlds(scenario: Scenario, replication: number, opts: Omit<BuildOptions, 'part'> & { parts?: number } = {}): ReplicationOutput {
  const { parts: given, ...build } = opts;
  const count = given ?? partCount(scenario);
  const sums = new PartSums(scenario, count);
  for (let index = 0; index < count; index++) sums.add(runPart(scenario, replication, count === 1 ? undefined : { index, count }, build));
  return sums.result();
}

/** Runs one part of a replication (all of it when `part` is undefined). */
export function runPart(scenario: Scenario, replication: number, part: Part | undefined, opts: Omit<BuildOptions, 'part'> = {}): PartOutput {
  const clients: PartOutput['clients'] = [];
  const queries: PartOutput['queries'] = [];
  let first: BuiltWorld | undefined;
  scenario.watch.forEach((_, w) => {
    const built = buildWorld(scenario, replication, w, { ...opts, ...(part === undefined ? {} : { part }) });
    built.world.run();
    first ??= built;
    clients.push({ name: built.watch.name, type: typeName(built.watch.type), perClass: built.world.metrics.clientIntegrals(built.clientGroups) });
    const counts: Record<string, Float64Array> = {};
    for (const [name, p] of built.providers) counts[name] = built.world.network.load.series(p.world.index);
    queries.push(counts);
  });
  const head = first!;
  return {
    replication,
    part: part?.index ?? 0,
    changeAt: head.plan.changeAt,
    timeline: [...head.plan.timeline].sort((a, b) => a.start - b.start),
    clients,
    queries,
    sides: head.world.metrics.sideIntegrals(),
    byLabel: perLabel(head),
  };
}


/** Resolver-side lookups per class per bin, per mix label. */
function perLabel(built: BuiltWorld): Record<string, Float64Array[]> {
  const metrics = built.world.metrics;
  const out: Record<string, Float64Array[]> = {};
  for (const [label, rates] of built.labelRates) {
    const perClass: Float64Array[] = [];
    for (let cls = 0; cls < ANSWER_CLASS_COUNT; cls++) {
      const series = metrics.stepSeries(cls, (node) => rates[node] ?? 0);
      perClass.push(clientSideBinIntegrals(series, { kind: 'none' }, 1, metrics.bin, metrics.bins));
    }
    out[label] = perClass;
  }
  return out;
}
