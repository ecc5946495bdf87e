import { InputError } from '@cutover/resolver';
import type { Result } from '../result.ts';
import { buildResult } from '../aggregate/build-result.ts';
import type { ShardFile } from './shard.ts';

/**
 * Joins the slices of one study into its Result. Refuses slices of different scenarios or seeds,
 * a replication present twice, and a study with replications missing, naming the files.
 */
export function mergeShards(shards: readonly { file: string; shard: ShardFile }[]): Result {
  const first = shards[0];
  if (!first) throw new InputError('merge: name at least one shard file');
  for (const { file, shard } of shards) {
    if (shard.fingerprint !== first.shard.fingerprint) {
      throw new InputError(`${file}: slice of another study (scenario "${shard.scenarioName}", seed ${shard.seed}) than ${first.file} (scenario "${first.shard.scenarioName}", seed ${first.shard.seed})`);
    }
  }
  const seen = new Map<number, string>();
  const outputs = [];
  for (const { file, shard } of shards) {
    for (const output of shard.outputs) {
      const previous = seen.get(output.replication);
      if (previous !== undefined) throw new InputError(`${file}: replication ${output.replication} is also in ${previous}`);
      seen.set(output.replication, file);
      outputs.push(output);
    }
  }
  const total = first.shard.replications;
  const missing = Array.from({ length: total }, (_, r) => r).filter((r) => !seen.has(r));
  if (missing.length > 0) {
    const n = first.shard.shard.n;
    const slices = [...new Set(missing.map((r) => (r % n) + 1))].map((k) => `${k}/${n}`);
    throw new InputError(`merge: replications ${missing.join(', ')} of ${total} are missing (slices ${slices.join(', ')})`);
  }
  return buildResult(first.shard.scenario, outputs);
}
