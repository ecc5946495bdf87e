import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Result } from '@cutover/sim/result';
import type { PlotArea } from './layout.ts';

/** A part of the run to show, in seconds relative to the registrar change; unset ends mean the run's. */
export interface TimeWindow {
  from?: number;
  to?: number;
}

/** The run's time span in simulation seconds: from the first bin's start to the last bin's end. */
export function runDomain(result: Result): [number, number] {
  const first = result.t[0] ?? 0;
  const last = result.t[result.t.length - 1] ?? first;
  return [first, last + result.scenario.bin];
}

/**
 * The x scale every time chart uses, mapping simulation seconds to the plot's width, so that
 * charts with the same window and plot line up exactly.
 */
export function timeScale(result: Result, plot: PlotArea, window: TimeWindow = {}): ScaleLinear<number, number> {
  const [start, end] = runDomain(result);
  const from = window.from === undefined ? start : Math.max(start, result.changeAt + window.from);
  const to = window.to === undefined ? end : Math.min(end, result.changeAt + window.to);
  return scaleLinear().domain([from, to]).range([plot.left, plot.right]);
}

/** Indices of the bins whose start lies within the scale's domain. */
export function binsInView(result: Result, x: ScaleLinear<number, number>): number[] {
  const [from, to] = x.domain() as [number, number];
  const indices: number[] = [];
  result.t.forEach((t, i) => {
    if (t >= from && t <= to) indices.push(i);
  });
  return indices;
}
