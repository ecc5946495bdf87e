import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRealResolver, type RealResolver } from './real-resolver.ts';

/**
 * Starts Debian's BIND (`named`) in the foreground as a recursive resolver: root hints pointing at
 * a loopback root, DNSSEC validation off (the lab root is unsigned), recursion for 127/8, no
 * control channel, its working files in a directory of its own. Resolves once it answers a query
 * it has to recurse for. named listens only on addresses its interfaces have, so on 127.0.0.1:
 * give it a port of its own.
 */
export async function startNamed(opts: { port: number; rootHints: string }): Promise<RealResolver> {
  const address = '127.0.0.1';
  const dir = await mkdtemp(join(tmpdir(), 'cutover-named-'));
  const conf = join(dir, 'named.conf');
  await writeFile(
    conf,
    [
      'options {',
      `  directory "${dir}";`,
      `  listen-on port ${opts.port} { ${address}; };`,
      '  listen-on-v6 { none; };',
      '  recursion yes;',
      '  allow-query { 127.0.0.0/8; };',
      '  allow-recursion { 127.0.0.0/8; };',
      '  dnssec-validation no;',
      '  pid-file none;',
      '  session-keyfile none;',
      '};',
      'controls { };',
      `zone "." { type hint; file "${opts.rootHints}"; };`,
      '',
    ].join('\n'),
  );
  return startRealResolver('named', 'named', ['-g', '-4', '-n', '1', '-c', conf], { address, port: opts.port }, dir);
}
