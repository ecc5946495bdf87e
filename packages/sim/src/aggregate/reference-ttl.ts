import { RRType } from '@cutover/resolver';
import type { Scenario } from '../scenario/types.ts';

/**
 * The TTL a planner means by "the TTL" when reading the rule of thumb: the old provider's apex NS
 * TTL in force when the delegation change is submitted, after any set-ttl the plan applied before
 * it (the Route 53 guide lowers it to 900 two days ahead).
 */
export function referenceTtl(scenario: Scenario, changeAt: number): number {
  const old = scenario.providers.find((p) => p.name === scenario.delegation.to);
  let ttl = old?.nsTtl ?? 0;
  let setAt = -Infinity;
  for (const action of scenario.plan) {
    if (action.kind !== 'set-ttl' || action.provider !== scenario.delegation.to || action.type !== RRType.NS) continue;
    if (action.name !== scenario.domain || action.at === null || action.at > changeAt || action.at < setAt) continue;
    ttl = action.ttl;
    setAt = action.at;
  }
  return ttl;
}

/** The provider the plan first delegates to, or the starting one if the plan never delegates. */
export function newProviderName(scenario: Scenario): string {
  for (const action of scenario.plan) if (action.kind === 'delegate' && action.to !== scenario.delegation.to) return action.to;
  return scenario.delegation.to;
}
