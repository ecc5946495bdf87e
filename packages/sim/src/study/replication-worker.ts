/**
 * A worker thread that runs replications of one scenario: it receives the scenario once, then
 * replication numbers, and posts each ReplicationOutput back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runReplication } from '../build/run-replication.ts';
import type { Scenario } from '../scenario/types.ts';

export type WorkerRequest = { replication: number } | { stop: true };
export type WorkerReply = { replication: number; output: ReturnType<typeof runReplication> } | { replication: number; error: string };

const { scenario, skip } = workerData as { scenario: Scenario; skip: boolean };
const port = parentPort;
if (!port) throw new Error('replication-worker.ts must run in a worker thread');

port.on('message', (request: WorkerRequest) => {
  if ('stop' in request) {
    port.close();
    return;
  }
  try {
    const output = runReplication(scenario, request.replication, { skip });
    port.postMessage({ replication: request.replication, output } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ replication: request.replication, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
  }
});
