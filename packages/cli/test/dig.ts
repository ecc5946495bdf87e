import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DigAnswer {
  status: string;
  flags: string[];
  answer: { name: string; ttl: number; type: string; data: string }[];
  raw: string;
}

/** Asks a server with Debian's `dig` and parses the parts of its output the tests look at. */
export async function dig(server: string, port: number, name: string, type = 'A', extra: string[] = []): Promise<DigAnswer> {
  const { stdout } = await run('dig', [`@${server}`, '-p', String(port), name, type, '+tries=1', '+time=5', '+nocmd', ...extra]);
  const status = /status: (\w+)/.exec(stdout)?.[1] ?? 'NONE';
  const flags = (/;; flags: ([^;]*);/.exec(stdout)?.[1] ?? '').trim().split(/\s+/);
  const answer: DigAnswer['answer'] = [];
  const section = /;; ANSWER SECTION:\n([\s\S]*?)(?:\n\n|$)/.exec(stdout)?.[1] ?? '';
  for (const line of section.split('\n')) {
    const m = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$/.exec(line);
    if (m) answer.push({ name: m[1] as string, ttl: Number(m[2]), type: m[3] as string, data: (m[4] as string).trim() });
  }
  return { status, flags, answer, raw: stdout };
}
