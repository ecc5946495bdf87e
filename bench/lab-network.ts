import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Authority, makeQuery, parseZoneFile, Zone, type Message, type Recursor } from '@cutover/resolver';

/**
 * The lab hierarchy of scenarios/zones/lab as in-memory authorities by address, and a driver
 * that runs a resolution against them synchronously: no sockets, no clock, so a benchmark
 * measures the resolver and the authority and nothing else.
 */
export async function loadLabNetwork(labDir: string): Promise<Map<string, Authority>> {
  const servers = new Map<string, Authority>();
  const layout = (await readFile(join(labDir, 'servers.txt'), 'utf8')).split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  for (const line of layout) {
    const [dir, ...addresses] = line.trim().split(/\s+/) as [string, ...string[]];
    const zones: Zone[] = [];
    for (const file of (await readdir(join(labDir, dir))).filter((f) => f.endsWith('.zone'))) {
      const path = join(labDir, dir, file);
      zones.push(Zone.fromRecords(parseZoneFile(await readFile(path, 'utf8'), { file: path })));
    }
    const authority = new Authority(zones, { cookies: false });
    for (const address of addresses) servers.set(address, authority);
  }
  return servers;
}

/** Resolves `name type` through `network` at virtual time `now`, every reply arriving at once. */
export function resolveInMemory(recursor: Recursor, network: Map<string, Authority>, name: string, type: number, now: number): Message {
  const resolution = recursor.resolve(makeQuery(1, name, type, { rd: true }), now);
  const pending = resolution.start(now);
  for (let action = pending.shift(); action !== undefined; action = pending.shift()) {
    if (action.kind === 'answer') return action.response;
    const server = network.get(action.to);
    const message = server?.answer(action.query, { now, client: '127.0.0.1' });
    pending.push(...resolution.handle(message ? { kind: 'response', ref: action.ref, message } : { kind: 'timeout', ref: action.ref }, now));
  }
  throw new Error(`resolution of ${name} ended without an answer`);
}
