import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dig } from './dig.ts';

export interface Unbound {
  process: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

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
  const child = spawn('unbound', ['-d', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (log += c));
  child.stdout?.resume();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await dig(opts.address, opts.port, 'com', 'SOA')).status === 'NOERROR') return { process: child, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`unbound did not become ready: ${log}`);
}
