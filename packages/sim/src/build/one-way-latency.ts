/**
 * The scenario gives the round-trip time between a resolver and an authoritative server; the
 * network draws each direction of a query separately. Halving the distribution (every form that
 * scales: a constant, a uniform, an exponential, a normal, a lognormal, an empirical or a choice)
 * makes the two draws add up to the scenario's round trip on average.
 */
import type { CheckedDistribution } from '../random/distribution.ts';
import type { Scenario } from '../scenario/types.ts';
import { BuildError } from './errors.ts';

export function oneWayLatency(scenario: Scenario): CheckedDistribution {
  const rtt = scenario.resolvers.latency;
  const half = (x: number): number => x / 2;
  if ('constant' in rtt) return { constant: half(rtt.constant) };
  if ('uniform' in rtt) return { uniform: { min: half(rtt.uniform.min), max: half(rtt.uniform.max) } };
  if ('exponential' in rtt) return { exponential: { mean: half(rtt.exponential.mean) } };
  if ('normal' in rtt) return { normal: { mean: half(rtt.normal.mean), sd: half(rtt.normal.sd) } };
  if ('lognormal' in rtt) return { lognormal: { mu: rtt.lognormal.mu - Math.LN2, sigma: rtt.lognormal.sigma } };
  if ('empirical' in rtt) return { empirical: { values: rtt.empirical.values.map(half), weights: rtt.empirical.weights } };
  if ('choice' in rtt) return { choice: rtt.choice.map(half) };
  throw new BuildError(scenario.file, 'resolvers.latency', 'a zipf distribution of ranks is not a latency; give a duration or a continuous distribution');
}
