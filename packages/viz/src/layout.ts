/** The plotting box of a chart, in SVG user units; time charts share it so their x axes align. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export function plotArea(width: number, height: number, margins: Margins): PlotArea {
  return { left: margins.left, right: width - margins.right, top: margins.top, bottom: height - margins.bottom };
}

/** Every full-width chart is this wide; the report and the change ticket both show it at 1:1. */
export const CHART_WIDTH = 960;

/**
 * Left and right margins of every chart on the time axis. The timeline's lane names need the
 * left margin, and the adoption chart uses the same so that one sits exactly above the other.
 */
export const TIME_CHART_LEFT = 120;
export const TIME_CHART_RIGHT = 32;
