/**
 * Repeating refreshes from templates (docs/simulation.md, "Repeating a refresh") is an
 * optimisation, not a model. The benchmark's reference scenario, scaled down, is the case it is
 * for: the old provider's NS set with TTL 900 expires every quarter of an hour, and each expiry
 * sends the resolver back to com. Run with skipping on and off from the same seed, the world
 * gives byte-identical output, while most of those refreshes are repeated rather than run.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorld, type BuiltWorld } from '../../src/build/build-world.ts';
import { runReplication } from '../../src/build/run-replication.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const file = resolve(import.meta.dirname, '../../../../scenarios/reference-bench.yaml');

async function scenario() {
  const s = await loadScenario(file);
  return { ...s, horizon: 3 * 86400, resolvers: { ...s.resolvers, count: 60 }, clients: { ...s.clients, count: 6000 } };
}

function run(s: Awaited<ReturnType<typeof scenario>>, skip: boolean): BuiltWorld {
  const built = buildWorld(s, 0, 0, { skip });
  built.world.run();
  return built;
}

describe('repeating refreshes from templates', () => {
  it('repeats most of the refreshes that re-learn the delegation, and changes nothing', async () => {
    const s = await scenario();
    const on = run(s, true);
    const off = run(s, false);
    const sum = (b: BuiltWorld, f: (n: BuiltWorld['world']['resolvers'][number]) => number) => b.world.resolvers.reduce((t, n) => t + f(n), 0);
    const repeated = sum(on, (n) => n.repeated);
    const real = sum(on, (n) => n.refreshes - n.skipped - n.repeated);
    expect(repeated).toBeGreaterThan(real);
    // Most repeats follow a repeat and run ahead of the clock; the plan's changes take some back.
    expect(sum(on, (n) => n.ranAhead)).toBeGreaterThan(repeated / 2);
    expect(sum(on, (n) => n.takenBack)).toBeGreaterThan(0);
    expect(sum(off, (n) => n.repeated)).toBe(0);
    expect(on.world.resolvers.map((n) => n.refreshes)).toEqual(off.world.resolvers.map((n) => n.refreshes));
    expect(on.world.metrics.classChanges()).toEqual(off.world.metrics.classChanges());
    on.world.providers.forEach((p) => expect(Array.from(on.world.network.load.series(p.index))).toEqual(Array.from(off.world.network.load.series(p.index))));
  });

  it('gives the same Result to the byte', async () => {
    const s = await scenario();
    expect(JSON.stringify(runReplication(s, 1, { skip: true }))).toBe(JSON.stringify(runReplication(s, 1, { skip: false })));
  });
});
