import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dig } from './dig.ts';

/** One of Debian's recursive resolvers, running in the foreground for a test. */
export interface RealResolver {
  process: ChildProcess;
  log(): string;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts `command args` (a resolver configured in `dir` to answer on `address`:`port`) and
 * resolves once it answers a query it has to recurse for (`com SOA`, shared/lab-notes.md).
 */
export async function startRealResolver(name: string, command: string, args: string[], at: { address: string; port: number }, dir: string): Promise<RealResolver> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (log += c));
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (log += c));
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
      if ((await dig(at.address, at.port, 'com', 'SOA')).status === 'NOERROR') return { process: child, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${name} did not become ready: ${log}`);
}
