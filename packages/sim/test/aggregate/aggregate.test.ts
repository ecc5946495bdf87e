import { describe, expect, it } from 'vitest';
import { bandOf, quantile } from '../../src/aggregate/band.ts';
import { milestonesOf, settledAfter } from '../../src/aggregate/milestones.ts';
import { DECOMMISSION_THRESHOLD, failuresIfDecommissionedAt, safeDecommissionAfter } from '../../src/aggregate/decommission.ts';
import { parseShard, shardReplications } from '../../src/study/shard.ts';

describe('quantile (type 7)', () => {
  it('matches R and NumPy on a textbook sample', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // numpy.percentile(range(1, 11), [5, 50, 95]) = [1.45, 5.5, 9.55]
    expect(quantile(x, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantile(x, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(x, 0.95)).toBeCloseTo(9.55, 12);
  });
  it('gives the only value of a single replication for every percentile', () => {
    expect(bandOf([[0.25, 0.5]])).toEqual({ mean: [0.25, 0.5], p05: [0.25, 0.5], p95: [0.25, 0.5] });
  });
  it('takes mean and percentiles per bin, whatever the order of replications', () => {
    const a = bandOf([[0, 1], [1, 0], [0.5, 0.5]]);
    const b = bandOf([[0.5, 0.5], [0, 1], [1, 0]]);
    expect(a).toEqual(b);
    expect(a.mean).toEqual([0.5, 0.5]);
    expect(a.p05[0]).toBeCloseTo(0.05, 12);
    expect(a.p95[0]).toBeCloseTo(0.95, 12);
  });
});

describe('milestones', () => {
  const t = [0, 60, 120, 180, 240, 300];
  it('are read from the change, at the first bin from which the share stays above the level', () => {
    const share = [0, 0.2, 0.6, 0.95, 0.995, 1];
    expect(milestonesOf(t, share, 60)).toEqual({ t50: 60, t90: 120, t99: 180, t999: 240 });
  });
  it('do not count a level that is reached and then lost', () => {
    expect(settledAfter(t, [0, 0.95, 0.4, 0.6, 0.95, 0.95], 0.9, 0)).toBe(240);
  });
  it('are null when the level is never held to the end', () => {
    expect(settledAfter(t, [0, 0.5, 0.6, 0.7, 0.8, 0.89], 0.9, 0)).toBeNull();
  });
});

describe('decommissioning the old provider', () => {
  const t = [0, 100, 200, 300, 400];
  it('is safe from the first bin after which it answers under 1 lookup in 10,000', () => {
    const old = [1, 0.5, DECOMMISSION_THRESHOLD * 2, DECOMMISSION_THRESHOLD / 2, 0];
    expect(safeDecommissionAfter(t, old, 100)).toBe(200);
  });
  it('is never safe within the horizon while a tail remains', () => {
    expect(safeDecommissionAfter(t, [1, 0.5, 0.1, 0.01, 0.001], 0)).toBeNull();
  });
  it('would fail the old share of all lookups from that moment to the end', () => {
    const old = [1, 0.5, 0.25, 0, 0];
    const lookups = [10, 10, 20, 10, 10];
    const f = failuresIfDecommissionedAt(t, old, lookups, 100);
    expect(f.t).toEqual([0, 100, 200, 300]);
    // from t=100: (0.5·10 + 0.25·20) / (10+20+10+10) = 10/50
    expect(f.share[0]).toBeCloseTo(0.2, 12);
    expect(f.share[1]).toBeCloseTo(5 / 40, 12);
    expect(f.share[3]).toBe(0);
  });
});

describe('shards', () => {
  it('split replications round-robin so that the slices cover each exactly once', () => {
    const slices = [1, 2, 3].map((k) => shardReplications(8, { k, n: 3 }));
    expect(slices).toEqual([[0, 3, 6], [1, 4, 7], [2, 5]]);
    expect(slices.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
  it('refuse a malformed --shard', () => {
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1-3', '']) expect(() => parseShard(bad)).toThrow(/expected k\/n/);
    expect(parseShard('2/8')).toEqual({ k: 2, n: 8 });
  });
});
