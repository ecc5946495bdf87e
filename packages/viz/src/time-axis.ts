import type { ScaleLinear } from 'd3-scale';
import { el, svgText } from './svg.ts';
import { MINUS } from './format.ts';
import { ink } from './palette.ts';
import type { PlotArea } from './layout.ts';

export type TimeUnit = 'min' | 'h' | 'd';

export interface TimeTicks {
  /** Tick positions in seconds relative to the registrar change; 0 is always on the grid. */
  offsets: number[];
  step: number;
  unit: TimeUnit;
}

/** Tick steps a person counts in: whole minutes, hours that divide a day, whole days and weeks. */
const STEPS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 345600, 604800, 1209600, 2592000];

/**
 * Chooses the finest step that splits [from, to] (seconds relative to the change) into at most
 * `maxTicks` intervals, and the unit its labels use: minutes under an hour's step, hours under a
 * day's, days above. Ticks are multiples of the step counted from the change, so "0" is a tick
 * whenever the change is in view.
 */
export function timeTicks(from: number, to: number, maxTicks: number): TimeTicks {
  const span = Math.max(to - from, 1);
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / 86400) * 86400;
  const unit: TimeUnit = step < 3600 ? 'min' : step < 86400 ? 'h' : 'd';
  const offsets: number[] = [];
  for (let k = Math.ceil(from / step); k * step <= to; k++) offsets.push(k * step);
  return { offsets, step, unit };
}

const UNIT_SECONDS: Record<TimeUnit, number> = { min: 60, h: 3600, d: 86400 };

/** A tick label relative to the change: "−2 h", "0", "+6 h", "+2 d". */
export function formatTick(offset: number, unit: TimeUnit): string {
  if (offset === 0) return '0';
  const count = Math.abs(offset) / UNIT_SECONDS[unit];
  const shown = Number.isInteger(count) ? String(count) : String(Math.round(count * 10) / 10);
  return `${offset < 0 ? MINUS : '+'}${shown} ${unit}`;
}

export interface TimeAxisOptions {
  /** When the registrar change was submitted, in the scale's seconds. */
  changeAt: number;
  /** Draw vertical grid lines across the plot. */
  grid?: boolean;
  /** The axis title under the labels; omit for none. */
  title?: string;
  /** Hide the tick labels (small multiples that share the axis of a neighbour). */
  labels?: boolean;
}

/**
 * The bottom time axis: ticks and labels at `timeTicks` positions, an optional grid, and a
 * title. The scale maps absolute simulation seconds; labels are relative to the change.
 */
export function renderTimeAxis(x: ScaleLinear<number, number>, plot: PlotArea, options: TimeAxisOptions): string {
  const [start, end] = x.domain() as [number, number];
  const maxTicks = Math.max(2, Math.floor((plot.right - plot.left) / 80));
  const ticks = timeTicks(start - options.changeAt, end - options.changeAt, maxTicks);
  const parts: string[] = [];
  for (const offset of ticks.offsets) {
    const px = x(offset + options.changeAt);
    if (options.grid !== false) parts.push(el('line', { class: 'grid', x1: px, x2: px, y1: plot.top, y2: plot.bottom, stroke: ink.grid }));
    parts.push(el('line', { x1: px, x2: px, y1: plot.bottom, y2: plot.bottom + 5, stroke: ink.axis }));
    if (options.labels !== false) {
      parts.push(svgText(formatTick(offset, ticks.unit), { class: 'tick-label', x: px, y: plot.bottom + 18, 'text-anchor': 'middle', fill: ink.text }));
    }
  }
  parts.push(el('line', { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, stroke: ink.axis }));
  if (options.title !== undefined) {
    parts.push(svgText(options.title, { x: (plot.left + plot.right) / 2, y: plot.bottom + 38, 'text-anchor': 'middle', fill: ink.secondaryText }));
  }
  return el('g', { class: 'axis axis-time' }, ...parts);
}
