import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRealResolver, type RealResolver } from './real-resolver.ts';

export type Unbound = RealResolver;

/**
 * Starts Debian's Unbound in the foreground as a plain iterator (no validator: the lab root is
 * unsigned) with one thread, root hints pointing at a loopback root, and querying of 127/8 allowed
 * (shared/lab-notes.md). Resolves once it answers a query it has to recurse for.
 */
export async function startUnbound(opts: { address: string; port: number; rootHints: string; extra?: string[] }): Promise<Unbound> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-unbound-'));
  const conf = join(dir, 'unbound.conf');
  await writeFile(
    conf,
    [
      'server:',
      `  interface: ${opts.address}@${opts.port}`,
      '  access-control: 127.0.0.0/8 allow',
      '  do-not-query-localhost: no',
      '  do-ip6: no',
      '  module-config: "iterator"',
      `  root-hints: "${opts.rootHints}"`,
      '  username: ""',
      '  chroot: ""',
      '  pidfile: ""',
      `  directory: "${dir}"`,
      '  do-daemonize: no',
      '  use-syslog: no',
      '  logfile: ""',
      '  num-threads: 1',
      '  verbosity: 1',
      ...(opts.extra ?? []).map((line) => `  ${line}`),
      'remote-control:',
      '  control-enable: no',
      '',
    ].join('\n'),
  );
  return startRealResolver('unbound', 'unbound', ['-d', '-c', conf], opts, dir);
}
