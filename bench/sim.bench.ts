import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { runStudy } from '../packages/sim/src/study/run-study.ts';
import { goalFigure, figure, type BenchFigure } from './figure.ts';
import { describeScale, referenceScenario, type ReferenceScale } from './reference-scenario.ts';

/**
 * The simulation at the size its goals are stated for (issue 3): one replication of
 * scenarios/reference-bench.yaml within 30 s and 2 GiB on the 2-core machine, and the speed-up
 * of 8 replications on 2 workers over 1. Each replication runs in a child process so that its
 * peak memory is its own.
 *
 * The full reference replication takes about half a minute on 2 workers (its 400 parts shared
 * out; build/parts.ts); `CUTOVER_BENCH_REFERENCE=reduced` runs it at a tenth of the resolvers and
 * clients instead (all 14 days, on 1 worker). A quick figure (1,000 resolvers, 3 days, 1 worker)
 * tracks the per-resolver cost, and the speed-up is measured on 8 small replications.
 */
const GOAL_SECONDS = 30;
const GOAL_BYTES = 2 * 1024 ** 3;
const CHILD = resolve(import.meta.dirname, 'sim-replication.child.ts');

const QUICK: ReferenceScale = { resolvers: 1000, clients: 100_000, days: 3 };
const REDUCED_REFERENCE: Partial<ReferenceScale> = { resolvers: 1000, clients: 100_000 };
const SPEEDUP: ReferenceScale = { resolvers: 1000, clients: 100_000, days: 2 };
const SPEEDUP_REPLICATIONS = 8;

interface ChildRun {
  seconds: number;
  peakBytes: number;
  workers: number;
  parts: number;
}

export async function benchSimulation(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];

  const quickScenario = await referenceScenario(QUICK);
  const quick = await replicationInChild(QUICK);
  figures.push(goalFigure(`one replication, reference scaled to ${describeScale(quickScenario)} (baseline: the 30 s goal; ratio goal/time, ≥ 1 meets it)`, 's', quick.seconds, GOAL_SECONDS));

  const full = process.env.CUTOVER_BENCH_REFERENCE !== 'reduced';
  const referenceScale = full ? {} : REDUCED_REFERENCE;
  const reference = await referenceScenario(referenceScale);
  const size = full ? `full size: ${describeScale(reference)}` : `reduced to ${describeScale(reference)}`;
  const run = await replicationInChild(referenceScale, full ? 2 : 1);
  const on = `${run.parts} part${run.parts === 1 ? '' : 's'} on ${run.workers} worker${run.workers === 1 ? '' : 's'}`;
  figures.push(goalFigure(`one replication of reference-bench.yaml, ${size}, ${on} (baseline: the 30 s goal; ratio goal/time, ≥ 1 meets it)`, 's', run.seconds, GOAL_SECONDS));
  figures.push(goalFigure(`peak memory of that replication (baseline: the 2 GiB goal; ratio goal/peak, ≥ 1 meets it)`, 'MiB', run.peakBytes / 1024 ** 2, GOAL_BYTES / 1024 ** 2));

  const small = { ...(await referenceScenario(SPEEDUP)), replications: SPEEDUP_REPLICATIONS };
  const oneWorker = await timed(() => runStudy(small, { workers: 1 }));
  const twoWorkers = await timed(() => runStudy(small, { workers: 2 }));
  figures.push(
    figure(
      `speed-up of ${SPEEDUP_REPLICATIONS} replications on 2 workers over 1 (reference scaled to ${describeScale(small)}; ${oneWorker.toFixed(1)} s on 1; baseline: the ideal 2)`,
      '×',
      oneWorker / twoWorkers,
      2,
    ),
  );
  return figures;
}

async function replicationInChild(scale: Partial<ReferenceScale>, workers = 1): Promise<ChildRun> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(scale), String(workers)], {
    maxBuffer: 1 << 20,
    cwd: resolve(import.meta.dirname, '..'),
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildRun;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}
