import { randomBytes, randomInt } from 'node:crypto';
import type { CommandModule } from 'yargs';
import { drive, formatTrace, getProfile, makeQuery, Recursor, Transport, RRType } from '@cutover/resolver';
import { loadRootHints } from '../root-hints.ts';
import { parseQueryName, parseQueryType } from './options.ts';
import { formatMessage } from '../format-message.ts';

import { wallClock } from '../wall-clock.ts';

interface ResolveArgs {
  name: string;
  type: string;
  'root-hints': string;
  profile: string;
  trace: boolean;
}

export const resolveCommand: CommandModule<object, ResolveArgs> = {
  command: 'resolve <name> [type]',
  describe: 'Resolve one name iteratively from the root hints and print the answer (--trace: every step, like dig +trace)',
  builder: (y) =>
    y
      .positional('name', { type: 'string', demandOption: true, describe: 'domain name to look up' })
      .positional('type', { type: 'string', default: 'A', describe: 'record type' })
      .option('root-hints', { type: 'string', demandOption: true, describe: 'root hints file (master format, like named.root)' })
      .option('profile', { type: 'string', default: 'unbound', describe: 'resolver profile' })
      .option('trace', { type: 'boolean', default: false, describe: 'print each query and what came back' }) as never,
  handler: async (args) => {
    const name = parseQueryName(args.name);
    const type = parseQueryType(args.type ?? 'A');
    const profile = getProfile(args.profile);
    const rootHints = await loadRootHints(args['root-hints']);
    const recursor = new Recursor({ rootHints, profile, random: () => randomInt(0, 2 ** 32) / 2 ** 32, cookieSecret: randomBytes(16) });
    const transport = new Transport();
    try {
      const resolution = recursor.resolve(makeQuery(0, name, type || RRType.A, { rd: true }), wallClock());
      const answer = await drive(resolution, transport, wallClock);
      if (args.trace) process.stdout.write(formatTrace(resolution.trace));
      process.stdout.write(formatMessage(answer));
    } finally {
      transport.close();
    }
  },
};
