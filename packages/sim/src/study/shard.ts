import { createHash } from 'node:crypto';
import { InputError } from '@cutover/resolver';
import type { ReplicationOutput } from '../replication.ts';
import type { Scenario } from '../scenario/types.ts';

/** `--shard k/n`: the k-th of n slices of a study (k counted from 1). */
export interface ShardSpec {
  k: number;
  n: number;
}

export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) throw new InputError(`--shard ${JSON.stringify(text)}: expected k/n with 1 ≤ k ≤ n, e.g. 2/8`);
  return { k, n };
}

/**
 * Replications of slice k of n: every n-th, starting at k − 1, so that slices are balanced
 * whatever the count and any batch system's array index maps straight to a slice.
 */
export function shardReplications(replications: number, shard: ShardSpec): number[] {
  const out: number[] = [];
  for (let r = shard.k - 1; r < replications; r += shard.n) out.push(r);
  return out;
}

/** What `cutover run --shard` writes: the raw replications, for `cutover merge` to join exactly. */
export interface ShardFile {
  kind: 'cutover-shard';
  version: 1;
  /** Identifies the scenario and everything in it that changes the outcome. */
  fingerprint: string;
  scenarioName: string;
  seed: number;
  replications: number;
  shard: ShardSpec;
  /** The normalised scenario, so that merge can build the Result without the files it came from. */
  scenario: Scenario;
  outputs: ReplicationOutput[];
}

/** JSON of a shard; octet strings (opaque RDATA) are written as hex so they come back as octets. */
export function stringifyShard(shard: ShardFile): string {
  return `${JSON.stringify(shard, (_k, v: unknown) => (v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('hex') } : v))}\n`;
}

export function parseShardJson(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && '$bytes' in v && typeof v.$bytes === 'string' ? new Uint8Array(Buffer.from(v.$bytes, 'hex')) : v,
  );
}

/**
 * A digest of the normalised scenario, so that merge refuses slices of different studies. The
 * file path is left out: the same scenario run from another directory is the same study.
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const { file: _file, ...rest } = scenario;
  return createHash('sha256').update(JSON.stringify(rest, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v))).digest('hex').slice(0, 32);
}
