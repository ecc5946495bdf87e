import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { max } from 'd3-array';
import type { Result } from '@cutover/sim/result';
import { el, svgDocument } from '../svg.ts';
import { categoricalColour, seriesColour } from '../palette.ts';
import { CHART_WIDTH, TIME_CHART_LEFT, TIME_CHART_RIGHT, plotArea } from '../layout.ts';
import { binsInView, timeScale, type TimeWindow } from '../time-scale.ts';
import { renderTimeAxis } from '../time-axis.ts';
import { renderValueAxis } from '../value-axis.ts';
import { renderTitle, TITLE_HEIGHT } from '../title.ts';
import { renderLegend, type LegendItem } from '../legend.ts';
import { MARKER_ROW_HEIGHT, renderMarkers, renderNote, type Marker } from '../annotations.ts';
import { formatOffset, formatRate } from '../format.ts';

export interface LoadOptions {
  width?: number;
  height?: number;
  window?: TimeWindow;
}

/** The old provider keeps its colour from the shares chart, the new one too; others follow. */
export function providerColour(result: Result, provider: string, index: number): string {
  if (provider === result.scenario.providers.old) return seriesColour.old;
  if (provider === result.scenario.providers.new) return seriesColour.new;
  return categoricalColour(index + 2);
}

const MARKER_ROWS = 2;

/** Queries per second arriving at each provider's servers, with the safe decommission time marked. */
export function loadChart(result: Result, options: LoadOptions = {}): string {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? 420;
  const providers = Object.keys(result.load);
  const items: LegendItem[] = providers.map((p, i) => ({ label: p, colour: providerColour(result, p, i), kind: 'line' }));
  const legend = renderLegend(items, TIME_CHART_LEFT, TITLE_HEIGHT, width - TIME_CHART_LEFT - TIME_CHART_RIGHT);
  const plot = plotArea(width, height, {
    top: TITLE_HEIGHT + legend.height + MARKER_ROWS * MARKER_ROW_HEIGHT + 6,
    right: TIME_CHART_RIGHT,
    bottom: 56,
    left: TIME_CHART_LEFT,
  });
  const x = timeScale(result, plot, options.window);
  const bins = binsInView(result, x);
  const peak = max(providers, (p) => max(bins, (i) => result.load[p]?.p95[i] ?? 0)) ?? 0;
  const y = scaleLinear()
    .domain([0, peak > 0 ? peak : 1])
    .nice()
    .range([plot.bottom, plot.top]);

  const series = providers.map((provider, index) => {
    const band = result.load[provider];
    if (band === undefined) return '';
    const colour = providerColour(result, provider, index);
    const bandPath = area<number>()
      .x((i) => x(result.t[i] as number))
      .y0((i) => y(band.p05[i] as number))
      .y1((i) => y(band.p95[i] as number))(bins);
    const meanPath = line<number>()
      .x((i) => x(result.t[i] as number))
      .y((i) => y(band.mean[i] as number))(bins);
    return el(
      'g',
      { class: 'provider', 'data-provider': provider },
      el('path', { class: 'band', d: bandPath ?? '', fill: colour, 'fill-opacity': 0.2 }),
      el('path', { class: 'mean', d: meanPath ?? '', fill: 'none', stroke: colour, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }),
    );
  });

  const [from, to] = x.domain() as [number, number];
  const markers: Marker[] = [];
  if (result.changeAt >= from && result.changeAt <= to) markers.push({ x: x(result.changeAt), label: 'NS change', className: 'change' });
  const safe = result.safeDecommissionAfter;
  if (safe !== null && result.changeAt + safe >= from && result.changeAt + safe <= to) {
    markers.push({
      x: x(result.changeAt + safe),
      label: `safe to decommission ${result.scenario.providers.old}: ${formatOffset(safe)}`,
      colour: seriesColour.failed,
      className: 'safe-decommission',
    });
  }
  const note = safe === null ? renderNote(`${result.scenario.providers.old} still gets over 1 lookup in 10,000 at the end of the run`, plot) : '';

  return svgDocument(
    { width, height, title: `Load per provider: ${result.scenario.name}`, className: 'chart chart-load' },
    renderTitle('Queries per second at each provider', `${result.scenario.name} · mean and p05–p95 of ${result.scenario.replications} runs`, width),
    legend.svg,
    renderValueAxis(y, plot, { format: formatRate, tickCount: 5, title: 'queries per second' }),
    renderTimeAxis(x, plot, { changeAt: result.changeAt, title: 'time relative to the NS change at the registrar' }),
    ...series,
    renderMarkers(markers, plot, MARKER_ROWS),
    note,
  );
}
