/**
 * Collects the problems found in one scenario file so that they can be reported in the order they
 * appear in it, and thrown together as one ScenarioError.
 */
import { ScenarioError, type ScenarioProblem } from './errors.ts';
import { describeValue, valueAt, type FieldPath, type Locator } from './locate.ts';

export class Problems {
  private readonly found: { offset: number; problem: ScenarioProblem }[] = [];

  constructor(
    readonly locator: Locator,
    /** The document as plain data, for saying what was found at a path. */
    private readonly data: unknown,
  ) {}

  /** A problem with the value at `path`; `reason` says what was expected. */
  add(path: FieldPath, reason: string, at: 'value' | 'key' = 'value'): void {
    this.found.push({ offset: this.locator.rankOf(path, at), problem: this.locator.problem(path, reason, at) });
  }

  /** As `add`, followed by `, got …` naming what is at `path`. */
  expected(path: FieldPath, expected: string, suffix = ''): void {
    this.add(path, `expected ${expected}, got ${describeValue(valueAt(this.data, path))}${suffix}`);
  }

  /** A problem in another file (a zone file), reported where the scenario names that file. */
  addExternal(path: FieldPath, problem: ScenarioProblem): void {
    this.found.push({ offset: this.locator.rankOf(path), problem });
  }

  get count(): number {
    return this.found.length;
  }

  /** Throws a ScenarioError holding every problem in document order, if there is any. */
  throwIfAny(): void {
    if (this.found.length > 0) this.fail();
  }

  /** Throws the problems found so far, at least one of which the caller has just recorded. */
  fail(): never {
    if (this.found.length === 0) throw new Error('Problems.fail() with no problem recorded');
    const ordered = [...this.found].sort((a, b) => a.offset - b.offset).map((entry) => entry.problem);
    throw new ScenarioError(ordered as [ScenarioProblem, ...ScenarioProblem[]]);
  }
}
