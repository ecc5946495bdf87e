import { randomBytes, randomInt } from 'node:crypto';
import type { CommandModule } from 'yargs';
import { drive, getProfile, Recursor, startDnsServer, Transport } from '@cutover/resolver';
import { loadRootHints } from '../root-hints.ts';
import { asList, parseListen } from './options.ts';
import { wallClock } from '../wall-clock.ts';
import { untilSignalled } from '../signals.ts';

interface ResolverArgs {
  'root-hints': string;
  listen: string[];
  profile: string;
}

export const resolverCommand: CommandModule<object, ResolverArgs> = {
  command: 'resolver',
  describe: 'Run the recursive resolver; it queries the servers it learns about on port 53',
  builder: (y) =>
    y
      .option('root-hints', { type: 'string', demandOption: true, describe: 'root hints file (master format, like named.root)' })
      .option('listen', { type: 'string', array: true, demandOption: true, describe: 'IP:PORT to answer clients on (repeatable; loopback only)' })
      .option('profile', { type: 'string', default: 'unbound', describe: 'resolver profile: unbound, bind, bind-parent-centric, powerdns, knot, …' }) as never,
  handler: async (args) => {
    const listen = asList(args.listen).map(parseListen);
    const profile = getProfile(args.profile);
    const rootHints = await loadRootHints(args['root-hints']);
    const log = (line: string) => process.stderr.write(`cutover resolver: ${line}\n`);
    const recursor = new Recursor({ rootHints, profile, random: () => randomInt(0, 2 ** 32) / 2 ** 32, cookieSecret: randomBytes(16), trace: false });
    const transport = new Transport();
    const server = await startDnsServer({
      listen,
      handler: (query) => drive(recursor.resolve(query, wallClock()), transport, wallClock),
      log,
    });
    log(`profile ${args.profile}, answering on ${server.addresses.map((a) => `${a.address}:${a.port}`).join(', ')}`);
    // Expired entries stay in the cache until swept; once a minute keeps memory bounded.
    const sweeper = setInterval(() => recursor.cache.sweep(wallClock()), 60_000).unref();
    await untilSignalled(['SIGINT', 'SIGTERM']);
    clearInterval(sweeper);
    await server.close();
    transport.close();
  },
};
