/**
 * The network and the servers: replies after the two latencies, timeouts for stopped servers and
 * for replies slower than the timeout, REFUSED from lame ones, silence at a moved server's old
 * address; providers propagating a change server by server (PENDING until INSYNC) without ever
 * rolling a server back; a registry publishing after its delay; every change announced ahead.
 */
import { describe, expect, it } from 'vitest';
import { makeQuery, parseZoneFile, Rcode, RRType, Zone, type Message } from '@cutover/resolver';
import { Engine } from '../../src/engine/engine.ts';
import { ChangeHorizon } from '../../src/world/change-horizon.ts';
import { LoadCounter, Network, type Exchange } from '../../src/world/network.ts';
import { Provider, Registry, ServerNode } from '../../src/world/server-node.ts';

const zone = (serial: number, address: string) =>
  Zone.fromRecords(
    parseZoneFile(`
example.com. 900 SOA ns1.example.net. hostmaster.example.com. ${serial} 7200 900 1209600 300
example.com. 3600 NS ns1.example.net.
www.example.com. 300 A ${address}
`),
  );

function setup() {
  const engine = new Engine();
  const horizon = new ChangeHorizon();
  const network = new Network(engine, horizon, new LoadCounter(10, 10));
  const received: { at: number; reply: Message | undefined; provider: number }[] = [];
  const client = { receive: (e: Exchange, now: number) => received.push({ at: now, reply: e.reply, provider: e.provider }) };
  const servers = ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map((a, i) => new ServerNode(`ns${i + 1}.example.net.`, a, 0, [zone(1, '192.0.2.1')]));
  let delay = 0;
  const provider = new Provider('prov', 0, servers, [zone(1, '192.0.2.1')], engine, horizon, () => (delay += 20));
  for (const s of servers) network.attach(s);
  const ask = (to: string, timeout = 1, out = 0.01, back = 0.02) =>
    network.send(client, '10.9.9.9', to, 1, makeQuery(7, 'www.example.com.', RRType.A), timeout, out, back);
  return { engine, horizon, network, received, servers, provider, ask };
}

const answerOf = (m: Message | undefined) => m?.answer.map((rr) => rr.data).join(',');

describe('network', () => {
  it('an up server answers at delivery; the reply arrives after both latencies and is counted once', () => {
    const w = setup();
    w.engine.scheduleAt(5, () => w.ask('10.0.0.1'));
    w.engine.runUntil(50);
    expect(w.received).toHaveLength(1);
    expect(w.received[0]!.at).toBeCloseTo(5.03, 12);
    expect(answerOf(w.received[0]!.reply)).toBe('192.0.2.1');
    expect(Array.from(w.network.load.series(0))).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('stopped: the timeout fires; lame: REFUSED; too slow: the timeout wins', () => {
    const w = setup();
    w.network.setState('10.0.0.1', 'stopped');
    w.network.setState('10.0.0.2', 'lame');
    w.ask('10.0.0.1', 0.5);
    w.ask('10.0.0.2');
    w.ask('10.0.0.3', 0.02, 0.01, 0.02);
    w.engine.runUntil(5);
    expect(w.received.map((r) => [r.at, r.reply?.rcode])).toEqual([
      [0.02, undefined],
      [0.03, Rcode.REFUSED],
      [0.5, undefined],
    ]);
  });

  it('a moved server is silent at its old address and answers at its new one', () => {
    const w = setup();
    w.network.move('10.0.0.1', '10.0.1.1');
    w.ask('10.0.0.1');
    w.ask('10.0.1.1');
    w.engine.runUntil(5);
    expect(w.received.map((r) => r.reply === undefined)).toEqual([false, true]);
    // Data cached from the old address is still that provider's.
    expect(w.network.providerAt('10.0.0.1')).toBe(0);
    expect(w.network.providerAt('10.0.1.1')).toBe(0);
    expect(w.network.providerAt('10.7.7.7')).toBe(-1);
    expect(() => w.network.move('10.0.0.2', '10.0.0.3')).toThrow(/a server is there/);
  });
});

describe('providers and registries', () => {
  it('a change reaches each server after its own delay: PENDING until the last has it', () => {
    const w = setup();
    w.engine.runUntil(100);
    const insync = w.provider.change('example.com.', { put: [{ name: 'www.example.com.', type: RRType.A, class: 1, ttl: 300, data: ['192.0.2.9'] }] });
    expect(insync).toBe(160);
    expect(w.provider.status(100)).toBe('PENDING');
    // Announced at once, so resolvers do not skip across any of them.
    expect(w.horizon.nextChangeFrom(100)).toBe(120);
    w.engine.runUntil(130);
    expect(w.servers.map((s) => s.zone('example.com.')!.get('www.example.com.', RRType.A)!.data[0])).toEqual(['192.0.2.9', '192.0.2.1', '192.0.2.1']);
    w.engine.runUntil(160);
    expect(w.provider.status(160)).toBe('INSYNC');
    expect(w.servers.every((s) => s.zone('example.com.')!.get('www.example.com.', RRType.A)!.data[0] === '192.0.2.9')).toBe(true);
  });

  it('a version delayed on its way never replaces a newer one a server already has', () => {
    const w = setup();
    const first = zone(2, '192.0.2.2');
    const second = zone(3, '192.0.2.3');
    // Delays 20, 40, 60 for the first version, then 80, 100, 120 for the second.
    w.provider.publish(first);
    w.engine.runUntil(10);
    w.servers[0]!.load(second, 99);
    w.engine.runUntil(200);
    expect(w.servers[0]!.zone('example.com.')!.soaData.serial).toBe(3);
    expect(w.servers[1]!.zone('example.com.')!.soaData.serial).toBe(2);
  });

  it('a registry publishes a submission after its delay, announced when submitted', () => {
    const w = setup();
    const registry = new Registry(w.provider, w.engine, w.horizon, () => 300);
    w.engine.runUntil(10);
    expect(registry.submit('example.com.', { put: [{ name: 'www.example.com.', type: RRType.A, class: 1, ttl: 300, data: ['192.0.2.7'] }] })).toBe(310);
    expect(w.horizon.nextChangeFrom(10)).toBe(310);
    w.engine.runUntil(309);
    expect(w.provider.zone('example.com.')!.get('www.example.com.', RRType.A)!.data[0]).toBe('192.0.2.1');
    w.engine.runUntil(400);
    expect(w.provider.zone('example.com.')!.get('www.example.com.', RRType.A)!.data[0]).toBe('192.0.2.7');
    expect(() => registry.submit('example.org.', {})).toThrow(/serves no zone example.org./);
  });
});
