import { readFile } from 'node:fs/promises';
import { InputError } from '@cutover/resolver';
import { parseShardJson, type ShardFile } from './shard.ts';

/** Reads a file written by `cutover run --shard`, refusing anything else on one line. */
export async function readShardFile(file: string): Promise<ShardFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseShardJson(text);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`);
  }
  const shard = value as Partial<ShardFile> | null;
  if (shard === null || typeof shard !== 'object' || shard.kind !== 'cutover-shard') {
    throw new InputError(`${file}: not a shard written by "cutover run --shard k/n" (expected "kind": "cutover-shard")`);
  }
  if (shard.version !== 1) throw new InputError(`${file}: shard format version ${String(shard.version)}, expected 1`);
  if (!Array.isArray(shard.outputs) || typeof shard.fingerprint !== 'string' || typeof shard.scenario !== 'object' || !shard.shard) {
    throw new InputError(`${file}: incomplete shard: expected fingerprint, scenario, shard and outputs`);
  }
  return shard as ShardFile;
}
