/**
 * What every part of the builder shares: the scenario, the replication, and its random streams.
 * Every stream is named (seed, replication, entity path…), so adding an entity, or drawing more
 * from one, changes no other entity's draws (random/streams.ts).
 */
import { streamFor, type RandomStream, type StreamPathComponent } from '../random/streams.ts';
import type { Scenario } from '../scenario/types.ts';

export interface BuildContext {
  scenario: Scenario;
  replication: number;
  stream(...path: StreamPathComponent[]): RandomStream;
}

export function buildContext(scenario: Scenario, replication: number): BuildContext {
  if (!Number.isInteger(replication) || replication < 0) throw new RangeError(`replication must be a whole number ≥ 0, got ${replication}`);
  return { scenario, replication, stream: (...path) => streamFor(scenario.seed, replication, ...path) };
}
