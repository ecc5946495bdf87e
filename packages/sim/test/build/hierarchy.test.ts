/**
 * The world built from the Route 53 migration guide's scenario, checked by resolving through it
 * with a plain Recursor of the resolver package (no ResolverNode, no skipping): the names resolve
 * the way they do on the Internet, from the root hints down, and the answer moves from the old
 * provider to Route 53 when com publishes the change.
 */
import { describe, expect, it } from 'vitest';
import { getProfile, makeQuery, Rcode, Recursor, RRType, type Message, type SoaData } from '@cutover/resolver';
import { buildWorld, type BuiltWorld } from '../../src/build/build-world.ts';
import { resolveAt } from '../../src/build/warm-up.ts';
import { streamFor } from '../../src/random/streams.ts';
import { parseScenario } from '../../src/scenario/load.ts';

const GUIDE = `
# The Route 53 guide: lower the NS TTL at the old provider, wait out the old TTL, change NS.
domain: example.com
horizon: 5d
bin: 1h
registrar: { delay: 2m }
hierarchy:
  tlds:
    com: { publishDelay: 3m }
watch:
  - www.example.com
providers:
  old:
    nameservers: [ns1.oldprovider.net, ns2.oldprovider.net]
    zone:
      records:
        - "www 300 IN A 192.0.2.10"
        - "@ 3600 IN MX 10 mail"
  new:
    preset: route53
    zone:
      records:
        - "www 300 IN A 192.0.2.20"
        - "@ 3600 IN MX 10 mail"
resolvers: { count: 2 }
clients: { count: 10 }
plan:
  - { id: lower-ttl, at: 0, set-ttl: { provider: old, ttl: 900 } }
  - { id: change, after: lower-ttl, wait: 48h, delegate: { to: new } }
`;

function resolve(built: BuiltWorld, name: string, type: number, at: number, seed: number): { response: Message; asked: string[] } {
  const recursor = new Recursor({ rootHints: built.hierarchy.rootHints, profile: getProfile('unbound'), random: streamFor(seed, 'test').next, trace: false });
  const { response, asked } = resolveAt(recursor, built.world.network, '100.127.0.1', makeQuery(1, name, type, { rd: true }), at, () => 0.005);
  expect(response).toBeDefined();
  return { response: response!, asked };
}

function addressOf(response: Message): string[] {
  return response.answer.filter((rr) => rr.type === RRType.A).map((rr) => rr.data as string);
}

describe('the world built from the Route 53 guide', () => {
  const scenario = parseScenario(GUIDE, 'guide.yaml');
  const route53 = scenario.providers.find((p) => p.name === 'new')!;
  const route53Addresses = route53.nameservers.map((s) => s.address);
  const oldAddresses = scenario.providers.find((p) => p.name === 'old')!.nameservers.map((s) => s.address);

  it('answers from the old provider before the change and from Route 53 once com has published it', () => {
    const built = buildWorld(scenario, 0, 0, { warmUp: false });
    const before = resolve(built, 'www.example.com.', RRType.A, 10, 1);
    expect(addressOf(before.response)).toEqual(['192.0.2.10']);
    expect(oldAddresses).toContain(before.asked.at(-1));

    // The registrar submits 2 min after the action at 48 h; com publishes 3 min later.
    const published = built.plan.timeline.find((e) => e.label === 'registry publishes');
    built.world.engine.runUntil(48 * 3600 + 290);
    expect(published).toBeUndefined();
    const stillOld = resolve(built, 'www.example.com.', RRType.A, built.world.engine.now, 2);
    expect(addressOf(stillOld.response)).toEqual(['192.0.2.10']);

    built.world.engine.runUntil(48 * 3600 + 301);
    const publication = built.plan.timeline.find((e) => e.label === 'registry publishes')!;
    expect(publication.start).toBe(48 * 3600 + 300);
    expect(built.plan.changeAt).toBe(48 * 3600 + 120);
    const after = resolve(built, 'www.example.com.', RRType.A, built.world.engine.now, 3);
    expect(addressOf(after.response)).toEqual(['192.0.2.20']);
    expect(route53Addresses).toContain(after.asked.at(-1));
  });

  it('has the TTLs of facts.md: root NS 518400, TLD delegations 172800, the Route 53 SOA and NS', () => {
    const built = buildWorld(scenario, 0, 0, { warmUp: false });
    // Read from the zones: Unbound's cache would cap these at its 86400 s.
    const root = built.hierarchy.root.zone('.')!;
    expect(root.apexNs.ttl).toBe(518400);
    expect(root.get('com.', RRType.NS)!.ttl).toBe(172800);
    expect(root.soa.ttl).toBe(86400);
    expect(root.soaData.minimum).toBe(86400);
    const com = built.hierarchy.registries.get('com.')!.provider.zone('com.')!;
    expect(com.get('example.com.', RRType.NS)!.ttl).toBe(172800);
    expect(com.negativeTtl).toBe(900);
    expect(resolve(built, 'com.', RRType.NS, 1, 5).response.rcode).toBe(Rcode.NOERROR);
    const soa = resolve(built, 'example.com.', RRType.SOA, 1, 6);
    // Before the change the old provider answers; Route 53's own zone is checked at its server.
    expect(oldAddresses).toContain(soa.asked.at(-1));
    const zone = built.providers.get('new')!.world.zone('example.com.')!;
    expect(zone.soa.ttl).toBe(900);
    const data = zone.soaData as SoaData;
    expect([data.serial, data.refresh, data.retry, data.expire, data.minimum]).toEqual([1, 7200, 900, 1209600, 86400]);
    expect(zone.apexNs.ttl).toBe(172800);
    expect(zone.apexNs.data).toEqual(['ns-0.awsdns-00.com.', 'ns-512.awsdns-00.net.', 'ns-1024.awsdns-00.org.', 'ns-1536.awsdns-00.co.uk.']);
  });

  it('delegates each awsdns domain (under com, net, org and co.uk, uk implied) to Route 53 with glue', () => {
    const built = buildWorld(scenario, 0, 0, { warmUp: false });
    route53.nameservers.forEach((server, i) => {
      const { response, asked } = resolve(built, server.name, RRType.A, 1, 10 + i);
      expect(response.rcode).toBe(Rcode.NOERROR);
      expect(addressOf(response)).toEqual([server.address]);
      // The last server asked is Route 53's, serving its own awsdns zone.
      expect(route53Addresses).toContain(asked.at(-1));
    });
    const uk = resolve(built, 'uk.', RRType.NS, 1, 20).response;
    expect(uk.rcode).toBe(Rcode.NOERROR);
    const root = built.hierarchy.root.zone('.')!;
    expect(root.get('uk.', RRType.NS)!.ttl).toBe(scenario.hierarchy.root.delegationTtl);
    expect(root.get('co.uk.', RRType.NS)).toBeUndefined();
    expect(built.hierarchy.registries.get('uk.')!.provider.zone('uk.')!.get('co.uk.', RRType.NS)).toBeDefined();
  });

  it('gives registry servers addresses in 198.19.0.0/16 that no scenario server has', () => {
    const built = buildWorld(scenario, 0, 0, { warmUp: false });
    const scenarioAddresses = new Set(scenario.providers.flatMap((p) => p.nameservers.map((s) => s.address)));
    const registryServers = built.world.providers.filter((p) => p.name === 'root' || p.name.startsWith('registry ')).flatMap((p) => p.servers);
    expect(registryServers.length).toBe(1 + 5); // root; com, net, org, uk, co.uk
    for (const server of registryServers) {
      expect(server.address.startsWith('198.19.')).toBe(true);
      expect(scenarioAddresses.has(server.address)).toBe(false);
    }
  });
});
