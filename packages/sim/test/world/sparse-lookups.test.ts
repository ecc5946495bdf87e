/**
 * A sparse resolver: its clients look up once a minute, every TTL is 30 s, and com refers
 * example.com to the new provider from t = 150. After each expiry the next lookup comes Exp(60 s)
 * later, so an expiry before 150 is often followed by a first lookup after it. No lookup came in
 * between; the span is credited with what a lookup in it would have got, which before 150 is the
 * old provider's answer (the world had not changed), so no resolver is on the new provider before
 * com published it.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@cutover/resolver';
import { AnswerClass } from '../../src/world/answer-class.ts';
import { lab } from './lab.ts';

const PUBLISH = 150;

function run() {
  const l = lab({ horizon: 900, bin: 30, parentTtl: 30, wwwTtl: 30 });
  for (let i = 0; i < 60; i++) l.resolver(getProfile(i % 2 === 0 ? 'unbound' : 'bind-9.20'), 1 / 60, { seed: 100 + i });
  const forwarders = l.world.resolvers.slice(0, 20).map((upstream, i) => l.world.addForwarder({ seed: 200 + i, rate: 1 / 60, ttl: { min: 0, max: 30 }, upstream }));
  l.changeDelegationAt(PUBLISH);
  l.world.run();
  return { metrics: l.world.metrics, forwarders };
}

describe('a sparse resolver across a world change', () => {
  const { metrics, forwarders } = run();
  const toNew = metrics.classChanges().filter((c) => c.cls === AnswerClass.New);

  it('is never on the new provider before the change is published', () => {
    expect(toNew.length).toBe(60 + forwarders.length);
    for (const c of toNew) expect(c.time, `node ${c.node}`).toBeGreaterThanOrEqual(PUBLISH);
    const shares = metrics.shares();
    for (let k = 0; k < PUBLISH / 30; k++) {
      expect(shares.old[k]).toBe(1);
      expect(shares.new[k]).toBe(0);
    }
  });

  it('moves at the publication itself when its expiry came before it and its first lookup after', () => {
    // Those whose gap spans the publication: the old answer up to it, the new from it.
    const atPublication = toNew.filter((c) => c.time === PUBLISH);
    expect(atPublication.length).toBeGreaterThan(5);
    // The others moved at an expiry after the publication.
    expect(toNew.filter((c) => c.time > PUBLISH).length).toBeGreaterThan(5);
  });
});
