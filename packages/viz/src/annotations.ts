import { el, svgText } from './svg.ts';
import { ink } from './palette.ts';
import { textWidth } from './text-width.ts';
import type { PlotArea } from './layout.ts';

export interface Marker {
  /** Horizontal position in SVG units. */
  x: number;
  label: string;
  colour?: string;
  /** A class for the marker's group ("milestone t50"), so tests and styles can find it. */
  className: string;
}

const LABEL_SIZE = 11;
export const MARKER_ROW_HEIGHT = 14;

/**
 * Assigns each label the first row (counted upwards from the plot) where it does not overlap a
 * label already placed, so that nearby milestones ("0" and "t50 +40 min") stay readable.
 * Returns, per marker, its row and whether its text runs left of the line (near the right edge).
 */
export function placeMarkerLabels(markers: Marker[], plot: PlotArea, rows: number): { row: number; anchorEnd: boolean }[] {
  const occupied: [number, number][][] = Array.from({ length: rows }, () => []);
  return markers.map((marker) => {
    const width = textWidth(marker.label, LABEL_SIZE) + 6;
    const anchorEnd = marker.x + width > plot.right + 24;
    const span: [number, number] = anchorEnd ? [marker.x - width, marker.x] : [marker.x, marker.x + width];
    let row = occupied.findIndex((spans) => spans.every(([a, b]) => span[1] < a || span[0] > b));
    if (row < 0) row = rows - 1;
    occupied[row]?.push(span);
    return { row, anchorEnd };
  });
}

/**
 * Vertical dashed lines across the plot, each labelled above the plot in stacked rows. The space
 * above the plot must hold `rows` × MARKER_ROW_HEIGHT.
 */
export function renderMarkers(markers: Marker[], plot: PlotArea, rows = 2): string {
  const placement = placeMarkerLabels(markers, plot, rows);
  return el(
    'g',
    { class: 'markers' },
    ...markers.map((marker, i) => {
      const { row, anchorEnd } = placement[i] as { row: number; anchorEnd: boolean };
      const colour = marker.colour ?? ink.secondaryText;
      const labelY = plot.top - 4 - row * MARKER_ROW_HEIGHT;
      return el(
        'g',
        { class: `marker ${marker.className}`, 'data-x': marker.x },
        el('line', { x1: marker.x, x2: marker.x, y1: labelY + 2, y2: plot.bottom, stroke: colour, 'stroke-width': 1.2, 'stroke-dasharray': '4 3' }),
        svgText(marker.label, {
          x: anchorEnd ? marker.x - 3 : marker.x + 3,
          y: labelY,
          'text-anchor': anchorEnd ? 'end' : 'start',
          'font-size': LABEL_SIZE,
          fill: colour,
          ...HALO,
        }),
      );
    }),
  );
}

/** White outline behind text that sits on data, so it stays legible over lines and grid. */
export const HALO = { stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

/**
 * A short note in a corner of the plot ("t99.9 not reached within 46 h"), right-aligned; `line`
 * counts away from the chosen edge.
 */
export function renderNote(text: string, plot: PlotArea, line = 0, edge: 'top' | 'bottom' = 'top'): string {
  const y = edge === 'top' ? plot.top + 16 + line * 15 : plot.bottom - 10 - line * 15;
  return svgText(text, { class: 'note', x: plot.right - 6, y, 'text-anchor': 'end', 'font-size': 11, fill: ink.secondaryText, ...HALO });
}
