/**
 * Draws made a batch at a time are the draws made one at a time: the same stream gives the same
 * sequence either way, whatever the batch size (an odd one splits Box–Muller pairs between
 * batches), and draws given back come out again in the order they were drawn.
 */
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/random/distribution.ts';
import { batchSampler, sampler } from '../../src/random/sampler.ts';
import { streamFor } from '../../src/random/streams.ts';
import { BufferedDraws } from '../../src/world/buffered-draws.ts';

const specs: Distribution[] = [
  { exponential: { mean: 1800 } },
  { lognormal: { median: 0.03, p95: 0.15 } },
  { normal: { mean: 5, sd: 2 } },
  { uniform: { min: 1, max: 3 } },
  { empirical: { values: [1, 2, 3], weights: [0.2, 0.3, 0.5] } },
];

describe('buffered draws', () => {
  for (const spec of specs) {
    it(`draws ${Object.keys(spec as object)[0]} in batches exactly as one at a time`, () => {
      const single = sampler(spec, streamFor(3, 'draws'));
      const expected = Array.from({ length: 101 }, () => single());
      for (const batch of [1, 7, 32]) {
        const draws = new BufferedDraws(batchSampler(spec, streamFor(3, 'draws')), batch);
        expect(Array.from({ length: 101 }, () => draws.next())).toEqual(expected);
      }
    });
  }

  it('hands out draws given back first, in their order, then carries on where it was', () => {
    const single = sampler({ exponential: { mean: 1 } }, streamFor(4, 'back'));
    const expected = Array.from({ length: 12 }, () => single());
    const draws = new BufferedDraws(batchSampler({ exponential: { mean: 1 } }, streamFor(4, 'back')), 5);
    const taken = Array.from({ length: 8 }, () => draws.next());
    expect(taken).toEqual(expected.slice(0, 8));
    // Draws 5..7 go back, then 3..4 in front of them, as a plan cut twice gives back its tail.
    draws.giveBack(taken, 5, 8);
    expect(draws.next()).toBe(expected[5]);
    draws.giveBack(new Float64Array([expected[3]!, expected[4]!, expected[5]!]));
    expect(Array.from({ length: 9 }, () => draws.next())).toEqual(expected.slice(3, 12));
  });

  it('keeps the order of a model queue through random draws and give-backs of runs of any length', () => {
    const single = sampler({ uniform: { min: 0, max: 1 } }, streamFor(5, 'model'));
    const draws = new BufferedDraws(batchSampler({ uniform: { min: 0, max: 1 } }, streamFor(5, 'model')), 8);
    const fresh: number[] = [];
    let consumed = 0;
    const model: number[] = [];
    const taken: number[] = [];
    const script = streamFor(5, 'script').next;
    for (let step = 0; step < 2000; step++) {
      if (script() < 0.6 || taken.length === 0) {
        while (fresh.length <= consumed) fresh.push(single());
        const expected = model.length > 0 ? model.shift()! : fresh[consumed++]!;
        const value = draws.next();
        expect(value).toBe(expected);
        taken.push(value);
      } else {
        // Give back the last k taken, as a plan cut gives back its tail.
        const k = 1 + Math.floor(script() * Math.min(taken.length, 40));
        const run = taken.splice(taken.length - k, k);
        model.unshift(...run);
        draws.giveBack(new Float64Array(run));
      }
    }
  });
});
