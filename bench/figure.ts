/**
 * One benchmark figure. `baseline` is measured in the same run on the same machine (a bare heap
 * loop, Unbound), so `ratio = value / baseline` stays meaningful on a shared, noisy machine where
 * absolute numbers drift.
 */
export interface BenchFigure {
  name: string;
  unit: string;
  value: number;
  baseline: number;
  ratio: number;
}

export function figure(name: string, unit: string, value: number, baseline: number): BenchFigure {
  return { name, unit, value: significant(value), baseline: significant(baseline), ratio: significant(value / baseline) };
}

/**
 * A figure against a goal where less is better (seconds, bytes): the ratio is goal / value, so a
 * ratio of 1 or more meets the goal.
 */
export function goalFigure(name: string, unit: string, value: number, goal: number): BenchFigure {
  return { name, unit, value: significant(value), baseline: significant(goal), ratio: significant(goal / value) };
}

/** Four significant digits: enough for figures that drift by percents from run to run. */
function significant(x: number): number {
  return Number(x.toPrecision(4));
}

/** Best of `runs` timings of `work`, in seconds, after one warm-up run. */
export function bestOf(runs: number, work: () => void): number {
  work();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}
