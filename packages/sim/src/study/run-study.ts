import { Worker } from 'node:worker_threads';
import { partCount, type Part } from '../build/parts.ts';
import { PartSums } from '../build/part-sums.ts';
import { runWorlds } from '../build/run-replication.ts';
import type { ReplicationOutput } from '../replication.ts';
import type { Scenario } from '../scenario/types.ts';
import type { WorkerReply } from './replication-worker.ts';

export interface StudyOptions {
  /** Replication numbers to run (a shard runs a subset); default 0 … scenario.replications − 1. */
  replications?: readonly number[];
  /** Worker threads; 1 runs in this thread. */
  workers?: number;
  /** Called after each replication finishes. */
  onProgress?: (done: number, total: number) => void;
  /** Skip refreshes that cannot change anything (docs/simulation.md); off only to test that it changes nothing. */
  skip?: boolean;
  /** Parts per replication; the scenario's own count by default (build/parts.ts). Tests split small replications. */
  parts?: number;
}

/**
 * Runs replications of a scenario, in worker threads when asked. Each replication draws only from
 * streams derived from (seed, replication, entity), so which thread runs it changes nothing; the
 * outputs come back in replication order. The threads share out the parts of the replications
 * (build/parts.ts), so a study of one large replication keeps every thread busy too.
 */
export async function runStudy(scenario: Scenario, opts: StudyOptions = {}): Promise<ReplicationOutput[]> {
  const wanted = opts.replications ?? Array.from({ length: scenario.replications }, (_, i) => i);
  const parts = opts.parts ?? partCount(scenario);
  const workers = Math.max(1, Math.min(opts.workers ?? 1, wanted.length * parts));
  const skip = opts.skip ?? true;
  const outputs = workers === 1 ? await runHere(scenario, wanted, skip, parts, opts.onProgress) : await runInWorkers(scenario, wanted, workers, skip, parts, opts.onProgress);
  return outputs.sort((a, b) => a.replication - b.replication);
}

async function runHere(scenario: Scenario, wanted: readonly number[], skip: boolean, parts: number, onProgress?: StudyOptions['onProgress']): Promise<ReplicationOutput[]> {
  const outputs: ReplicationOutput[] = [];
  for (const replication of wanted) {
    outputs.push(runWorlds(scenario, replication, { skip, parts }));
    onProgress?.(outputs.length, wanted.length);
    // Lets a progress bar repaint and signals arrive between replications.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outputs;
}

/**
 * A worker's heap. A part's resolvers keep their cache entries, templates and plans for minutes
 * of simulated time, which is milliseconds of the worker's: with V8's default young generation
 * (16 MiB semi-spaces) much of that survives two scavenges and is copied and promoted. Semi-spaces
 * of 128 MiB (a young generation of 3 × 128) let it die young. On the reference replication
 * (2 workers, 200 parts of 50 resolvers): 40.8 s with a young generation of 48 MiB, 33.9 s with
 * 96, 30.4–31.7 s with 192, 28.1–32.1 s with 384, 29.1 s with 768; peak memory 0.5, 0.56, 0.7,
 * 0.95 and 1.4 GB.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 384 };

function runInWorkers(scenario: Scenario, wanted: readonly number[], count: number, skip: boolean, parts: number, onProgress?: StudyOptions['onProgress']): Promise<ReplicationOutput[]> {
  const queue: { replication: number; part: Part | undefined }[] = wanted.flatMap((replication) =>
    Array.from({ length: parts }, (_, index) => ({ replication, part: parts === 1 ? undefined : { index, count: parts } })),
  );
  return new Promise((resolve, reject) => {
    const outputs: ReplicationOutput[] = [];
    const pending = new Map<number, PartSums>();
    const pool: Worker[] = [];
    let failed = false;
    const stopAll = () => {
      for (const w of pool) void w.terminate();
    };
    const feed = (worker: Worker) => {
      const next = queue.shift();
      if (next === undefined) worker.postMessage({ stop: true });
      else worker.postMessage(next);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { scenario, skip }, resourceLimits: WORKER_LIMITS });
      pool.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          failed = true;
          stopAll();
          reject(new Error(`replication ${reply.replication} failed: ${reply.error}`));
          return;
        }
        let sums = pending.get(reply.replication);
        if (sums === undefined) {
          sums = new PartSums(scenario, parts);
          pending.set(reply.replication, sums);
        }
        sums.add(reply.output);
        if (sums.complete) {
          pending.delete(reply.replication);
          outputs.push(sums.result());
          onProgress?.(outputs.length, wanted.length);
        }
        if (outputs.length === wanted.length) {
          stopAll();
          resolve(outputs);
        } else feed(worker);
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        stopAll();
        reject(error);
      });
      feed(worker);
    }
  });
}
