import { el, svgText } from './svg.ts';
import { ink } from './palette.ts';
import { fitText } from './text-width.ts';

/** Height taken by a chart's title and subtitle; the legend starts below it. */
export const TITLE_HEIGHT = 58;

/**
 * A bold title and a one-line subtitle at the top left, where a reader's eye starts; both are
 * shortened with an ellipsis rather than run off a chart `width` wide (scenario names can be long).
 */
export function renderTitle(title: string, subtitle: string, width: number, left = 16): string {
  const room = width - 2 * left;
  return el(
    'g',
    { class: 'chart-title' },
    svgText(fitText(title, room, 18), { class: 'title', x: left, y: 26, 'font-size': 18, 'font-weight': 'bold', fill: ink.text }),
    subtitle === '' ? undefined : svgText(fitText(subtitle, room, 12), { class: 'subtitle', x: left, y: 46, 'font-size': 12, fill: ink.secondaryText }),
  );
}
