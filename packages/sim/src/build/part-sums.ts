/**
 * A replication's parts added up as they come in. Workers finish parts out of order; the sums are
 * still made in part order (a part waits until the ones before it are in), so the bytes do not
 * depend on the workers, and only the parts that wait are kept, not every part's series.
 */
import type { ReplicationOutput } from '../replication.ts';
import type { Scenario } from '../scenario/types.ts';
import { mergeParts, type PartOutput } from './run-replication.ts';

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

  /** The replication's output, once every part is in. */
  result(): ReplicationOutput {
    if (!this.complete || this.total === undefined) throw new Error(`replication has ${this.next} of ${this.count} parts`);
    return mergeParts(this.scenario, [this.total]);
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
