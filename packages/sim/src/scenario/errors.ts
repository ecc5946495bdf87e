import { InputError } from '@cutover/resolver';

/** One problem in a scenario file, located to the line and column of the YAML node at fault. */
export interface ScenarioProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The field as a reader writes it, e.g. `resolvers.mix[2].share`; empty for the document itself. */
  path: string;
  /** What was expected and what was found, e.g. `expected a number between 0 and 1, got "0.5x"`. */
  reason: string;
}

/** The one-line form every scenario problem is reported in: `file:line:column: path: reason`. */
export function formatProblem(problem: ScenarioProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path === '' ? `${where}: ${problem.reason}` : `${where}: ${problem.path}: ${problem.reason}`;
}

/**
 * A scenario that cannot be run. The message is the first problem, in document order, on one line
 * (the CLI prints it and exits 2); `problems` holds all that were found, for an editor or a test.
 */
export class ScenarioError extends InputError {
  override name = 'ScenarioError';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly reason: string;
  constructor(readonly problems: readonly [ScenarioProblem, ...ScenarioProblem[]]) {
    const first = problems[0];
    super(formatProblem(first));
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.path = first.path;
    this.reason = first.reason;
  }
}
