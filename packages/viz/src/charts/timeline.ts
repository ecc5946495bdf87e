import type { ScaleLinear } from 'd3-scale';
import type { Result, TimelineEntry } from '@cutover/sim/result';
import { el, svgDocument, svgText } from '../svg.ts';
import { ink, okabeIto } from '../palette.ts';
import { CHART_WIDTH, TIME_CHART_LEFT, TIME_CHART_RIGHT, plotArea, type PlotArea } from '../layout.ts';
import { timeScale, type TimeWindow } from '../time-scale.ts';
import { renderTimeAxis } from '../time-axis.ts';
import { renderTitle, TITLE_HEIGHT } from '../title.ts';
import { renderLegend } from '../legend.ts';
import { textWidth } from '../text-width.ts';
import { HALO } from '../annotations.ts';

export interface TimelineOptions {
  width?: number;
  window?: TimeWindow;
}

/** Lanes top to bottom in the order a delegation change travels. */
export const LANES: TimelineEntry['lane'][] = ['registrar', 'registry', 'old provider', 'new provider', 'resolvers'];

const LANE_COLOUR: Record<TimelineEntry['lane'], string> = {
  registrar: okabeIto.reddishPurple,
  registry: okabeIto.vermillion,
  'old provider': okabeIto.orange,
  'new provider': okabeIto.blue,
  resolvers: okabeIto.bluishGreen,
};

const ROW_HEIGHT = 22;
const LANE_PADDING = 6;
const LABEL_SIZE = 11;
const BAR_HEIGHT = 12;

interface PlacedEntry {
  entry: TimelineEntry;
  /** Bar or marker extent in x. */
  x0: number;
  x1: number;
  /** Where the label starts and whether it sits inside the bar. */
  labelX: number;
  labelInside: boolean;
  row: number;
}

/**
 * Lays out one lane's entries in rows: an entry takes the first row where its bar and label do
 * not overlap anything already there. Actions that happen together stay legible this way.
 */
function placeLane(entries: TimelineEntry[], x: ScaleLinear<number, number>, plot: PlotArea): PlacedEntry[] {
  const [from, to] = x.domain() as [number, number];
  const visible = entries
    .filter((e) => (e.end ?? e.start) >= from && e.start <= to)
    .sort((a, b) => a.start - b.start || (a.end ?? a.start) - (b.end ?? b.start));
  const rows: [number, number][][] = [];
  return visible.map((entry) => {
    const x0 = x(Math.max(entry.start, from));
    const x1 = entry.end === undefined ? x0 : Math.max(x0 + 2, x(Math.min(entry.end, to)));
    const width = textWidth(entry.label, LABEL_SIZE);
    const labelInside = entry.end !== undefined && x1 - x0 >= width + 8;
    let labelX = labelInside ? x0 + 4 : (entry.end === undefined ? x0 + 9 : x1 + 4);
    if (!labelInside && labelX + width > plot.right) labelX = Math.max(plot.left, x0 - 9 - width);
    const span: [number, number] = [Math.min(x0 - 7, labelX), Math.max(x1 + 7, labelInside ? x1 : labelX + width) + 6];
    let row = rows.findIndex((taken) => taken.every(([a, b]) => span[1] < a || span[0] > b));
    if (row < 0) row = rows.push([]) - 1;
    rows[row]?.push(span);
    return { entry, x0, x1, labelX, labelInside, row };
  });
}

function renderEntry(placed: PlacedEntry, rowY: number): string {
  const { entry, x0, x1, labelX, labelInside } = placed;
  const colour = LANE_COLOUR[entry.lane];
  const mid = rowY + ROW_HEIGHT / 2;
  const shape =
    entry.end === undefined
      ? el('path', { class: 'action', d: `M${x0},${mid - 6}L${x0 + 6},${mid}L${x0},${mid + 6}L${x0 - 6},${mid}Z`, fill: colour, stroke: '#ffffff' })
      : el('rect', {
          class: 'wait',
          x: x0,
          y: mid - BAR_HEIGHT / 2,
          width: x1 - x0,
          height: BAR_HEIGHT,
          rx: 2,
          fill: colour,
          'fill-opacity': 0.3,
          stroke: colour,
        });
  return el(
    'g',
    { class: `entry ${entry.end === undefined ? 'is-action' : 'is-wait'}`, 'data-start': entry.start, ...(entry.end === undefined ? {} : { 'data-end': entry.end }) },
    shape,
    svgText(entry.label, { x: labelInside ? x0 + 4 : labelX, y: mid + 4, 'font-size': LABEL_SIZE, fill: ink.text, ...(labelInside ? {} : HALO) }),
  );
}

/**
 * The plan and the waits it opens, one lane per actor, on the adoption chart's time axis: same
 * width, same margins and the same scale, so the two can be read one above the other.
 */
export function timelineChart(result: Result, options: TimelineOptions = {}): string {
  const width = options.width ?? CHART_WIDTH;
  const legend = renderLegend(
    [
      { label: 'action', colour: ink.secondaryText, kind: 'diamond' },
      { label: 'wait or state that lasts', colour: ink.secondaryText, kind: 'bar' },
    ],
    TIME_CHART_LEFT,
    TITLE_HEIGHT,
    width - TIME_CHART_LEFT - TIME_CHART_RIGHT,
  );
  const top = TITLE_HEIGHT + legend.height + 10;
  // The x scale depends only on the width and the horizontal margins; the height follows from the layout.
  const x = timeScale(result, plotArea(width, 0, { top: 0, right: TIME_CHART_RIGHT, bottom: 0, left: TIME_CHART_LEFT }), options.window);
  const provisional = plotArea(width, top, { top, right: TIME_CHART_RIGHT, bottom: 0, left: TIME_CHART_LEFT });

  const lanes = LANES.map((lane) => {
    const placed = placeLane(result.timeline.filter((e) => e.lane === lane), x, provisional);
    const rows = Math.max(1, ...placed.map((p) => p.row + 1));
    return { lane, placed, height: rows * ROW_HEIGHT + 2 * LANE_PADDING };
  });
  const plotHeight = lanes.reduce((sum, l) => sum + l.height, 0);
  const height = top + plotHeight + 56;
  const plot = plotArea(width, height, { top, right: TIME_CHART_RIGHT, bottom: 56, left: TIME_CHART_LEFT });

  let laneTop = plot.top;
  const laneBackgrounds: string[] = [];
  const laneParts = lanes.map(({ lane, placed, height: laneHeight }, index) => {
    const y = laneTop;
    laneTop += laneHeight;
    laneBackgrounds.push(el('rect', { x: plot.left, y, width: plot.right - plot.left, height: laneHeight, fill: index % 2 === 0 ? '#f4f4f4' : '#ffffff' }));
    return el(
      'g',
      { class: 'lane', 'data-lane': lane },
      svgText(lane, { class: 'lane-label', x: plot.left - 10, y: y + LANE_PADDING + ROW_HEIGHT / 2 + 4, 'text-anchor': 'end', fill: ink.text }),
      ...placed.map((p) => renderEntry(p, y + LANE_PADDING + p.row * ROW_HEIGHT)),
    );
  });
  const [from, to] = x.domain() as [number, number];
  const changeLine =
    result.changeAt >= from && result.changeAt <= to
      ? el('line', { class: 'change', x1: x(result.changeAt), x2: x(result.changeAt), y1: plot.top, y2: plot.bottom, stroke: ink.secondaryText, 'stroke-dasharray': '4 3' })
      : '';

  return svgDocument(
    { width, height, title: `Plan timeline: ${result.scenario.name}`, className: 'chart chart-timeline' },
    renderTitle('The plan and the waits it opens', result.scenario.name, width),
    legend.svg,
    ...laneBackgrounds,
    renderTimeAxis(x, plot, { changeAt: result.changeAt, title: 'time relative to the NS change at the registrar' }),
    changeLine,
    ...laneParts,
  );
}
