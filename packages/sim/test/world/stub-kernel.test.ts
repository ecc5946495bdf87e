/**
 * The stub kernel: exact on step series computed by hand, and in agreement with a brute-force
 * simulation of individual clients behind hold-H stubs. Also the bin integrals it rests on.
 */
import { describe, expect, it } from 'vitest';
import { streamFor } from '../../src/random/streams.ts';
import { BinIntegrals } from '../../src/world/bin-integrals.ts';
import { clientSideBinIntegrals, passThroughShare, resolverSideRate, StepIntegrals, type StepSeries } from '../../src/world/stub-kernel.ts';

/** 0 before t = 10, 1 from then on. */
const step: StepSeries = { times: [10], values: [1], before: 0 };

describe('step integrals', () => {
  it('S₁ and S₂ of a step are the ramp and the half parabola', () => {
    const s = new StepIntegrals(step);
    expect(s.first(5)).toBe(0);
    expect(s.first(13)).toBe(3);
    expect(s.second(13)).toBe(4.5);
    expect(s.second(10)).toBe(0);
  });

  it('a series with a value before its first point integrates it from 0', () => {
    const s = new StepIntegrals({ times: [2, 5], values: [3, -1], before: 1 });
    // ∫₀⁷ = 2·1 + 3·3 + 2·(−1) = 9
    expect(s.first(7)).toBeCloseTo(9, 12);
    // S₂(4) = ∫₀⁴ S₁: S₁(u) = u on [0,2], 2 + 3(u−2) on [2,4] → 2 + (2·2 + 3·2) = 12
    expect(s.second(4)).toBeCloseTo(12, 12);
  });
});

describe('the hold-H kernel on hand-computed inputs', () => {
  it('a step behind a 4 s stub with μ = 0.5/s: p = 1/3 sees it at once, the rest ramp in over 4 s', () => {
    const stub = { kind: 'hold', seconds: 4 } as const;
    expect(passThroughShare(stub, 0.5)).toBeCloseTo(1 / 3, 15);
    // Bins of 2 s from 0: c(t) = 1/3 + (2/3)(t−10)/4 on [10, 14), 1 after.
    const bins = clientSideBinIntegrals(step, stub, 0.5, 2, 9);
    const expected = [0, 0, 0, 0, 0, 2 / 3 + (2 / 3) * 0.5, 2 / 3 + (2 / 3) * 1.5, 2, 2];
    bins.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 12));
  });

  it('a pulse of width 1 s behind a 4 s stub spreads a quarter of its held share over each of the next 4 s', () => {
    const pulse: StepSeries = { times: [10, 11], values: [1, 0], before: 0 };
    const stub = { kind: 'hold', seconds: 4 } as const;
    const p = passThroughShare(stub, 1);
    const bins = clientSideBinIntegrals(pulse, stub, 1, 1, 16);
    // Direct: p in bin 10. Held: (1−p)/4 · ∫ of the box average, which is a trapezoid.
    const held = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 / 8, 1 / 4, 1 / 4, 1 / 4, 1 / 8, 0];
    bins.forEach((v, k) => expect(v).toBeCloseTo((k === 10 ? p : 0) + (1 - p) * held[k]!, 12));
    // Nothing is lost: the total is the pulse's integral.
    expect(bins.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('no stub and TTL-honouring stubs pass the series through unchanged', () => {
    for (const stub of [{ kind: 'none' } as const, { kind: 'ttl', cap: 7200 } as const]) {
      const bins = clientSideBinIntegrals(step, stub, 0.5, 2, 7);
      expect(Array.from(bins)).toEqual([0, 0, 0, 0, 0, 2, 2]);
      expect(resolverSideRate(stub, 0.5)).toBe(0.5);
    }
    expect(resolverSideRate({ kind: 'hold', seconds: 60 }, 0.1)).toBeCloseTo(0.1 / 7, 15);
  });
});

describe('the hold-H kernel against individual clients', () => {
  it('agrees with simulated clients within sampling error, and so does the share reaching the resolver', () => {
    // The resolver answers "new" on [100, 150) and from 170 on; "old" elsewhere.
    const series: StepSeries = { times: [100, 150, 170], values: [1, 0, 1], before: 0 };
    const isNew = (t: number) => (t >= 100 && t < 150) || t >= 170;
    const hold = 30;
    const mu = 0.2;
    const clients = 20000;
    const bin = 10;
    const bins = 25;
    const lookups = new Float64Array(bins);
    const newLookups = new Float64Array(bins);
    let reached = 0;
    let total = 0;
    const random = streamFor(5, 'brute-force clients').next;
    for (let c = 0; c < clients; c++) {
      // Start well before 0 so each stub is in its steady state by then.
      let t = -1000 - 100 * random();
      let filledAt = -Infinity;
      let held = false;
      for (;;) {
        t += -Math.log(1 - random()) / mu;
        if (t >= bin * bins) break;
        if (t >= filledAt + hold) {
          filledAt = t;
          held = isNew(t);
          if (t >= 0) reached++;
        }
        if (t < 0) continue;
        total++;
        const k = Math.floor(t / bin);
        lookups[k]!++;
        if (held) newLookups[k]!++;
      }
    }
    const stub = { kind: 'hold', seconds: hold } as const;
    const expected = clientSideBinIntegrals(series, stub, mu, bin, bins);
    for (let k = 0; k < bins; k++) {
      const share = newLookups[k]! / lookups[k]!;
      const predicted = expected[k]! / bin;
      // Lookups within a stub's hold share its answer, so count each client's draws as about one.
      const sd = Math.sqrt((predicted * (1 - predicted) + 1e-3) / (clients * Math.min(1, mu * bin)));
      expect(Math.abs(share - predicted), `bin ${k}: ${share} vs ${predicted}`).toBeLessThan(4.5 * sd);
    }
    const p = passThroughShare(stub, mu);
    expect(Math.abs(reached / total - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / total) * 3);
  });
});

describe('bin integrals', () => {
  it('adds intervals spanning many bins exactly, including parts before 0 and after the last bin', () => {
    const b = new BinIntegrals(10, 5);
    b.add(-5, 25, 2); // 2 over [0, 25)
    b.add(33, 33.5, 4); // 2 in bin 3
    b.add(45, 80, 1); // 5 in bin 4
    expect(Array.from(b.values())).toEqual([20, 20, 10, 2, 5]);
  });
});
