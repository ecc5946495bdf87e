import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import {
  buildResult,
  explainMechanism,
  fittedHalfLife,
  halflifeRows,
  halflifeScenarioYaml,
  parseScenario,
  RESOLVER_MIXES,
  runStudy,
  STUB_MIXES,
  tailMechanisms,
  type HalflifeRow,
  type HalflifeSetup,
} from '@cutover/sim';
import { formatDuration, formatShare } from '@cutover/viz/format';
import { UsageError } from '../usage-error.ts';
import { progressBar } from '../progress-bar.ts';

interface HalflifeArgs extends HalflifeSetup {
  workers?: number;
  out?: string;
  json: boolean;
}

export const halflifeCommand: CommandModule<object, HalflifeArgs> = {
  command: 'halflife',
  describe: 'Teach the "half-life" rule of thumb: its table beside the linear model and what a simulated population does',
  builder: (y) =>
    y
      .option('ttl', { type: 'number', demandOption: true, describe: 'the TTL, seconds: delegation, child NS and record alike' })
      .option('mix', { type: 'string', default: 'default', describe: `resolver population: ${Object.keys(RESOLVER_MIXES).join(', ')}` })
      .option('stub', { type: 'string', default: 'default', describe: `stub caches in front of the resolvers: ${Object.keys(STUB_MIXES).join(', ')}` })
      .option('periods', { type: 'number', default: 6, describe: 'rows of the table: after 1, 2, … TTLs' })
      .option('resolvers', { type: 'number', default: 2000, describe: 'resolvers simulated' })
      .option('clients', { type: 'number', default: 100_000, describe: 'clients simulated' })
      .option('replications', { type: 'number', default: 4, describe: 'replications averaged' })
      .option('seed', { type: 'number', default: 1, describe: 'random seed' })
      .option('workers', { type: 'number', describe: 'worker threads (default: the number of cores)' })
      .option('out', { type: 'string', describe: 'directory for the chart (halflife.svg, halflife.png)' })
      .option('json', { type: 'boolean', default: false, describe: 'print {rows, fittedHalfLife, tail} as JSON' }) as never,
  handler: async (args) => {
    const ttl = wholeAtLeast('--ttl', args.ttl, 1);
    const periods = wholeAtLeast('--periods', args.periods, 1);
    if (!(args.mix in RESOLVER_MIXES)) throw new UsageError(`--mix ${JSON.stringify(args.mix)}: expected one of ${Object.keys(RESOLVER_MIXES).join(', ')}`);
    if (!(args.stub in STUB_MIXES)) throw new UsageError(`--stub ${JSON.stringify(args.stub)}: expected one of ${Object.keys(STUB_MIXES).join(', ')}`);
    const setup = {
      ttl,
      mix: args.mix,
      stub: args.stub,
      periods,
      resolvers: wholeAtLeast('--resolvers', args.resolvers, 1),
      clients: wholeAtLeast('--clients', args.clients, 1),
      replications: wholeAtLeast('--replications', args.replications, 1),
      seed: wholeAtLeast('--seed', args.seed, 0),
    };
    const scenario = parseScenario(halflifeScenarioYaml(setup), '(halflife)');
    const bar = progressBar('halflife: replications');
    let outputs;
    try {
      outputs = await runStudy(scenario, { workers: wholeAtLeast('--workers', args.workers ?? availableParallelism(), 1), onProgress: bar.update });
    } finally {
      bar.end();
    }
    const result = buildResult(scenario, outputs);
    const rows = halflifeRows(result, ttl, periods);
    const fitted = fittedHalfLife(result, ttl, periods);
    const tail = tailMechanisms(result, outputs, ttl, periods);
    if (args.out !== undefined) {
      const { adoptionChart, firstTtlsWindow, svgToPng, writeOutputFiles } = await import('@cutover/viz');
      const svg = adoptionChart(result, { window: firstTtlsWindow(result), heading: `The rule of thumb, the linear model and the "${args.mix}" population, TTL ${ttl} s` });
      await writeOutputFiles([['halflife.svg', svg], ['halflife.png', svgToPng(svg)]], args.out);
    }
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ ttl, mix: args.mix, stub: args.stub, rows, fittedHalfLife: round(fitted), tail })}\n`);
      return;
    }
    process.stdout.write(
      formatTable(ttl, args.mix, setup, rows, fitted) +
        formatTail(tail.map((t) => ({ ...t, why: explainMechanism(t.mechanism, scenario.resolvers.mix) }))) +
        (args.out !== undefined ? `\nchart: ${join(args.out, 'halflife.svg')}, ${join(args.out, 'halflife.png')}\n` : ''),
    );
  },
};

function formatTable(ttl: number, mix: string, setup: { resolvers: number; clients: number; replications: number }, rows: HalflifeRow[], fitted: number): string {
  const lines = [
    `TTL ${ttl} s, resolver mix "${mix}": ${setup.resolvers.toLocaleString('en-US')} resolvers, ${setup.clients.toLocaleString('en-US')} clients, mean of ${setup.replications} replications`,
    '',
    'after      rule of thumb   linear model   simulated',
    ...rows.map((r) => `${`${r.periods}×TTL`.padEnd(9)}  ${formatShare(r.ruleOfThumb).padStart(13)}  ${formatShare(r.linear).padStart(13)}  ${formatShare(r.simulated).padStart(10)}`),
    '',
    `half-life fitted to the simulated curve: ${formatDuration(fitted)} (${(fitted / ttl).toFixed(2)} × TTL; the rule of thumb says 1 × TTL)`,
    '',
    'The rule of thumb (1 − 2^(−t/TTL)) has no published support. A resolver that honours the TTL and is',
    'asked often switches at a time uniform within one TTL, so such a population is all on the new',
    'provider after one TTL: the linear model. The gap between it and the simulated column is the tail:',
  ];
  return `${lines.join('\n')}\n`;
}

function formatTail(tail: { mechanism: string; share: number; why: string }[]): string {
  if (tail.length === 0) return '  no lookups reached the old provider after one TTL.\n';
  const width = Math.max(...tail.map((t) => t.mechanism.length));
  return `${tail.map((t) => `  ${t.mechanism.padEnd(width)}  ${formatShare(t.share).padStart(7)} of the late lookups: ${t.why}`).join('\n')}\n`;
}

function wholeAtLeast(flag: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${flag} ${value}: expected a whole number ≥ ${min}`);
  return value;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
