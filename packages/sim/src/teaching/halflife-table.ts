import type { Result } from '../result.ts';
import type { ReplicationOutput } from '../replication.ts';

/** One row of the teaching table: shares on the new provider after `periods` TTLs. */
export interface HalflifeRow {
  periods: number;
  /** The seed article's rule: 1 − 2^(−periods). */
  ruleOfThumb: number;
  /** Every resolver honours the TTL and is asked often: switch times uniform on [0, T). */
  linear: number;
  /** The simulation's mean share of client lookups on the new provider. */
  simulated: number;
}

export function ruleOfThumb(periods: number): number {
  return 1 - 2 ** -periods;
}

export function linearModel(periods: number): number {
  return Math.min(1, Math.max(0, periods));
}

/** The mean new share at the bin that starts `seconds` after the change. */
function shareAfter(result: Result, seconds: number): number {
  const k = Math.round((result.changeAt + seconds) / result.scenario.bin);
  return result.shares.new.mean[Math.min(k, result.t.length - 1)] as number;
}

export function halflifeRows(result: Result, ttl: number, periods: number): HalflifeRow[] {
  return Array.from({ length: periods }, (_, i) => {
    const k = i + 1;
    return { periods: k, ruleOfThumb: ruleOfThumb(k), linear: linearModel(k), simulated: shareAfter(result, k * ttl) };
  });
}

/**
 * The half-life h for which 1 − 2^(−t/h) best fits the simulated share over the table's span
 * (least squares on every bin from the change on), found by golden-section search on log h: the
 * error is unimodal in h for a rising curve.
 */
export function fittedHalfLife(result: Result, ttl: number, periods: number): number {
  const points: [number, number][] = [];
  result.t.forEach((t, k) => {
    const after = t - result.changeAt;
    if (after >= 0 && after <= periods * ttl) points.push([after, result.shares.new.mean[k] as number]);
  });
  const error = (logH: number) => {
    const h = Math.exp(logH);
    let sum = 0;
    for (const [t, y] of points) sum += (y - (1 - 2 ** (-t / h))) ** 2;
    return sum;
  };
  let lo = Math.log(ttl / 1000);
  let hi = Math.log(ttl * 1000);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 100; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (error(a) <= error(b)) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** What keeps lookups on the old provider once one TTL has passed, as shares of those late lookups. */
export interface TailShare {
  /** A resolver mix label, or "stub caches". */
  mechanism: string;
  share: number;
}

/**
 * Splits the late lookups (client lookups answered from the old provider from one TTL after the
 * change to the end of the table) between the resolver populations that answered them and the
 * stub caches that held answers past the resolvers' switch. Both sides are taken as shares of
 * their own lookups (stub caches thin the stream a resolver sees): each label's old share of the
 * resolver-side lookups, and whatever the clients saw on the old provider beyond the resolvers'
 * total is the stubs'.
 */
export function tailMechanisms(result: Result, outputs: readonly ReplicationOutput[], ttl: number, periods: number): TailShare[] {
  const from = result.changeAt + ttl;
  const to = result.changeAt + periods * ttl;
  const inSpan = (k: number) => (result.t[k] as number) >= from && (result.t[k] as number) < to;
  const lateByLabel = new Map<string, number>();
  let resolverLookups = 0;
  let clientOld = 0;
  let clientLookups = 0;
  for (const output of outputs) {
    const first = output.byName[0];
    if (!first) continue;
    first.lookups.forEach((n, k) => {
      if (!inSpan(k)) return;
      clientOld += (first.shares.old[k] as number) * n;
      clientLookups += n;
    });
    for (const [label, share] of Object.entries(output.byProfile)) {
      const weights = output.byProfileLookups[label] ?? [];
      share.forEach((s, k) => {
        if (!inSpan(k)) return;
        const n = weights[k] ?? 0;
        lateByLabel.set(label, (lateByLabel.get(label) ?? 0) + (1 - s) * n);
        resolverLookups += n;
      });
    }
  }
  if (resolverLookups <= 0 || clientLookups <= 0) return [];
  const rows: TailShare[] = [...lateByLabel].map(([mechanism, late]) => ({ mechanism, share: late / resolverLookups }));
  const resolverOld = rows.reduce((sum, r) => sum + r.share, 0);
  const clientShare = clientOld / clientLookups;
  if (clientShare > resolverOld) rows.push({ mechanism: 'stub caches', share: clientShare - resolverOld });
  const total = Math.max(clientShare, resolverOld);
  if (total <= 0) return [];
  return rows
    .map((r) => ({ mechanism: r.mechanism, share: r.share / total }))
    .filter((r) => r.share >= 0.001)
    .sort((a, b) => b.share - a.share || a.mechanism.localeCompare(b.mechanism));
}
