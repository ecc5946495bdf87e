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
    // The part's series move to the main thread rather than being copied: the world is done with them.
    port.postMessage({ replication: request.replication, output } satisfies WorkerReply, seriesBuffers(output));
  } catch (error) {
    port.postMessage({ replication: request.replication, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
  }
});

/** The buffers under a part's series, each once. */
function seriesBuffers(output: PartOutput): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (a: Float64Array): void => {
    if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  };
  for (const name of output.clients) name.perClass.forEach(add);
  for (const counts of output.queries) Object.values(counts).forEach(add);
  output.sides.forEach(add);
  for (const perClass of Object.values(output.byLabel)) perClass.forEach(add);
  return [...buffers];
}
