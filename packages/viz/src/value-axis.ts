import type { ScaleLinear } from 'd3-scale';
import { el, svgText } from './svg.ts';
import { ink } from './palette.ts';
import type { PlotArea } from './layout.ts';

export interface ValueAxisOptions {
  format: (value: number) => string;
  /** Explicit tick values; by default the scale's own nice ticks. */
  ticks?: number[];
  tickCount?: number;
  /** Written vertically beside the labels. */
  title?: string;
  labels?: boolean;
}

/** The left value axis with horizontal grid lines. */
export function renderValueAxis(y: ScaleLinear<number, number>, plot: PlotArea, options: ValueAxisOptions): string {
  const ticks = options.ticks ?? y.ticks(options.tickCount ?? 5);
  const parts: string[] = [];
  for (const value of ticks) {
    const py = y(value);
    parts.push(el('line', { class: 'grid', x1: plot.left, x2: plot.right, y1: py, y2: py, stroke: ink.grid }));
    if (options.labels !== false) {
      parts.push(svgText(options.format(value), { class: 'tick-label', x: plot.left - 8, y: py + 4, 'text-anchor': 'end', fill: ink.text }));
    }
  }
  parts.push(el('line', { x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.bottom, stroke: ink.axis }));
  if (options.title !== undefined) {
    const cx = plot.left - 52;
    const cy = (plot.top + plot.bottom) / 2;
    parts.push(svgText(options.title, { x: cx, y: cy, 'text-anchor': 'middle', transform: `rotate(-90 ${cx} ${cy})`, fill: ink.secondaryText }));
  }
  return el('g', { class: 'axis axis-value' }, ...parts);
}

/** The share axis every adoption-type chart uses: 0–100 % in quarters. */
export const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];
