import { readFile } from 'node:fs/promises';
import { InputError } from '@cutover/resolver';
import { RESULT_VERSION, type Band, type Result } from '@cutover/sim/result';

/** A result.json that cannot be drawn: not JSON, another version, or a field missing or malformed. */
export class ResultFileError extends InputError {
  override name = 'ResultFileError';
}

const LANES = new Set(['registrar', 'registry', 'old provider', 'new provider', 'resolvers']);

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/**
 * Walks a parsed result.json against the Result contract (packages/sim/src/result.ts), failing
 * at the first field that does not fit with its JSON path, what was expected and what was found.
 */
class ResultChecker {
  constructor(private readonly source: string) {}

  fail(path: string, expected: string, found: unknown): never {
    throw new ResultFileError(`${this.source}: ${path}: expected ${expected}, found ${describe(found)}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'a number', value);
    return value;
  }

  positive(value: unknown, path: string): number {
    const n = this.number(value, path);
    if (n <= 0) this.fail(path, 'a number above 0', value);
    return n;
  }

  numberOrNull(value: unknown, path: string): number | null {
    return value === null ? null : this.number(value, `${path}`);
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'a string', value);
    return value;
  }

  numbers(value: unknown, path: string, length?: number): number[] {
    if (!Array.isArray(value)) this.fail(path, length === undefined ? 'an array of numbers' : `an array of ${length} numbers, one per bin`, value);
    if (length !== undefined && value.length !== length) this.fail(path, `an array of ${length} numbers, one per bin`, value);
    value.forEach((v, i) => this.number(v, `${path}[${i}]`));
    return value as number[];
  }

  band(value: unknown, path: string, bins: number): Band {
    const band = this.object(value, path);
    for (const key of ['mean', 'p05', 'p95']) this.numbers(band[key], `${path}.${key}`, bins);
    return band as unknown as Band;
  }

  shares(value: unknown, path: string, bins: number): void {
    const shares = this.object(value, path);
    for (const key of ['new', 'old', 'failed', 'stale']) this.band(shares[key], `${path}.${key}`, bins);
  }

  bandsByName(value: unknown, path: string, bins: number): void {
    const record = this.object(value, path);
    for (const [name, band] of Object.entries(record)) this.band(band, `${path}[${JSON.stringify(name)}]`, bins);
  }

  milestones(value: unknown, path: string): void {
    const milestones = this.object(value, path);
    for (const key of ['t50', 't90', 't99', 't999']) {
      if (milestones[key] !== null) this.number(milestones[key], `${path}.${key}`);
    }
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'an array', value);
    return value;
  }

  scenario(value: unknown): void {
    const scenario = this.object(value, 'scenario');
    this.string(scenario.name, 'scenario.name');
    this.string(scenario.description, 'scenario.description');
    for (const key of ['seed', 'resolvers', 'clients']) this.number(scenario[key], `scenario.${key}`);
    for (const key of ['replications', 'horizon', 'bin', 'referenceTtl']) this.positive(scenario[key], `scenario.${key}`);
    const mix = this.object(scenario.profileMix, 'scenario.profileMix');
    for (const [name, share] of Object.entries(mix)) this.number(share, `scenario.profileMix[${JSON.stringify(name)}]`);
    const providers = this.object(scenario.providers, 'scenario.providers');
    this.string(providers.old, 'scenario.providers.old');
    this.string(providers.new, 'scenario.providers.new');
  }

  result(value: unknown): Result {
    const result = this.object(value, 'top level');
    if (result.version !== RESULT_VERSION) this.fail('version', `${RESULT_VERSION} (the Result version this cutover reads)`, result.version);
    this.scenario(result.scenario);
    const t = this.numbers(result.t, 't');
    if (t.length === 0) this.fail('t', 'at least one bin', t);
    t.forEach((v, i) => {
      if (i > 0 && v <= (t[i - 1] as number)) this.fail(`t[${i}]`, `a time after t[${i - 1}] = ${t[i - 1]}`, v);
    });
    const bins = t.length;
    this.number(result.changeAt, 'changeAt');
    this.shares(result.shares, 'shares', bins);
    this.shares(result.resolverShares, 'resolverShares', bins);
    this.bandsByName(result.load, 'load', bins);
    this.bandsByName(result.byProfile, 'byProfile', bins);
    this.array(result.byName, 'byName').forEach((entry, i) => {
      const series = this.object(entry, `byName[${i}]`);
      this.string(series.name, `byName[${i}].name`);
      this.string(series.type, `byName[${i}].type`);
      this.shares(series.shares, `byName[${i}].shares`, bins);
      this.milestones(series.milestones, `byName[${i}].milestones`);
    });
    this.milestones(result.milestones, 'milestones');
    this.numberOrNull(result.safeDecommissionAfter, 'safeDecommissionAfter');
    const failures = this.object(result.failuresIfDecommissionedAt, 'failuresIfDecommissionedAt');
    const at = this.numbers(failures.t, 'failuresIfDecommissionedAt.t');
    this.numbers(failures.share, 'failuresIfDecommissionedAt.share', at.length);
    this.array(result.timeline, 'timeline').forEach((entry, i) => {
      const item = this.object(entry, `timeline[${i}]`);
      if (typeof item.lane !== 'string' || !LANES.has(item.lane)) this.fail(`timeline[${i}].lane`, `one of ${[...LANES].join(', ')}`, item.lane);
      this.string(item.label, `timeline[${i}].label`);
      this.number(item.start, `timeline[${i}].start`);
      if (item.end !== undefined) this.number(item.end, `timeline[${i}].end`);
    });
    return value as Result;
  }
}

/** Checks that `value` (parsed JSON from `source`) is a Result this version can draw. */
export function checkResult(value: unknown, source: string): Result {
  return new ResultChecker(source).result(value);
}

/** Reads and checks a result.json written by `cutover run`. */
export async function readResultFile(path: string): Promise<Result> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ResultFileError(`${path}: not JSON (${(error as Error).message}); expected a result.json written by cutover run`);
  }
  return checkResult(value, path);
}
