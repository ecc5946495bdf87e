import { spawn } from 'node:child_process';

export interface DnsperfResult {
  queriesPerSecond: number;
  completed: number;
  lost: number;
}

/**
 * Runs Debian's dnsperf against `server` for `seconds` with the given query lines
 * ("www.example.com A") and reads its summary.
 */
export function dnsperf(server: string, port: number, queryFile: string, seconds: number, clients = 4): Promise<DnsperfResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('dnsperf', ['-s', server, '-p', String(port), '-d', queryFile, '-l', String(seconds), '-c', String(clients), '-q', '200', '-t', '2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const qps = /Queries per second:\s+([\d.]+)/.exec(out);
      const completed = /Queries completed:\s+(\d+)/.exec(out);
      const lost = /Queries lost:\s+(\d+)/.exec(out);
      if (code !== 0 || !qps || !completed || !lost) reject(new Error(`dnsperf failed (${code}): ${out}`));
      else resolve({ queriesPerSecond: Number(qps[1]), completed: Number(completed[1]), lost: Number(lost[1]) });
    });
  });
}
