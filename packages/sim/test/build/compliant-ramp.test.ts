/**
 * Against a closed form: resolvers that honour a delegation TTL T hold delegations learnt at
 * moments spread evenly over the last T (the warm-up gives each cache that phase), so after the
 * registry publishes the change at P each one switches at its next expiry, uniform on [P, P + T):
 * the mean share of lookups answered by the new provider is min(1, (t − P)/T). With n resolvers of
 * equal weight the share at t is a binomial proportion, whose standard deviation is at most
 * √(1/4n); the bins are compared with the bin average of the closed form.
 */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/build/run-replication.ts';
import { lab } from './scenarios.ts';

const T = 3600;
const P = 3 * T;

/** Mean over the bin [a, b) of min(1, max(0, (t − P)/T)). */
function closedFormBinMean(a: number, b: number): number {
  const ramp = (t: number): number => {
    // Integral of the ramp from −∞ to t.
    const x = Math.max(0, t - P);
    return x <= T ? (x * x) / (2 * T) : T / 2 + (x - T);
  };
  return (ramp(b) - ramp(a)) / (b - a);
}

describe('a compliant population with delegation TTL T', () => {
  const n = 300;
  const scenario = lab({
    horizon: P + 2 * T,
    bin: 300,
    parentTtl: T,
    wwwTtl: 60,
    mix: ['{ profile: bind-9.20, share: 0.54 }', '{ profile: unbound, share: 0.3 }', '{ profile: powerdns, share: 0.16 }'],
    resolvers: n,
    clients: 100 * n,
    lookupsPerHour: 60,
    plan: [`{ at: ${P}, delegate: { to: new } }`],
  });
  const shares = [0, 1].map((r) => runReplication(scenario, r).byName[0]!.shares);

  it('switches along min(1, (t − P)/T) within sampling error', () => {
    const tolerance = 4 * Math.sqrt(1 / (4 * n * shares.length));
    const bins = shares[0]!.new.length;
    let checked = 0;
    for (let k = 0; k < bins; k++) {
      const a = k * scenario.bin;
      const mean = shares.reduce((sum, s) => sum + s.new[k]!, 0) / shares.length;
      expect(Math.abs(mean - closedFormBinMean(a, a + scenario.bin)), `bin ${k} (t = ${a} s)`).toBeLessThan(tolerance);
      if (a >= P && a < P + T) checked++;
    }
    expect(checked).toBe(T / scenario.bin);
  });

  it('has no failures and nothing new before the publication', () => {
    for (const s of shares) {
      for (const f of s.failed) expect(f).toBe(0);
      s.new.forEach((x, k) => {
        if ((k + 1) * scenario.bin <= P) expect(x).toBe(0);
      });
    }
  });

  it('is not what a population that learnt the delegation all at once would do (the test has teeth)', () => {
    // Halfway through the ramp the share is about one half, far from both 0 and 1.
    const k = (P + T / 2) / scenario.bin;
    const mean = shares.reduce((sum, s) => sum + s.new[k]!, 0) / shares.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.65);
  });
});
