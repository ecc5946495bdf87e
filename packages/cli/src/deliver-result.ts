import type { Result } from '@cutover/sim/result';
import type { OutputFile } from '@cutover/viz';
import { summaryTable } from './summary-table.ts';
import { seriesCsv } from './series-csv.ts';

export interface DeliveryOptions {
  /** Print the Result as JSON on stdout instead of the summary table. */
  json: boolean;
  /** Directory for result.json, series.csv, report.html and the charts. */
  out?: string;
}

/**
 * Shows a Result the way the flags ask. Everything written to `out` is rendered first and written
 * after, so a failure while rendering leaves no partial set of files.
 */
export async function deliverResult(result: Result, opts: DeliveryOptions): Promise<void> {
  const json = `${JSON.stringify(result)}\n`;
  if (opts.out !== undefined) {
    // Loaded only when charts are wanted: d3 and resvg's native renderer are not free to load.
    const { renderChartFiles, writeOutputFiles } = await import('@cutover/viz');
    const files: OutputFile[] = [['result.json', json], ['series.csv', seriesCsv(result)], ...renderChartFiles(result)];
    await writeOutputFiles(files, opts.out);
  }
  process.stdout.write(opts.json ? json : summaryTable(result));
}
