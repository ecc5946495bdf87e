/**
 * A worker thread that runs parts of replications of one scenario (build/parts.ts): it receives
 * the scenario once, then (replication, part) pairs, and posts each PartOutput back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runPart, type PartOutput } from '../build/run-replication.ts';
import type { Part } from '../build/parts.ts';
import type { Scenario } from '../scenario/types.ts';

export type WorkerRequest = { replication: number; part: Part | undefined } | { stop: true };
export type WorkerReply = { replication: number; output: PartOutput } | { replication: number; error: string };

const { scenario, skip } = workerData as { scenario: Scenario; skip: boolean };
const port = parentPort;
if (!port) throw new Error('replication-worker.ts must run in a worker thread');

port.on('message', (request: WorkerRequest) => {
  if ('stop' in request) {
    port.close();
    return;
  }
  try {
    const output = runPart(scenario, request.replication, request.part, { skip });
    port.postMessage({ replication: request.replication, output } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ replication: request.replication, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
  }
});
