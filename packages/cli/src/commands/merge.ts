import type { CommandModule } from 'yargs';
import { mergeShards, readShardFile } from '@cutover/sim';
import { deliverResult } from '../deliver-result.ts';

interface MergeArgs {
  shards: string[];
  out?: string;
  json: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <shards..>',
  describe: 'Join the slices written by `cutover run --shard k/n` into one Result',
  builder: (y) =>
    y
      .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'shard files' })
      .option('out', { type: 'string', describe: 'directory for result.json, series.csv, report.html and the charts' })
      .option('json', { type: 'boolean', default: false, describe: 'print the Result as JSON instead of the summary table' }) as never,
  handler: async (args) => {
    const shards = await Promise.all(args.shards.map(async (file) => ({ file, shard: await readShardFile(file) })));
    await deliverResult(mergeShards(shards), { json: args.json, ...(args.out !== undefined ? { out: args.out } : {}) });
  },
};
