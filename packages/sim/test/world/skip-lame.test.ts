/**
 * Skipping must not carry an answer past the moment its servers stop giving it. BIND prefetches:
 * a lookup in the last 2 s of the answer's life is answered from the cache while a refresh runs.
 * When the old servers have gone lame (REFUSED) that refresh gets nothing, the cached answer is
 * left to expire, and the lookups after it fail until the new delegation is learnt. A skip plan
 * made after such a refresh would store the old answer again and again.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { lab } from './lab.ts';

function run(skip: boolean) {
  const l = lab({ horizon: 3 * 3600, bin: 300, parentTtl: 3600, wwwTtl: 60 });
  const nodes = Array.from({ length: 10 }, (_, i) => l.resolver(getProfile('bind-9.20'), 1.67, { skip, start: i * 360 }));
  l.changeDelegationAt(3600);
  l.old.scheduleState(l.world.network, 'lame', 3660);
  l.world.run();
  return { metrics: l.world.metrics, load: l.world.network.load, nodes };
}

describe('skipping with a lame old provider', () => {
  const on = run(true);
  const off = run(false);

  it('gives the same answer classes at the same times, the same refreshes and the same load', () => {
    expect(on.nodes.reduce((n, r) => n + r.skipped, 0)).toBeGreaterThan(0);
    expect(on.metrics.classChanges()).toEqual(off.metrics.classChanges());
    expect(on.nodes.map((r) => r.refreshes)).toEqual(off.nodes.map((r) => r.refreshes));
    for (let p = 0; p < 4; p++) expect(Array.from(on.load.series(p))).toEqual(Array.from(off.load.series(p)));
  });

  it('fails the lookups of resolvers still holding the old delegation after the servers refuse', () => {
    const failed = on.metrics.shares().failed;
    // Bins 12… start after the 3660 s decommission; every resolver holds the old delegation until its expiry.
    expect(failed[12]!).toBeGreaterThan(0.5);
    expect(Array.from(failed)).toEqual(Array.from(off.metrics.shares().failed));
    for (let k = 0; k < 12; k++) expect(failed[k]).toBe(0);
  });
});
