import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { Result } from '@cutover/sim/result';
import { el, svgDocument } from '../svg.ts';
import { seriesColour } from '../palette.ts';
import { CHART_WIDTH, TIME_CHART_LEFT, TIME_CHART_RIGHT, plotArea, type PlotArea } from '../layout.ts';
import { binsInView, runDomain, timeScale, type TimeWindow } from '../time-scale.ts';
import { renderTimeAxis } from '../time-axis.ts';
import { SHARE_TICKS, renderValueAxis } from '../value-axis.ts';
import { renderTitle, TITLE_HEIGHT } from '../title.ts';
import { renderLegend, type LegendItem } from '../legend.ts';
import { MARKER_ROW_HEIGHT, renderMarkers, renderNote, type Marker } from '../annotations.ts';
import { linearShare, ruleOfThumbShare } from '../models.ts';
import { MILESTONE_LEVELS } from '../milestones.ts';
import { formatDuration, formatOffset, formatShare, formatTtl } from '../format.ts';

export interface AdoptionOptions {
  width?: number;
  height?: number;
  /** Show only part of the run (seconds relative to the change). */
  window?: TimeWindow;
  /** Words added to the title for a windowed view ("in the first six TTLs"). */
  heading?: string;
}

/** From one reference TTL before the change to six after: where the models and the run part ways. */
export function firstTtlsWindow(result: Result): TimeWindow {
  const ttl = result.scenario.referenceTtl;
  return { from: -ttl, to: 6 * ttl };
}

export interface AdoptionGeometry {
  width: number;
  height: number;
  plot: PlotArea;
  legend: { svg: string; height: number };
  /** Simulation seconds → x. */
  x: ScaleLinear<number, number>;
  /** Share in [0, 1] → y. */
  y: ScaleLinear<number, number>;
}

const MARKER_ROWS = 3;

function legendItems(result: Result): LegendItem[] {
  return [
    { label: `on ${result.scenario.providers.new} (mean)`, colour: seriesColour.new, kind: 'line' },
    { label: `p05–p95 over ${result.scenario.replications} runs`, colour: seriesColour.new, kind: 'band' },
    { label: 'rule of thumb 1 − 2^(−t/TTL)', colour: seriesColour.ruleOfThumb, kind: 'dashed' },
    { label: 'linear model min(1, t/TTL)', colour: seriesColour.linear, kind: 'dotted' },
  ];
}

/** The chart's layout and scales, exported so tests (and the report's read-out) map data the same way. */
export function adoptionGeometry(result: Result, options: AdoptionOptions = {}): AdoptionGeometry {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? 480;
  const legend = renderLegend(legendItems(result), TIME_CHART_LEFT, TITLE_HEIGHT, width - TIME_CHART_LEFT - TIME_CHART_RIGHT);
  const top = TITLE_HEIGHT + legend.height + MARKER_ROWS * MARKER_ROW_HEIGHT + 6;
  const plot = plotArea(width, height, { top, right: TIME_CHART_RIGHT, bottom: 56, left: TIME_CHART_LEFT });
  const x = timeScale(result, plot, options.window);
  const y = scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
  return { width, height, plot, legend, x, y };
}

/** The value a polyline through (xs, ys) takes at `at`, as the chart draws it; flat beyond its ends. */
function interpolate(xs: number[], ys: number[], at: number): number {
  const after = xs.findIndex((x) => x >= at);
  if (after === 0) return ys[0] ?? 0;
  if (after < 0) return ys[ys.length - 1] ?? 0;
  const x0 = xs[after - 1] as number;
  const x1 = xs[after] as number;
  const y0 = ys[after - 1] as number;
  const y1 = ys[after] as number;
  return y0 + ((y1 - y0) * (at - x0)) / (x1 - x0);
}

/**
 * Where a model curve is evaluated: an even grid over the view plus the change itself and every
 * whole TTL after it, so the drawn curve passes exactly through 50 % at one TTL and 75 % at two.
 */
function modelSamples(from: number, to: number, changeAt: number, ttl: number): number[] {
  const samples = new Set<number>([from, to]);
  for (let i = 1; i < 600; i++) samples.add(from + ((to - from) * i) / 600);
  if (changeAt > from && changeAt < to) samples.add(changeAt);
  for (let k = 1; changeAt + k * ttl < to && k <= 64; k++) if (changeAt + k * ttl > from) samples.add(changeAt + k * ttl);
  return [...samples].sort((a, b) => a - b);
}

/**
 * Milestones as markers, plus the change itself; milestones never reached, and those reached
 * outside the view, listed for notes.
 */
function milestoneMarkers(result: Result, x: ScaleLinear<number, number>): { markers: Marker[]; unreached: string[]; outside: string[] } {
  const [from, to] = x.domain() as [number, number];
  const inView = (t: number) => t >= from && t <= to;
  const markers: Marker[] = [];
  if (inView(result.changeAt)) markers.push({ x: x(result.changeAt), label: 'NS change', className: 'change' });
  const unreached: string[] = [];
  const outside: string[] = [];
  for (const level of MILESTONE_LEVELS) {
    const offset = result.milestones[level.key];
    if (offset === null) {
      unreached.push(level.label);
      continue;
    }
    const label = `${level.label} ${formatOffset(offset)}`;
    if (inView(result.changeAt + offset)) markers.push({ x: x(result.changeAt + offset), label, className: `milestone ${level.key}` });
    else outside.push(label);
  }
  return { markers, unreached, outside };
}

/**
 * Share of client lookups answered from the new provider's data over time, with its Monte Carlo
 * band, beside the rule of thumb and the linear single-TTL model for the scenario's reference TTL,
 * and the t50/t90/t99 milestones marked.
 */
export function adoptionChart(result: Result, options: AdoptionOptions = {}): string {
  const { width, height, plot, legend, x, y } = adoptionGeometry(result, options);
  const ttl = result.scenario.referenceTtl;
  const [from, to] = x.domain() as [number, number];
  const bins = binsInView(result, x);
  const newShare = result.shares.new;

  const bandPath = area<number>()
    .x((i) => x(result.t[i] as number))
    .y0((i) => y(newShare.p05[i] as number))
    .y1((i) => y(newShare.p95[i] as number))(bins);
  const meanPath = line<number>()
    .x((i) => x(result.t[i] as number))
    .y((i) => y(newShare.mean[i] as number))(bins);
  const modelLine = line<[number, number]>()
    .x(([t]) => x(t))
    .y(([, share]) => y(share));
  const samples = modelSamples(from, to, result.changeAt, ttl);
  const ruleOfThumbPath = modelLine(samples.map((t) => [t, ruleOfThumbShare(t - result.changeAt, ttl)]));
  const linearPath = modelLine(samples.map((t) => [t, linearShare(t - result.changeAt, ttl)]));

  const { markers, unreached, outside } = milestoneMarkers(result, x);
  const dots = MILESTONE_LEVELS.flatMap((level) => {
    const offset = result.milestones[level.key];
    if (offset === null || result.changeAt + offset < from || result.changeAt + offset > to) return [];
    const at = result.changeAt + offset;
    return [el('circle', { class: `milestone-dot ${level.key}`, cx: x(at), cy: y(interpolate(result.t, newShare.mean, at)), r: 3.5, fill: seriesColour.new, stroke: '#ffffff' })];
  });
  const horizon = formatDuration(runDomain(result)[1] - result.changeAt);
  const notes = [
    unreached.length === 0 ? '' : `${unreached.join(', ')} not reached within ${horizon} of the change`,
    outside.length === 0 ? '' : `beyond this view: ${outside.join(', ')}`,
  ]
    .filter((note) => note !== '')
    .map((note, line, all) => renderNote(note, plot, all.length - 1 - line, 'bottom'))
    .join('');

  return svgDocument(
    { width, height, title: `Adoption of the new delegation: ${result.scenario.name}`, className: `chart chart-adoption${options.window === undefined ? '' : ' chart-windowed'}` },
    renderTitle(
      `Lookups answered by ${result.scenario.providers.new} after the NS change${options.heading === undefined ? '' : `, ${options.heading}`}`,
      `${result.scenario.name} · reference TTL ${formatTtl(ttl)} · ${result.scenario.replications} runs`,
      width,
    ),
    legend.svg,
    renderValueAxis(y, plot, { format: (v) => formatShare(v, 0), ticks: SHARE_TICKS, title: 'share of client lookups' }),
    renderTimeAxis(x, plot, { changeAt: result.changeAt, title: 'time relative to the NS change at the registrar' }),
    el('path', { class: 'band', d: bandPath ?? '', fill: seriesColour.new, 'fill-opacity': 0.22, stroke: 'none' }),
    el('path', { class: 'linear', d: linearPath ?? '', fill: 'none', stroke: seriesColour.linear, 'stroke-width': 2, 'stroke-dasharray': '2 3' }),
    el('path', { class: 'rule-of-thumb', d: ruleOfThumbPath ?? '', fill: 'none', stroke: seriesColour.ruleOfThumb, 'stroke-width': 1.5, 'stroke-dasharray': '6 3' }),
    el('path', { class: 'mean', d: meanPath ?? '', fill: 'none', stroke: seriesColour.new, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }),
    renderMarkers(markers, plot, MARKER_ROWS),
    ...dots,
    notes,
    el(
      'g',
      { class: 'hover', visibility: 'hidden' },
      el('line', { class: 'hover-rule', x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.bottom, stroke: '#000000', 'stroke-width': 1 }),
      el('circle', { class: 'hover-dot', cx: plot.left, cy: plot.bottom, r: 4, fill: seriesColour.new, stroke: '#ffffff' }),
    ),
    el('rect', { class: 'hover-target', x: plot.left, y: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top, fill: 'transparent' }),
  );
}

export interface AdoptionReadouts {
  /** x of each bin in the chart's SVG units, ascending. */
  x: number[];
  /** y of the mean at each bin, for the hover dot. */
  y: number[];
  /** "t = +3 h 20 min: 64.2 % on new (p05 61 %, p95 67 %)" per bin. */
  text: string[];
}

/** What the report's hover read-out shows at each bin of the adoption chart. */
export function adoptionReadouts(result: Result, options: AdoptionOptions = {}): AdoptionReadouts {
  const { x, y } = adoptionGeometry(result, options);
  const bins = binsInView(result, x);
  const band = result.shares.new;
  return {
    x: bins.map((i) => Math.round(x(result.t[i] as number) * 100) / 100),
    y: bins.map((i) => Math.round(y(band.mean[i] as number) * 100) / 100),
    text: bins.map(
      (i) =>
        `t = ${formatOffset((result.t[i] as number) - result.changeAt)}: ${formatShare(band.mean[i] as number)} on new ` +
        `(p05 ${formatShare(band.p05[i] as number, 0)}, p95 ${formatShare(band.p95[i] as number, 0)})`,
    ),
  };
}
