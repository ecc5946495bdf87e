import { bestOf, figure, type BenchFigure } from './figure.ts';
import { CHARTS } from '../packages/viz/src/charts/index.ts';
import { svgToPng } from '../packages/viz/src/png.ts';
import { renderReport } from '../packages/viz/src/report.ts';
import { fixtureResult } from '../packages/viz/test/fixtures/result.ts';

/**
 * Everything `writeCharts` computes for one Result, without the disk: every chart's SVG, its PNG,
 * and report.html.
 */
function renderEverything(result: ReturnType<typeof fixtureResult>): number {
  const svgs: Record<string, string> = {};
  let bytes = 0;
  for (const chart of CHARTS) {
    const svg = chart.render(result);
    svgs[chart.id] = svg;
    bytes += svg.length + svgToPng(svg).length;
  }
  return bytes + renderReport(result, svgs).length;
}

/**
 * Time to render the full report for the fixture Result (48 h in 5-minute bins). The baseline
 * stands in for the simulation until it exists: JSON.stringify and JSON.parse of the same Result,
 * 100 times, which is the least any producer of a Result of this size costs.
 */
export async function benchReport(): Promise<BenchFigure[]> {
  const result = fixtureResult();
  let sink = 0;
  const baseline = bestOf(3, () => {
    for (let i = 0; i < 100; i++) sink += (JSON.parse(JSON.stringify(result)) as { t: number[] }).t.length;
  });
  const render = bestOf(3, () => {
    sink += renderEverything(result);
  });
  if (sink <= 0) throw new Error('nothing was rendered');
  return [figure(`full report (${CHARTS.length} SVG + ${CHARTS.length} PNG + HTML), fixture Result; baseline: 100 JSON round trips of it`, 'ms', render * 1000, baseline * 1000)];
}
