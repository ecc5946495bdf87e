import type { CommandModule } from 'yargs';
import { readResultFile } from '../result-file.ts';

interface ChartArgs {
  result: string;
  out: string;
}

export const chartCommand: CommandModule<object, ChartArgs> = {
  command: 'chart <result>',
  describe: 'Redraw the charts and report.html from a saved result.json',
  builder: (y) =>
    y
      .positional('result', { type: 'string', demandOption: true, describe: 'result.json written by cutover run' })
      .option('out', { type: 'string', demandOption: true, describe: 'directory for report.html and one .svg and .png per chart' }) as never,
  handler: async (args) => {
    const result = await readResultFile(args.result);
    // Loaded here, not at the top: the charts pull in d3 and resvg's native renderer, which the
    // other commands (a DNS server among them) should not pay for at start-up.
    const { writeCharts } = await import('@cutover/viz');
    const written = await writeCharts(result, args.out);
    process.stdout.write(`${written.join('\n')}\n`);
  },
};
