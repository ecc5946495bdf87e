import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BenchFigure } from './figure.ts';
import { benchResolverInProcess, benchResolverUdp } from './resolver.bench.ts';
import { benchEngine } from './engine.bench.ts';
import { benchReport } from './report.bench.ts';
import { benchSimulation } from './sim.bench.ts';

/**
 * `npm run bench`: every figure with its same-run baseline and ratio, printed and written to
 * bench/results.json. bench/RESULTS.md explains the latest figures.
 */
const suites: [string, () => Promise<BenchFigure[]>][] = [
  ['resolver, in process', benchResolverInProcess],
  ['resolver over UDP', () => benchResolverUdp()],
  ['simulation engine', benchEngine],
  ['report', benchReport],
  ['simulation, reference scenario', benchSimulation],
];

const results: BenchFigure[] = [];
for (const [title, suite] of suites) {
  process.stdout.write(`\n${title}\n`);
  for (const f of await suite()) {
    results.push(f);
    process.stdout.write(`  ${f.name}: ${f.value} ${f.unit} (baseline ${f.baseline}, ratio ${f.ratio})\n`);
  }
}
await writeFile(resolve(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
