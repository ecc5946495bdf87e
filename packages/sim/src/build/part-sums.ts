/**
 * A replication's parts added up as they come in, then normalised into the replication's output.
 * Workers finish parts out of order; the sums are still made in part order (a part waits until
 * the ones before it are in), so the bytes do not depend on the workers, and only the parts that
 * wait are kept, not every part's series.
 */
import type { ClassArrays, NameReplication, ReplicationOutput } from '../replication.ts';
import type { Scenario } from '../scenario/types.ts';
import { normalise, type ClassSeries } from '../world/metrics.ts';
import type { PartOutput } from './run-replication.ts';

export class PartSums {
  private next = 0;
  private readonly waiting = new Map<number, PartOutput>();
  private total: PartOutput | undefined;

  constructor(
    private readonly scenario: Scenario,
    /** How many parts the replication has. */
    readonly count: number,
  ) {}

  /** Takes part `output.part` (each part once). */
  add(output: PartOutput): void {
    if (!(output.part >= 0 && output.part < this.count) || output.part < this.next || this.waiting.has(output.part)) {
      throw new RangeError(`part ${output.part} of ${this.count} given twice or out of range`);
    }
    this.waiting.set(output.part, output);
    for (let part = this.waiting.get(this.next); part !== undefined; part = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.next++;
      this.fold(part);
    }
  }

  /** Whether every part is in. */
  get complete(): boolean {
    return this.next === this.count;
  }

  /**
   * The replication's output, once every part is in: client shares per watched name, the
   * resolvers' cached-delegation shares, queries per second at each provider and shares per mix
   * label, from the summed series.
   */
  result(): ReplicationOutput {
    const total = this.total;
    if (!this.complete || total === undefined) throw new Error(`replication has ${this.next} of ${this.count} parts`);
    const scenario = this.scenario;
    const bins = Math.ceil(scenario.horizon / scenario.bin);
    const byName: NameReplication[] = total.clients.map((c, w) => ({
      name: c.name,
      type: c.type,
      shares: plain(normalise(c.perClass)),
      lookups: Array.from({ length: bins }, (_, k) => (scenario.watch[w]!.lookupsPerHour / 3600) * scenario.clients.count * binWidth(scenario, k)),
    }));
    const load: Record<string, number[]> = Object.fromEntries(scenario.providers.map((p) => [p.name, new Array<number>(bins).fill(0)]));
    for (const counts of total.queries) {
      for (const [name, series] of Object.entries(load)) {
        const perBin = counts[name]!;
        for (let k = 0; k < bins; k++) series[k]! += perBin[k]! / binWidth(scenario, k);
      }
    }
    const byProfile: Record<string, number[]> = {};
    const byProfileLookups: Record<string, number[]> = {};
    for (const [label, perClass] of Object.entries(total.byLabel)) {
      byProfile[label] = Array.from(normalise(perClass).new);
      byProfileLookups[label] = Array.from({ length: bins }, (_, k) => perClass.reduce((sum, c) => sum + c[k]!, 0));
    }
    return {
      replication: total.replication,
      changeAt: total.changeAt,
      byName,
      resolverShares: plain(normalise(total.sides)),
      load,
      byProfile,
      byProfileLookups,
      timeline: total.timeline,
    };
  }

  /** Adds a part to the running sums: 0 + p0 + p1 + …, as a sum over all of them at once makes it. */
  private fold(part: PartOutput): void {
    if (this.count === 1) {
      this.total = part;
      return;
    }
    const total = (this.total ??= zerosLike(part));
    part.clients.forEach((c, w) => addClasses(total.clients[w]!.perClass, c.perClass));
    part.queries.forEach((q, w) => {
      for (const [name, counts] of Object.entries(q)) addInto(total.queries[w]![name]!, counts);
    });
    addClasses(total.sides, part.sides);
    for (const [label, perClass] of Object.entries(part.byLabel)) addClasses(total.byLabel[label]!, perClass);
  }
}

function zerosLike(part: PartOutput): PartOutput {
  const zeros = (a: Float64Array): Float64Array => new Float64Array(a.length);
  return {
    replication: part.replication,
    part: 0,
    changeAt: part.changeAt,
    timeline: part.timeline,
    clients: part.clients.map((c) => ({ name: c.name, type: c.type, perClass: c.perClass.map(zeros) })),
    queries: part.queries.map((q) => Object.fromEntries(Object.entries(q).map(([name, counts]) => [name, zeros(counts)]))),
    sides: part.sides.map(zeros),
    byLabel: Object.fromEntries(Object.entries(part.byLabel).map(([label, perClass]) => [label, perClass.map(zeros)])),
  };
}

function addClasses(into: Float64Array[], from: readonly Float64Array[]): void {
  from.forEach((a, c) => addInto(into[c]!, a));
}

function addInto(into: Float64Array, from: Float64Array): void {
  for (let k = 0; k < into.length; k++) into[k]! += from[k]!;
}

/** Width of bin k: the bin, or what is left of the horizon in the last one. */
function binWidth(scenario: Scenario, k: number): number {
  return Math.min(scenario.bin, scenario.horizon - k * scenario.bin);
}

function plain(series: ClassSeries): ClassArrays {
  return { new: Array.from(series.new), old: Array.from(series.old), failed: Array.from(series.failed), stale: Array.from(series.stale) };
}
