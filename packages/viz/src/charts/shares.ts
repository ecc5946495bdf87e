import { scaleLinear } from 'd3-scale';
import { area, line, stack, type SeriesPoint } from 'd3-shape';
import { max } from 'd3-array';
import type { Result, Shares } from '@cutover/sim/result';
import { el, svgDocument, svgText } from '../svg.ts';
import { ink, seriesColour } from '../palette.ts';
import { CHART_WIDTH, TIME_CHART_LEFT, TIME_CHART_RIGHT, plotArea } from '../layout.ts';
import { binsInView, timeScale, type TimeWindow } from '../time-scale.ts';
import { renderTimeAxis } from '../time-axis.ts';
import { SHARE_TICKS, renderValueAxis } from '../value-axis.ts';
import { renderTitle, TITLE_HEIGHT } from '../title.ts';
import { renderLegend } from '../legend.ts';
import { renderNote } from '../annotations.ts';
import { formatOffset, formatShare } from '../format.ts';

export interface SharesOptions {
  width?: number;
  height?: number;
  window?: TimeWindow;
}

type ShareKey = keyof Shares;

/** Bottom to top: the new provider grows from the floor, the old one shrinks from the ceiling, trouble in between. */
export const STACK_ORDER: ShareKey[] = ['new', 'stale', 'failed', 'old'];

function label(key: ShareKey, result: Result): string {
  switch (key) {
    case 'new':
      return `new provider (${result.scenario.providers.new})`;
    case 'old':
      return `old provider (${result.scenario.providers.old})`;
    case 'failed':
      return 'failed (SERVFAIL or timeout)';
    case 'stale':
      return 'served stale';
  }
}

/** The peak of a small series, as a note: failures are a few per cent and easy to miss in a stack. */
function peakNote(key: ShareKey, name: string, result: Result, bins: number[]): string | undefined {
  const values = result.shares[key].mean;
  const peak = max(bins, (i) => values[i] as number) ?? 0;
  if (peak <= 0) return undefined;
  const at = bins.find((i) => values[i] === peak) as number;
  return `peak ${name} ${formatShare(peak)} at ${formatOffset((result.t[at] as number) - result.changeAt)}`;
}

/**
 * New, old, failed and stale shares of client lookups, stacked to 100 % per bin; below it the
 * failed and stale shares on their own scale, since a few per cent vanish in a 100 % stack.
 */
export function sharesChart(result: Result, options: SharesOptions = {}): string {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? 520;
  const legend = renderLegend(
    STACK_ORDER.map((key) => ({ label: label(key, result), colour: seriesColour[key], kind: 'area' as const })),
    TIME_CHART_LEFT,
    TITLE_HEIGHT,
    width - TIME_CHART_LEFT - TIME_CHART_RIGHT,
  );
  const top = TITLE_HEIGHT + legend.height + 12;
  const troubleHeight = Math.round((height - top - 56) * 0.3);
  const stacked = plotArea(width, height, { top, right: TIME_CHART_RIGHT, bottom: 56 + troubleHeight + 36, left: TIME_CHART_LEFT });
  const trouble = plotArea(width, height, { top: height - 56 - troubleHeight, right: TIME_CHART_RIGHT, bottom: 56, left: TIME_CHART_LEFT });
  const x = timeScale(result, stacked, options.window);
  const y = scaleLinear().domain([0, 1]).range([stacked.bottom, stacked.top]);
  const bins = binsInView(result, x);

  const layers = stack<number, ShareKey>()
    .keys(STACK_ORDER)
    .value((i, key) => Math.max(0, result.shares[key].mean[i] as number))(bins);
  const layerArea = area<SeriesPoint<number>>()
    .x((d) => x(result.t[d.data] as number))
    .y0((d) => y(Math.min(1, d[0])))
    .y1((d) => y(Math.min(1, d[1])));

  const troublePeak = max(bins, (i) => Math.max(result.shares.failed.mean[i] as number, result.shares.stale.mean[i] as number)) ?? 0;
  const yTrouble = scaleLinear()
    .domain([0, Math.max(troublePeak, 0.01)])
    .nice(3)
    .range([trouble.bottom, trouble.top]);
  const troubleLines = (['failed', 'stale'] as const).map((key) =>
    el('path', {
      class: `trouble trouble-${key}`,
      d: line<number>().x((i) => x(result.t[i] as number)).y((i) => yTrouble(result.shares[key].mean[i] as number))(bins) ?? '',
      fill: 'none',
      stroke: seriesColour[key],
      'stroke-width': 2,
    }),
  );
  const notes = [peakNote('failed', 'failed', result, bins), peakNote('stale', 'stale', result, bins)].filter((n): n is string => n !== undefined);

  return svgDocument(
    { width, height, title: `Shares of client lookups: ${result.scenario.name}`, className: 'chart chart-shares' },
    renderTitle('Where client lookups were answered from', `${result.scenario.name} · mean of ${result.scenario.replications} runs`, width),
    legend.svg,
    ...layers.map((layer) =>
      el('path', { class: `layer layer-${layer.key}`, d: layerArea(layer) ?? '', fill: seriesColour[layer.key], stroke: 'none' }),
    ),
    renderValueAxis(y, stacked, { format: (v) => formatShare(v, 0), ticks: SHARE_TICKS, title: 'share of lookups' }),
    renderTimeAxis(x, stacked, { changeAt: result.changeAt, grid: false, labels: false }),
    svgText('failed and stale, magnified', { x: trouble.left, y: trouble.top - 8, 'font-size': 12, 'font-weight': 'bold', fill: ink.text }),
    renderValueAxis(yTrouble, trouble, { format: (v) => formatShare(v, troublePeak < 0.03 ? 1 : 0), tickCount: 3 }),
    renderTimeAxis(x, trouble, { changeAt: result.changeAt, title: 'time relative to the NS change at the registrar' }),
    ...troubleLines,
    ...notes.map((note, i) => renderNote(note, trouble, i)),
  );
}
