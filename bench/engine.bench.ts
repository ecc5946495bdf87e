import { fileURLToPath } from 'node:url';
import { Engine, sampler, streamFor } from '@cutover/sim';
import { bestOf, figure, type BenchFigure } from './figure.ts';

/**
 * The engine's events per second on the simulation's commonest pattern, many Poisson sources
 * each rescheduling itself after an exponential delay, next to a bare typed-array heap doing the
 * same pushes and pops with no callbacks, slot table or handles. The ratio is what the engine's
 * bookkeeping costs (goal ≥ 0.5); both loops draw the same delays from the same sampler, so the
 * random numbers' cost is in both.
 */
const SOURCES = 1000;
const EVENTS = 10_000_000;
const MEAN_DELAY = 1;

export async function benchEngine(): Promise<BenchFigure[]> {
  const engineSeconds = bestOf(3, () => runEngine(EVENTS));
  const bareSeconds = bestOf(3, () => runBareHeap(EVENTS));
  return [
    figure(
      `engine events per second (${SOURCES} Poisson sources, ${EVENTS / 1e6}M events; baseline: bare typed-array heap)`,
      'events/s',
      EVENTS / engineSeconds,
      EVENTS / bareSeconds,
    ),
  ];
}

function delaySampler(): () => number {
  return sampler({ exponential: { mean: MEAN_DELAY } }, streamFor(1, 'bench', 'engine'));
}

/** Runs exactly `events` events through the engine and returns the final clock (so no work is dead). */
function runEngine(events: number): number {
  const engine = new Engine();
  const delay = delaySampler();
  let scheduled = SOURCES;
  const arrive = (source: number) => {
    if (scheduled < events) {
      scheduled++;
      engine.scheduleAfter(delay(), arrive, source);
    }
  };
  for (let source = 0; source < SOURCES; source++) engine.scheduleAt(delay(), arrive, source);
  engine.run();
  return engine.now;
}

/**
 * The same workload on the least an event queue can be: a binary heap of (time, sequence,
 * source) in typed arrays, popped and pushed in a loop.
 */
function runBareHeap(events: number): number {
  const delay = delaySampler();
  const capacity = SOURCES + 1;
  const times = new Float64Array(capacity);
  const sequences = new Float64Array(capacity);
  const sources = new Int32Array(capacity);
  let size = 0;
  let sequence = 0;

  const push = (time: number, source: number) => {
    const seq = sequence++;
    let hole = size++;
    while (hole > 0) {
      const parent = (hole - 1) >>> 1;
      if (times[parent]! < time || (times[parent] === time && sequences[parent]! < seq)) break;
      times[hole] = times[parent]!;
      sequences[hole] = sequences[parent]!;
      sources[hole] = sources[parent]!;
      hole = parent;
    }
    times[hole] = time;
    sequences[hole] = seq;
    sources[hole] = source;
  };

  const pop = () => {
    const last = --size;
    const time = times[last]!;
    const seq = sequences[last]!;
    const source = sources[last]!;
    let hole = 0;
    while (2 * hole + 1 < size) {
      let child = 2 * hole + 1;
      if (child + 1 < size && (times[child + 1]! < times[child]! || (times[child + 1] === times[child] && sequences[child + 1]! < sequences[child]!))) child++;
      if (time < times[child]! || (time === times[child] && seq < sequences[child]!)) break;
      times[hole] = times[child]!;
      sequences[hole] = sequences[child]!;
      sources[hole] = sources[child]!;
      hole = child;
    }
    times[hole] = time;
    sequences[hole] = seq;
    sources[hole] = source;
  };

  for (let source = 0; source < SOURCES; source++) push(delay(), source);
  let scheduled = SOURCES;
  let now = 0;
  while (size > 0) {
    now = times[0]!;
    const source = sources[0]!;
    pop();
    if (scheduled < events) {
      scheduled++;
      push(now + delay(), source);
    }
  }
  return now;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of await benchEngine()) console.log(`${f.name}: ${f.value} ${f.unit} (baseline ${f.baseline}, ratio ${f.ratio})`);
}
