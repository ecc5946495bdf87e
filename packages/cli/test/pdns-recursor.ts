import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRealResolver, type RealResolver } from './real-resolver.ts';

/**
 * Starts Debian's PowerDNS Recursor in the foreground with one thread, root hints pointing at a
 * loopback root, DNSSEC off, and querying of 127/8 allowed (shared/lab-notes.md). Resolves once
 * it answers a query it has to recurse for.
 */
export async function startPdnsRecursor(opts: { address: string; port: number; rootHints: string }): Promise<RealResolver> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-pdns-'));
  await writeFile(
    join(dir, 'recursor.conf'),
    [
      `local-address=${opts.address}`,
      `local-port=${opts.port}`,
      'allow-from=127.0.0.0/8',
      `hint-file=${opts.rootHints}`,
      'dnssec=off',
      // The default refuses to query 127/8, where the lab's servers are.
      'dont-query=',
      // Else it sends security polls into the lab's com.
      'security-poll-suffix=',
      'daemon=no',
      'write-pid=no',
      `socket-dir=${dir}`,
      'threads=1',
      '',
    ].join('\n'),
  );
  return startRealResolver('pdns_recursor', 'pdns_recursor', [`--config-dir=${dir}`], opts, dir);
}
