/**
 * A small world for the simulation's tests, the same hierarchy as the resolver package's replay
 * lab (packages/resolver/test/replay/world.ts), built from RR lists:
 *
 *   root        10.0.0.1  a.root-servers.net
 *   com, net    10.0.0.2  a.gtld-servers.net
 *   old         10.1.0.1  ns1.oldprov.net   10.1.0.2 ns2.oldprov.net   www → 192.0.2.1
 *   new         10.2.0.1  ns1.newprov.net   10.2.0.2 ns2.newprov.net   www → 192.0.2.2
 */
import { parseZoneFile, RRType, Zone, type Profile, type RR } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import type { Provider, Registry } from '../../src/world/server-node.ts';
import { World } from '../../src/world/world.ts';
import type { Distribution } from '../../src/random/distribution.ts';
import { comZone, netZone, rootZone } from '../../../resolver/test/replay/world.ts';

export const OLD_WWW = '192.0.2.1';
export const NEW_WWW = '192.0.2.2';

export function records(text: string): RR[] {
  return parseZoneFile(text, { defaultTtl: 3600 });
}

function zone(text: string): Zone {
  return Zone.fromRecords(records(text));
}

export const rootHints = records(`
. 518400 NS a.root-servers.net.
a.root-servers.net. 518400 A 10.0.0.1
`);

export interface LabOptions {
  horizon: number;
  bin?: number;
  /** TTL of example.com's NS set in com (the delegation TTL). */
  parentTtl: number;
  /** TTL of example.com's apex NS set at the providers; the parent's by default. */
  childTtl?: number;
  wwwTtl: number;
}

export interface Lab {
  world: World;
  tld: Registry;
  root: Provider;
  com: Provider;
  old: Provider;
  new: Provider;
  classify: (provider: number) => AnswerClass;
  /** Adds a resolver watching www.example.com A. */
  resolver(profile: Profile, rate: number, opts?: { start?: number; skip?: boolean; latency?: Distribution; seed?: number }): ReturnType<World['addResolver']>;
  /** Adds a public resolver of `shards` shards watching www.example.com A. */
  publicResolver(profile: Profile, rate: number, shards: number): ReturnType<World['addPublicResolver']>;
  /** Has com refer example.com to the new provider, published at `at`. */
  changeDelegationAt(at: number): void;
}

export function lab(opts: LabOptions): Lab {
  const world = new World({ horizon: opts.horizon, bin: opts.bin ?? 60 });
  const parentTtl = opts.parentTtl;
  const childTtl = opts.childTtl ?? parentTtl;
  const root = world.addProvider('root', [{ host: 'a.root-servers.net.', address: '10.0.0.1' }], [
    zone(rootZone),
  ]);
  const com = world.addProvider('com', [{ host: 'a.gtld-servers.net.', address: '10.0.0.2' }], [
    zone(comZone(parentTtl, 'oldprov')),
    zone(netZone),
  ]);
  const provider = (name: 'oldprov' | 'newprov', prefix: string, www: string): Provider =>
    world.addProvider(
      name,
      [
        { host: `ns1.${name}.net.`, address: `${prefix}.1` },
        { host: `ns2.${name}.net.`, address: `${prefix}.2` },
      ],
      [
        zone(`
${name}.net. 900 SOA ns1.${name}.net. hostmaster.${name}.net. 1 7200 900 1209600 900
${name}.net. 172800 NS ns1.${name}.net.
${name}.net. 172800 NS ns2.${name}.net.
ns1.${name}.net. 172800 A ${prefix}.1
ns2.${name}.net. 172800 A ${prefix}.2
`),
        zone(`
example.com. 900 SOA ns1.${name}.net. hostmaster.${name}.net. 1 7200 900 1209600 30
example.com. ${childTtl} NS ns1.${name}.net.
example.com. ${childTtl} NS ns2.${name}.net.
www.example.com. ${opts.wwwTtl} A ${www}
`),
      ],
    );
  const old = provider('oldprov', '10.1.0', OLD_WWW);
  const newProvider = provider('newprov', '10.2.0', NEW_WWW);
  const classify = world.classifier(
    new Map([
      [old, AnswerClass.Old],
      [newProvider, AnswerClass.New],
    ]),
    AnswerClass.Failed,
  );
  let publishAt = 0;
  const tld = world.registry(com, () => publishAt);
  let resolvers = 0;
  return {
    world,
    tld,
    root,
    com,
    old,
    new: newProvider,
    classify,
    resolver(profile, rate, o = {}) {
      const n = resolvers++;
      return world.addResolver({
        seed: o.seed ?? 1,
        address: `10.255.${n >> 8}.${n & 255}`,
        profile,
        rootHints,
        watch: { name: 'www.example.com.', type: RRType.A, zone: 'example.com.' },
        rate,
        latency: o.latency ?? 0.005,
        classify,
        ...(o.skip === undefined ? {} : { skip: o.skip }),
        ...(o.start === undefined ? {} : { start: o.start }),
      });
    },
    publicResolver(profile, rate, shards) {
      const n = resolvers++;
      return world.addPublicResolver(
        {
          seed: 1,
          address: `10.255.${n >> 8}.${n & 255}`,
          profile,
          rootHints,
          watch: { name: 'www.example.com.', type: RRType.A, zone: 'example.com.' },
          rate,
          latency: 0.005,
          classify,
        },
        shards,
      );
    },
    changeDelegationAt(at) {
      publishAt = at - world.engine.now;
      tld.submit('com.', {
        put: [{ name: 'example.com.', type: RRType.NS, class: 1, ttl: parentTtl, data: ['ns1.newprov.net.', 'ns2.newprov.net.'] }],
      });
    },
  };
}
