export { Engine, NO_EVENT, type EventCallback, type EventHandle } from './engine/engine.ts';
export { EngineCapacityError, EngineReentryError, EventTimeError } from './engine/errors.ts';
export { streamFor, RandomStreamError, type RandomStream, type StreamPathComponent } from './random/streams.ts';
export {
  parseDistribution,
  checkWeights,
  lognormalFromMedianP95,
  lognormalFromMeanSd,
  DistributionError,
  type Distribution,
  type CheckedDistribution,
  type LognormalSpec,
} from './random/distribution.ts';
export { sampler, standardNormalSampler } from './random/sampler.ts';
export { zipfSampler } from './random/zipf.ts';
export { aliasTable, aliasSampler, weightedChoice, type AliasTable } from './random/alias-table.ts';
export { ksStatistic, ksCriticalValue, ksPValue } from './stats/ks.ts';
export { loadScenario, parseScenario, type ParseOptions } from './scenario/load.ts';
export { ScenarioError, formatProblem, type ScenarioProblem } from './scenario/errors.ts';
export { parseDuration, formatDuration, DurationError } from './scenario/duration.ts';
export { RESOLVER_MIXES, STUB_MIXES } from './scenario/defaults.ts';
export type * from './scenario/types.ts';
