/**
 * Per-bin accumulation of what the resolvers' clients got. Resolver nodes report the moments at
 * which their answer class and their cached delegation change (ResolverObserver); between those
 * moments each resolver's class is constant, so a bin's share of lookups of each class is the
 * integral of the resolvers' lookup rates Λ_r over the pieces of that class, divided by the
 * integral of all of them. Pieces are never split per lookup or per refresh.
 *
 * The reports are also kept as a list of change points, so that the client-side series behind
 * stub caches can be computed exactly (stub-kernel.ts) on the continuous step series rather than
 * on binned values.
 */
import { ANSWER_CLASS_COUNT, ANSWER_CLASS_NAMES, type AnswerClass } from './answer-class.ts';
import { BinIntegrals } from './bin-integrals.ts';
import type { ResolverObserver } from './resolver-node.ts';
import { clientSideBinIntegrals, type StubCache } from './stub-kernel.ts';
import type { LoadCounter } from './network.ts';

/** A series per answer class, in the Result's names. */
export type ClassSeries = Record<(typeof ANSWER_CLASS_NAMES)[number], Float64Array>;

/** Clients of one kind: their stub cache, each one's lookup rate, and how many each resolver has. */
export interface ClientGroup {
  stub: StubCache;
  /** Lookups per second of one client. */
  rate: number;
  /** Number of clients of this kind at resolver `node`. */
  clientsAt: (node: number) => number;
}

interface Track {
  cls: AnswerClass | -1;
  since: number;
}

export class Metrics implements ResolverObserver {
  private readonly weights: number[] = [];
  /** Each node's weight in the resolver shares: 1, or 1/K for each of a public resolver's K shards. */
  private readonly sideWeights: number[] = [];
  private readonly profiles: string[] = [];
  private readonly lookups: BinIntegrals[];
  private readonly byProfile = new Map<string, BinIntegrals[]>();
  private readonly sides: BinIntegrals[];
  private readonly classTracks: Track[] = [];
  private readonly sideTracks: Track[] = [];
  /** Change points of the answer class: node, time, new class; in report order (per node, in time order). */
  private readonly changeNode: number[] = [];
  private readonly changeTime: number[] = [];
  private readonly changeClass: number[] = [];
  private finished = false;

  constructor(
    readonly bin: number,
    readonly bins: number,
  ) {
    this.lookups = classIntegrals(bin, bins);
    this.sides = classIntegrals(bin, bins);
  }

  /**
   * Registers resolver `node` with its resolver-side lookup rate Λ and profile name; call before
   * it reports. `sideWeight` is its weight in the resolver shares (a shard of a K-shard public
   * resolver counts 1/K, so the public resolver counts once).
   */
  register(node: number, rate: number, profile: string, sideWeight = 1): void {
    this.weights[node] = rate;
    this.sideWeights[node] = sideWeight;
    this.profiles[node] = profile;
    this.classTracks[node] = { cls: -1, since: 0 };
    this.sideTracks[node] = { cls: -1, since: 0 };
    if (!this.byProfile.has(profile)) this.byProfile.set(profile, classIntegrals(this.bin, this.bins));
  }

  answerClassChanged(node: number, cls: AnswerClass, from: number): void {
    const track = this.track(this.classTracks, node);
    this.closeClassPiece(node, track, from);
    track.cls = cls;
    track.since = from;
    this.changeNode.push(node);
    this.changeTime.push(from);
    this.changeClass.push(cls);
  }

  delegationSideChanged(node: number, side: AnswerClass, from: number): void {
    const track = this.track(this.sideTracks, node);
    if (track.cls >= 0) this.sides[track.cls]!.add(track.since, from, this.sideWeights[node]!);
    track.cls = side;
    track.since = from;
  }

  /** Closes every open piece at `end` (the horizon). Reports after this are errors. */
  finish(end: number): void {
    if (this.finished) return;
    this.finished = true;
    this.classTracks.forEach((track, node) => this.closeClassPiece(node, track, end));
    this.sideTracks.forEach((track, node) => {
      if (track.cls >= 0) this.sides[track.cls]!.add(track.since, end, this.sideWeights[node]!);
    });
  }

  /** Share of lookups per class per bin (resolver side: what the resolvers answered). */
  shares(): ClassSeries {
    return normalise(this.lookups.map((b) => b.values()));
  }

  /** Integral of lookups (Λ-weighted seconds) per class per bin, before normalising. */
  lookupIntegrals(): Float64Array[] {
    return this.lookups.map((b) => b.values());
  }

  /** Share of resolvers whose cached delegation points at each side per bin (failed: none usable). */
  resolverShares(): ClassSeries {
    return normalise(this.sideIntegrals());
  }

  /** Resolver-weighted seconds per side per bin, before normalising. */
  sideIntegrals(): Float64Array[] {
    return this.sides.map((b) => b.values());
  }

  /** `shares().new` per resolver profile. */
  newShareByProfile(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (const [profile, integrals] of this.byProfile) out[profile] = normalise(integrals.map((b) => b.values())).new;
    return out;
  }

  /**
   * Share of client lookups per class per bin, behind the clients' stub caches: each group's
   * resolver-side step series, convolved with its stub's kernel, weighted by the group's client
   * lookup rate.
   */
  clientShares(groups: readonly ClientGroup[]): ClassSeries {
    return normalise(this.clientIntegrals(groups));
  }

  /** Client lookups (rate-weighted seconds) per class per bin behind the stub caches, before normalising. */
  clientIntegrals(groups: readonly ClientGroup[]): Float64Array[] {
    if (!this.finished) throw new Error('Metrics.clientIntegrals() before finish()');
    const totals = Array.from({ length: ANSWER_CLASS_COUNT }, () => new Float64Array(this.bins));
    for (const group of groups) {
      const weightOf = (node: number): number => group.clientsAt(node) * group.rate;
      for (let cls = 0; cls < ANSWER_CLASS_COUNT; cls++) {
        const series = this.stepSeries(cls, weightOf);
        const integrals = clientSideBinIntegrals(series, group.stub, group.rate, this.bin, this.bins);
        const total = totals[cls]!;
        for (let k = 0; k < this.bins; k++) total[k]! += integrals[k]!;
      }
    }
    return totals;
  }

  /**
   * The step series Σ_r weight(r)·[class of r at t = cls]: zero before any answer, changing only
   * where some resolver's class changes.
   */
  stepSeries(cls: number, weightOf: (node: number) => number): { times: Float64Array; values: Float64Array; before: number } {
    const order = this.changeOrder();
    const previous = new Map<number, number>();
    const times: number[] = [];
    const values: number[] = [];
    let value = 0;
    for (const i of order) {
      const node = this.changeNode[i]!;
      const to = this.changeClass[i]!;
      const from = previous.get(node) ?? -1;
      previous.set(node, to);
      const w = weightOf(node);
      if (from === cls) value -= w;
      if (to === cls) value += w;
      const t = this.changeTime[i]!;
      if (times.length > 0 && times[times.length - 1] === t) values[values.length - 1] = value;
      else {
        times.push(t);
        values.push(value);
      }
    }
    return { times: Float64Array.from(times), values: Float64Array.from(values), before: 0 };
  }

  /** Indices of the reported changes in time order (report order among equal times), sorted once per batch of changes. */
  private changeOrder(): readonly number[] {
    const n = this.changeTime.length;
    if (this.sortedChanges?.length !== n) {
      this.sortedChanges = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.changeTime[a]! - this.changeTime[b]! || a - b);
    }
    return this.sortedChanges;
  }

  private sortedChanges: number[] | undefined;

  /** Every reported change of answer class, in report order. */
  classChanges(): { node: number; time: number; cls: AnswerClass }[] {
    return this.changeTime.map((time, i) => ({ node: this.changeNode[i]!, time, cls: this.changeClass[i]! as AnswerClass }));
  }

  /** Queries per second per bin for each provider, from the network's counts. */
  static loadRates(load: LoadCounter, providers: readonly string[]): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    providers.forEach((name, index) => {
      out[name] = load.series(index).map((count) => count / load.bin);
    });
    return out;
  }

  private closeClassPiece(node: number, track: Track, end: number): void {
    if (track.cls < 0) return;
    const w = this.weights[node]!;
    this.lookups[track.cls]!.add(track.since, end, w);
    this.byProfile.get(this.profiles[node]!)![track.cls]!.add(track.since, end, w);
  }

  private track(tracks: Track[], node: number): Track {
    if (this.finished) throw new Error(`resolver ${node} reported after Metrics.finish()`);
    const track = tracks[node];
    if (track === undefined) throw new RangeError(`resolver ${node} reported to Metrics without being registered`);
    return track;
  }
}

function classIntegrals(bin: number, bins: number): BinIntegrals[] {
  return Array.from({ length: ANSWER_CLASS_COUNT }, () => new BinIntegrals(bin, bins));
}

/**
 * Below this share of a bin's lookups a class's value is rounding noise: the bin integrals are
 * differences of running sums, which leave residues around 1e-16 of the total in classes with
 * no lookups in the bin. No real share is this small (it would be a millionth of a lookup per bin
 * for a million clients).
 */
const NOISE = 1e-12;

/**
 * Each class's per-bin value divided by the bin's total over classes: every share in [0, 1], and
 * where the bin has lookups the shares add up to exactly 1 (summed in class order): the largest
 * class takes what rounding leaves over, or where that is not exact, the last. All 0 where the
 * bin has no lookups.
 */
export function normalise(perClass: readonly Float64Array[]): ClassSeries {
  const bins = perClass[0]!.length;
  const classes = perClass.length;
  const out = perClass.map(() => new Float64Array(bins));
  for (let k = 0; k < bins; k++) {
    let total = 0;
    for (let c = 0; c < classes; c++) total += Math.max(0, perClass[c]![k]!);
    if (!(total > 0)) continue;
    let largest = 0;
    let last = 0;
    for (let c = 0; c < classes; c++) {
      const share = Math.min(1, Math.max(0, perClass[c]![k]!) / total);
      out[c]![k] = share < NOISE ? 0 : share;
      if (out[c]![k]! > out[largest]![k]!) largest = c;
      if (out[c]![k]! > 0) last = c;
    }
    const kept = out[largest]![k]!;
    let others = 0;
    for (let c = 0; c < classes; c++) if (c !== largest) others += out[c]![k]!;
    out[largest]![k] = 1 - others;
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += out[c]![k]!;
    if (sum !== 1) {
      // Added up in class order, 1 − others can be an ulp off. Then the last class with lookups
      // takes 1 − p, p the sum of the shares before it, which adds up exactly: for p ≥ 1/2,
      // 1 − p is exact (Sterbenz); below, its rounding error is at most 2^-54 and p + (1 − p) rounds
      // to 1. (p < 1, since the last class's share is above the noise.)
      out[largest]![k] = kept;
      let prefix = 0;
      for (let c = 0; c < last; c++) prefix += out[c]![k]!;
      out[last]![k] = 1 - prefix;
    }
  }
  return { new: out[0]!, old: out[1]!, failed: out[2]!, stale: out[3]! };
}

