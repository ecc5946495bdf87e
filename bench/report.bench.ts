import { bestOf, figure, type BenchFigure } from './figure.ts';
import { CHARTS } from '../packages/viz/src/charts/index.ts';
import { svgToPng } from '../packages/viz/src/png.ts';
import { renderReport } from '../packages/viz/src/report.ts';
import { runReplication } from '../packages/sim/src/build/run-replication.ts';
import { buildResult } from '../packages/sim/src/aggregate/build-result.ts';
import type { Result } from '../packages/sim/src/result.ts';
import { describeScale, referenceScenario } from './reference-scenario.ts';

/** Everything `cutover run --out` renders for one Result, without the disk: every chart's SVG and PNG, and report.html. */
function renderEverything(result: Result): number {
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
 * The report must not be the slow part of a run: the time to render it for a Result of the
 * reference scenario's shape (14 days in 5-minute bins, the default mix), beside the time the
 * simulation took to produce that Result (one replication, at a size quick enough to repeat).
 */
export async function benchReport(): Promise<BenchFigure[]> {
  const scenario = await referenceScenario({ resolvers: 200, clients: 20_000 });
  let result: Result | undefined;
  const simulate = bestOf(1, () => {
    result = buildResult(scenario, [runReplication(scenario, 0)]);
  });
  let sink = 0;
  const render = bestOf(3, () => {
    sink += renderEverything(result as Result);
  });
  if (sink <= 0) throw new Error('nothing was rendered');
  return [
    figure(
      `full report (${CHARTS.length} SVG + ${CHARTS.length} PNG + HTML) of a 14-day, 5-minute-bin Result; baseline: simulating it (one replication, ${describeScale(scenario)})`,
      'ms',
      render * 1000,
      simulate * 1000,
    ),
  ];
}
