import { join, resolve } from 'node:path';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { getProfile, makeQuery, parseZoneFile, Recursor, RRType } from '@cutover/resolver';
import { readFileSync } from 'node:fs';
import { bestOf, figure, type BenchFigure } from './figure.ts';
import { loadLabNetwork, resolveInMemory } from './lab-network.ts';
import { dnsperf } from './dnsperf.ts';
import { startDaemon, startLab, stopDaemon } from '../packages/cli/test/lab.ts';
import { startUnbound } from '../packages/cli/test/unbound.ts';
import { dig } from '../packages/cli/test/dig.ts';
import { mulberry32 } from '../packages/resolver/test/net/fuzz-harness.ts';

const LAB = resolve(import.meta.dirname, '../scenarios/zones/lab');

/**
 * The machine-speed baseline for in-process figures: a bare loop of Map lookups on keys shaped
 * like the cache's, which is the least any cache lookup can cost.
 */
function mapLookupsPerSecond(n: number): number {
  const map = new Map<string, { ttl: number }>();
  const keys = Array.from({ length: 64 }, (_, i) => `host${i}.example.com.|1`);
  for (const k of keys) map.set(k, { ttl: 300 });
  let sink = 0;
  const seconds = bestOf(3, () => {
    for (let i = 0; i < n; i++) sink += map.get(keys[i & 63] as string)?.ttl ?? 0;
  });
  if (sink < 0) throw new Error('unreachable');
  return n / seconds;
}

export async function benchResolverInProcess(): Promise<BenchFigure[]> {
  const network = await loadLabNetwork(LAB);
  const rootHints = parseZoneFile(readFileSync(join(LAB, 'root.hints'), 'utf8'), { origin: '.' });
  const profile = getProfile('unbound');
  const baseline = mapLookupsPerSecond(5_000_000);

  const warm = new Recursor({ rootHints, profile, random: mulberry32(1) });
  resolveInMemory(warm, network, 'www.example.com.', RRType.A, 0);
  const query = makeQuery(7, 'www.example.com.', RRType.A, { rd: true });
  const lookups = 1_000_000;
  let answered = 0;
  const warmSeconds = bestOf(3, () => {
    for (let i = 0; i < lookups; i++) if (warm.answerFromCache(query, 10 + i * 1e-6)) answered++;
  });
  if (answered === 0) throw new Error('the warm cache answered nothing');

  const cold = 2_000;
  const coldSeconds = bestOf(3, () => {
    for (let i = 0; i < cold; i++) {
      const recursor = new Recursor({ rootHints, profile, random: mulberry32(i) });
      const answer = resolveInMemory(recursor, network, 'www.example.com.', RRType.A, 0);
      if (answer.answer.length !== 1) throw new Error('cold resolution failed');
    }
  });

  const shared = new Recursor({ rootHints, profile, random: mulberry32(2) });
  resolveInMemory(shared, network, 'www.example.com.', RRType.A, 0);
  const misses = 20_000;
  let round = 0;
  const missSeconds = bestOf(3, () => {
    round++;
    for (let i = 0; i < misses; i++) resolveInMemory(shared, network, `h${round}-${i}.example.com.`, RRType.A, 1);
  });

  return [
    figure('warm-cache answers, whole response (answerFromCache); baseline: bare Map lookups', 'answers/s', lookups / warmSeconds, baseline),
    figure('cold full resolutions, priming to answer, in-memory lab network; baseline: bare Map lookups', 'resolutions/s', cold / coldSeconds, baseline),
    figure('resolutions with a warm delegation, one query each; baseline: bare Map lookups', 'resolutions/s', misses / missSeconds, baseline),
  ];
}

/**
 * dnsperf against `cutover resolver` and against Unbound with one thread, both with a warm cache,
 * on the same machine in the same run.
 */
export async function benchResolverUdp(seconds = 10): Promise<BenchFigure[]> {
  const lab = await startLab(70);
  const work = await mkdtemp(join(tmpdir(), 'cutover-bench-'));
  const queries = ['www.example.com A', 'example.com MX', 'mail.example.com A', 'example.com NS', 'example.com TXT', 'example.com A'];
  const queryFile = join(work, 'queries.txt');
  await writeFile(queryFile, `${queries.join('\n')}\n`);
  const ours = await startDaemon(['resolver', '--root-hints', lab.rootHints, '--listen', '127.70.9.1:5300'], /answering on/);
  const unbound = await startUnbound({ address: '127.70.9.2', port: 5301, rootHints: lab.rootHints });
  try {
    for (const q of queries) {
      const [name, type] = q.split(' ') as [string, string];
      await dig('127.70.9.1', 5300, name, type);
      await dig('127.70.9.2', 5301, name, type);
    }
    let best = { ours: 0, unbound: 0 };
    for (let round = 0; round < 2; round++) {
      const u = await dnsperf('127.70.9.2', 5301, queryFile, seconds);
      const o = await dnsperf('127.70.9.1', 5300, queryFile, seconds);
      best = { ours: Math.max(best.ours, o.queriesPerSecond), unbound: Math.max(best.unbound, u.queriesPerSecond) };
    }
    return [figure('UDP queries/s sustained by cutover resolver, warm cache (dnsperf), vs Unbound 1 thread', 'queries/s', best.ours, best.unbound)];
  } finally {
    await stopDaemon(ours);
    await unbound.stop();
    await lab.stop();
    await rm(work, { recursive: true, force: true });
  }
}
