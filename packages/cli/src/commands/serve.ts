import { randomBytes } from 'node:crypto';
import type { CommandModule } from 'yargs';
import { Authority, startDnsServer, InputError } from '@cutover/resolver';
import { loadZoneDirectory } from '../zone-directory.ts';
import { asList, parseListen } from './options.ts';
import { wallClock } from '../wall-clock.ts';
import { untilSignalled } from '../signals.ts';

interface ServeArgs {
  zones: string;
  listen: string[];
  'apex-ns': boolean;
  cookies: boolean;
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve',
  describe: 'Serve the zone files in a directory authoritatively over UDP and TCP; SIGHUP reloads them',
  builder: (y) =>
    y
      .option('zones', { type: 'string', demandOption: true, describe: 'directory of zone files (*.zone); origin = owner of the SOA' })
      .option('listen', { type: 'string', array: true, demandOption: true, describe: 'IP:PORT to serve on (repeatable; loopback only)' })
      .option('apex-ns', { type: 'boolean', default: true, describe: 'add the apex NS RRset to the authority section of positive answers, as BIND does' })
      .option('cookies', { type: 'boolean', default: true, describe: 'return DNS COOKIEs (RFC 7873), as BIND, NSD and Knot do' }) as never,
  handler: async (args) => {
    const listen = asList(args.listen).map(parseListen);
    const log = (line: string) => process.stderr.write(`cutover serve: ${line}\n`);
    const authority = new Authority(await loadZoneDirectory(args.zones), {
      apexNsInAuthority: args['apex-ns'],
      cookies: args.cookies ? { secret: randomBytes(16) } : false,
    });
    const server = await startDnsServer({
      listen,
      handler: (query, info) => authority.answer(query, { now: wallClock(), client: info.address }),
      log,
    });
    log(`serving ${describeZones(authority)} on ${server.addresses.map((a) => `${a.address}:${a.port}`).join(', ')}`);
    const onHangup = () => {
      loadZoneDirectory(args.zones).then(
        (zones) => {
          authority.setZones(zones);
          log(`reloaded ${describeZones(authority)}`);
        },
        (error: unknown) => {
          const why = error instanceof InputError ? error.message : String(error);
          log(`reload failed, still serving the previous zones: ${why}`);
        },
      );
    };
    process.on('SIGHUP', onHangup);
    await untilSignalled(['SIGINT', 'SIGTERM']);
    process.off('SIGHUP', onHangup);
    await server.close();
  },
};

function describeZones(authority: Authority): string {
  const origins = authority.zones.map((z) => z.origin);
  return `${origins.length} zone${origins.length === 1 ? '' : 's'} (${origins.join(' ')})`;
}
