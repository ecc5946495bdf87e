import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's lab hierarchy and the cutover command, as the tests run them. */
export const LAB_DIR = resolve(import.meta.dirname, '../../../scenarios/zones/lab');
export const CUTOVER = resolve(import.meta.dirname, '../bin/cutover.js');

export interface LabServer {
  dir: string;
  addresses: string[];
}

export interface Lab {
  /** Where the lab's rewritten copy lives. */
  dir: string;
  rootHints: string;
  servers: LabServer[];
  /** The lab address 127.53.x.y moved into this lab's own 127.N.x.y. */
  address(labAddress: string): string;
  /** Rewrites a zone file of the lab and sends its server a SIGHUP. */
  editZone(server: string, file: string, edit: (text: string) => string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Copies the lab hierarchy with its addresses moved from 127.53.0.0/16 to 127.N.0.0/16 (so that
 * test files running at the same time never share a socket), and starts one `cutover serve`
 * process per server of `servers.txt`, listening on port 53.
 */
export async function startLab(secondOctet: number, serveFlags: string[] = []): Promise<Lab> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-lab-'));
  await cp(LAB_DIR, dir, { recursive: true });
  const move = (text: string) => text.replaceAll('127.53.', `127.${secondOctet}.`);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(zone|hints|txt)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    await writeFile(file, move(await readFile(file, 'utf8')));
  }
  const servers = parseServers(await readFile(join(dir, 'servers.txt'), 'utf8'));
  const processes = new Map<string, ChildProcess>();
  try {
    await Promise.all(
      servers.map(async (server) => {
        const args = ['serve', '--zones', join(dir, server.dir), ...server.addresses.flatMap((a) => ['--listen', `${a}:53`]), ...serveFlags];
        processes.set(server.dir, await startDaemon(args, /^cutover serve: serving/m));
      }),
    );
  } catch (error) {
    for (const p of processes.values()) p.kill();
    throw error;
  }
  return {
    dir,
    rootHints: join(dir, 'root.hints'),
    servers,
    address: move,
    async editZone(server, file, edit) {
      const path = join(dir, server, file);
      await writeFile(path, edit(await readFile(path, 'utf8')));
      const p = processes.get(server);
      if (!p) throw new Error(`no lab server ${server}`);
      await signalAndWait(p, 'SIGHUP', /^cutover serve: (reloaded|reload failed)/m);
    },
    async stop() {
      await Promise.all([...processes.values()].map(stopDaemon));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function parseServers(text: string): LabServer[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [dir, ...addresses] = line.split(/\s+/);
      return { dir: dir as string, addresses };
    });
}

/** Output a daemon has written to stderr so far, kept for failure messages. */
const stderrOf = new WeakMap<ChildProcess, { text: string }>();

/** Starts `cutover ARGS` and resolves once its stderr matches `ready`. */
export function startDaemon(args: string[], ready: RegExp, timeoutMs = 20_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CUTOVER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = { text: '' };
  stderrOf.set(child, log);
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log.text += chunk));
  child.stdout.resume();
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`cutover ${args.join(' ')} did not start in ${timeoutMs} ms: ${log.text}`));
    }, timeoutMs);
    const check = () => {
      if (ready.test(log.text)) {
        clearTimeout(timer);
        child.stderr.off('data', check);
        resolvePromise(child);
      }
    };
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cutover ${args.join(' ')} exited with ${code}: ${log.text}`));
    });
  });
}

function signalAndWait(child: ChildProcess, signal: NodeJS.Signals, after: RegExp): Promise<void> {
  const log = stderrOf.get(child) as { text: string };
  const before = log.text.length;
  child.kill(signal);
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (after.test(log.text.slice(before))) {
        clearInterval(poll);
        resolvePromise();
      } else if (Date.now() - started > 10_000) {
        clearInterval(poll);
        reject(new Error(`no reaction to ${signal}: ${log.text}`));
      }
    }, 20);
  });
}

export function stopDaemon(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

export function daemonLog(child: ChildProcess): string {
  return stderrOf.get(child)?.text ?? '';
}
