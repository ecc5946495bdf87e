import { el, svgText } from './svg.ts';
import { ink } from './palette.ts';
import { textWidth } from './text-width.ts';

/** How a legend swatch is drawn, matching how the series itself is drawn. */
export type SwatchKind = 'line' | 'dashed' | 'dotted' | 'area' | 'band' | 'bar' | 'diamond';

export interface LegendItem {
  label: string;
  colour: string;
  kind: SwatchKind;
}

const FONT_SIZE = 12;
const ROW_HEIGHT = 20;
const SWATCH_WIDTH = 22;
const GAP = 20;

function swatch(item: LegendItem, x: number, y: number): string {
  const mid = y - 4;
  switch (item.kind) {
    case 'line':
      return el('line', { x1: x, x2: x + SWATCH_WIDTH, y1: mid, y2: mid, stroke: item.colour, 'stroke-width': 2.5 });
    case 'dashed':
      return el('line', { x1: x, x2: x + SWATCH_WIDTH, y1: mid, y2: mid, stroke: item.colour, 'stroke-width': 2, 'stroke-dasharray': '6 3' });
    case 'dotted':
      return el('line', { x1: x, x2: x + SWATCH_WIDTH, y1: mid, y2: mid, stroke: item.colour, 'stroke-width': 2, 'stroke-dasharray': '2 3' });
    case 'area':
      return el('rect', { x, y: mid - 6, width: SWATCH_WIDTH, height: 12, fill: item.colour });
    case 'band':
      return el('rect', { x, y: mid - 6, width: SWATCH_WIDTH, height: 12, fill: item.colour, 'fill-opacity': 0.25 });
    case 'bar':
      return el('rect', { x, y: mid - 4, width: SWATCH_WIDTH, height: 8, rx: 2, fill: item.colour, 'fill-opacity': 0.35, stroke: item.colour });
    case 'diamond': {
      const cx = x + SWATCH_WIDTH / 2;
      return el('path', { d: `M${cx},${mid - 6}L${cx + 6},${mid}L${cx},${mid + 6}L${cx - 6},${mid}Z`, fill: item.colour });
    }
  }
}

export interface RenderedLegend {
  svg: string;
  height: number;
}

/**
 * A legend that flows left to right from (left, top) and wraps at `maxWidth`. Each entry is a
 * `<g class="legend-item">` holding its swatch and label, so tests and the report can list them.
 */
export function renderLegend(items: LegendItem[], left: number, top: number, maxWidth: number): RenderedLegend {
  const parts: string[] = [];
  let x = left;
  let baseline = top + 14;
  for (const item of items) {
    const width = SWATCH_WIDTH + 6 + textWidth(item.label, FONT_SIZE);
    if (x > left && x + width > left + maxWidth) {
      x = left;
      baseline += ROW_HEIGHT;
    }
    parts.push(
      el(
        'g',
        { class: 'legend-item' },
        swatch(item, x, baseline),
        svgText(item.label, { x: x + SWATCH_WIDTH + 6, y: baseline, 'font-size': FONT_SIZE, fill: ink.text }),
      ),
    );
    x += width + GAP;
  }
  return { svg: el('g', { class: 'legend' }, ...parts), height: items.length === 0 ? 0 : baseline - top + 8 };
}
