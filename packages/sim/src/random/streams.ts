/**
 * Named random streams. Every random draw in a simulation comes from a stream named by the
 * replication's seed and a path such as ('resolver', 17, 'shard'). The stream's generator is
 * seeded by hashing that name, never by drawing from a parent stream, so a stream's draws depend
 * on nothing but its own name: adding a resolver, or drawing more from one, leaves every other
 * stream's sequence as it was, and two runs with the same seed draw the same numbers.
 *
 * The generator is Alea (Baagøe) from seedrandom: fast, with a 2^116 period; its seeding hashes
 * the whole key string (Baagøe's Mash), which is the path hash.
 */
import seedrandom from 'seedrandom';

/** A source of uniform draws. */
export interface RandomStream {
  /**
   * Uniform on [0, 1), with 32 bits of resolution. A plain function (it does not use `this`), so
   * a hot loop can hold it in a local: `const next = stream.next`.
   */
  readonly next: () => number;
  /** The canonical name the stream was seeded from, e.g. `[7,"resolver",17,"shard"]`. */
  readonly key: string;
}

/** A seed or path component that cannot name a stream. */
export class RandomStreamError extends Error {
  constructor(
    readonly position: number,
    readonly value: unknown,
  ) {
    super(
      `random stream name component ${position} (${position === 0 ? 'the seed' : 'path'}) must be a string or a finite number, got ${describe(value)}`,
    );
    this.name = 'RandomStreamError';
  }
}

export type StreamPathComponent = string | number;

/**
 * The stream named by `seed` and `path`. Equal names give equal sequences; the name is encoded
 * unambiguously (as JSON), so `('a/b')` and `('a', 'b')`, or `17` and `'17'`, are different streams.
 */
export function streamFor(seed: StreamPathComponent, ...path: StreamPathComponent[]): RandomStream {
  const name = [seed, ...path];
  name.forEach((component, position) => {
    const valid = typeof component === 'string' || (typeof component === 'number' && Number.isFinite(component));
    if (!valid) throw new RandomStreamError(position, component);
  });
  const key = JSON.stringify(name);
  return { next: seedrandom.alea(key), key };
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return value === null ? 'null' : typeof value;
}
