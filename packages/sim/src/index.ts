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
export { RESULT_VERSION, type Result, type Band, type Shares, type Milestones, type NameSeries, type TimelineEntry, type ScenarioSummary } from './result.ts';
export type { ReplicationOutput, NameReplication, ClassArrays } from './replication.ts';
export { buildResult } from './aggregate/build-result.ts';
export { runStudy, type StudyOptions } from './study/run-study.ts';
export { parseShard, shardReplications, scenarioFingerprint, stringifyShard, type ShardSpec, type ShardFile } from './study/shard.ts';
export { mergeShards } from './study/merge-shards.ts';
export { readShardFile } from './study/read-shard.ts';
export { AnswerClass, ANSWER_CLASS_COUNT, ANSWER_CLASS_NAMES } from './world/answer-class.ts';
export { ChangeHorizon, type ChangeListener } from './world/change-horizon.ts';
export { LoadCounter, Network, NetworkError, type Endpoint, type Exchange, type NetworkClient, type ServerState } from './world/network.ts';
export { Provider, Registry, ServerNode, scheduleServerMove, scheduleServerState, type SyncStatus, type ZoneEdit } from './world/server-node.ts';
export { ResolverNode, type ForwardingClient, type ResolverNodeOptions, type ResolverObserver, type ResolverWorld } from './world/resolver-node.ts';
export { ForwarderNode, type ForwarderOptions } from './world/forwarder-node.ts';
export { Metrics, type ClassSeries, type ClientGroup } from './world/metrics.ts';
export { clientSideBinIntegrals, passThroughShare, resolverSideRate, StepIntegrals, type StepSeries, type StubCache } from './world/stub-kernel.ts';
export { BinIntegrals } from './world/bin-integrals.ts';
export { World, type ServerSpec, type WorldOptions } from './world/world.ts';
export { halflifeScenarioYaml, warmUp, type HalflifeSetup } from './teaching/halflife-scenario.ts';
export { halflifeRows, fittedHalfLife, tailMechanisms, ruleOfThumb, linearModel, type HalflifeRow, type TailShare } from './teaching/halflife-table.ts';
export { explainMechanism } from './teaching/tail-explanations.ts';
export { runReplication } from './build/run-replication.ts';
export { BuildError } from './build/errors.ts';
