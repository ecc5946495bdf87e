import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRealResolver, type RealResolver } from './real-resolver.ts';

/**
 * Starts Debian's Knot Resolver (`kresd`) in the foreground with the root servers of a root hints
 * file, no trust anchor (the lab root is unsigned), name servers on loopback allowed, and an empty
 * cache of its own (shared/lab-notes.md). Resolves once it answers a query it has to recurse for.
 */
export async function startKresd(opts: { address: string; port: number; rootHints: string }): Promise<RealResolver> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-kresd-'));
  const roots = (await readFile(opts.rootHints, 'utf8'))
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 5 && f[3] === 'A')
    .map((f) => `['${f[0]}'] = '${f[4]}'`);
  const conf = join(dir, 'kresd.conf');
  await writeFile(
    conf,
    [
      `net.listen('${opts.address}', ${opts.port}, { kind = 'dns' })`,
      "trust_anchors.remove('.')",
      "modules = { 'hints > iterate' }",
      `hints.root({ ${roots.join(', ')} })`,
      // Else name servers at 127/8 are ignored and every answer is SERVFAIL.
      "policy.add(policy.all(policy.FLAGS({'ALLOW_LOCAL'})))",
      `cache.open(10 * MB, 'lmdb://${dir}/cache')`,
      'cache.clear()',
      '',
    ].join('\n'),
  );
  return startRealResolver('kresd', 'kresd', ['-n', '-q', '-c', conf, dir], opts, dir);
}
