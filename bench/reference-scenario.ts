import { resolve } from 'node:path';
import { loadScenario } from '../packages/sim/src/scenario/load.ts';
import type { Scenario } from '../packages/sim/src/scenario/types.ts';

/** scenarios/reference-bench.yaml: the size the simulation's goals are stated for. */
export const REFERENCE_FILE = resolve(import.meta.dirname, '../scenarios/reference-bench.yaml');

/** A size for the reference scenario; every field defaults to the scenario's own. */
export interface ReferenceScale {
  resolvers: number;
  clients: number;
  days: number;
}

/**
 * The reference scenario, optionally smaller: fewer resolvers and clients (the mix, the spread and
 * the per-client rate unchanged) or fewer days (the plan unchanged, so a short run sees only its
 * beginning). Used for figures that must be quick to rerun.
 */
export async function referenceScenario(scale: Partial<ReferenceScale> = {}): Promise<Scenario> {
  const scenario = await loadScenario(REFERENCE_FILE);
  return {
    ...scenario,
    horizon: scale.days === undefined ? scenario.horizon : scale.days * 86400,
    resolvers: { ...scenario.resolvers, count: scale.resolvers ?? scenario.resolvers.count },
    clients: { ...scenario.clients, count: scale.clients ?? scenario.clients.count },
  };
}

/** "1,000 resolvers, 100,000 clients, 3 days" for figure names. */
export function describeScale(scenario: Scenario): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(scenario.resolvers.count)} resolvers, ${n(scenario.clients.count)} clients, ${n(scenario.horizon / 86400)} days`;
}
