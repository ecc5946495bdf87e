import { availableParallelism } from 'node:os';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { buildResult, loadScenario, parseShard, runStudy, scenarioFingerprint, shardReplications, stringifyShard, type Scenario } from '@cutover/sim';
import { UsageError } from '../usage-error.ts';
import { deliverResult } from '../deliver-result.ts';
import { progressBar } from '../progress-bar.ts';

interface RunArgs {
  scenario: string;
  seed?: number;
  replications?: number;
  workers?: number;
  out?: string;
  json: boolean;
  shard?: string;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario: when the share of lookups on the new provider settles, and when the old one can go',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML; see scenarios/)' })
      .option('seed', { type: 'number', describe: "override the scenario's seed" })
      .option('replications', { type: 'number', describe: "override the scenario's number of replications" })
      .option('workers', { type: 'number', describe: 'worker threads (default: the number of cores)' })
      .option('out', { type: 'string', describe: 'directory for result.json, series.csv, report.html and the charts' })
      .option('json', { type: 'boolean', default: false, describe: 'print the Result as JSON instead of the summary table' })
      .option('shard', { type: 'string', describe: 'run slice k/n of the replications and write it for `cutover merge`' }) as never,
  handler: async (args) => {
    const scenario = withOverrides(await loadScenario(args.scenario), args);
    const workers = positiveInteger('--workers', args.workers ?? availableParallelism());
    const shard = args.shard === undefined ? undefined : parseShard(args.shard);
    if (shard && args.out === undefined && !args.json) throw new UsageError('--shard writes a slice for `cutover merge`: give --out DIR or --json');
    const replications = shard ? shardReplications(scenario.replications, shard) : undefined;
    const bar = progressBar(`${scenario.name}: replications`);
    let outputs;
    try {
      outputs = await runStudy(scenario, { workers, onProgress: bar.update, ...(replications ? { replications } : {}) });
    } finally {
      bar.end();
    }
    if (shard) {
      const text = stringifyShard({
        kind: 'cutover-shard',
        version: 1,
        fingerprint: scenarioFingerprint(scenario),
        scenarioName: scenario.name,
        seed: scenario.seed,
        replications: scenario.replications,
        shard,
        scenario,
        outputs,
      });
      if (args.out !== undefined) {
        await mkdir(args.out, { recursive: true });
        await writeFile(join(args.out, `shard-${shard.k}-of-${shard.n}.json`), text);
      }
      if (args.json) process.stdout.write(text);
      return;
    }
    await deliverResult(buildResult(scenario, outputs), { json: args.json, ...(args.out !== undefined ? { out: args.out } : {}) });
  },
};

function withOverrides(scenario: Scenario, args: RunArgs): Scenario {
  return {
    ...scenario,
    ...(args.seed !== undefined ? { seed: integer('--seed', args.seed) } : {}),
    ...(args.replications !== undefined ? { replications: positiveInteger('--replications', args.replications) } : {}),
  };
}

function integer(flag: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new UsageError(`${flag} ${value}: expected a whole number`);
  return value;
}

function positiveInteger(flag: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${flag} ${value}: expected a whole number ≥ 1`);
  return value;
}
