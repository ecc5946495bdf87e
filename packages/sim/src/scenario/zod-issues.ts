/**
 * zod's issues turned into scenario problems worded for the person who wrote the file: "expected
 * a number between 0 and 1, got "0.5x"", at the YAML node of the field.
 */
import type { z } from 'zod';
import { closest } from './fields.ts';
import { describeValue, valueAt } from './locate.ts';
import type { Problems } from './problems.ts';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/**
 * The "expected …" for an issue the schema did not word itself. Passed to zod as the error map of
 * the parse, so messages inside union branches are worded the same way.
 */
export function expectedFor(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return `expected ${bound(issue.origin, issue.minimum, issue.inclusive !== false, 'at least', '≥', '>')}`;
    case 'too_big':
      return `expected ${bound(issue.origin, issue.maximum, issue.inclusive !== false, 'at most', '≤', '<')}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`;
    case 'invalid_format':
      return `expected a string in ${issue.format} format`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return 'expected a valid value';
  }
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'nothing',
};

function bound(origin: string, limit: unknown, inclusive: boolean, countWord: string, inclusiveSign: string, exclusiveSign: string): string {
  if (origin === 'array' || origin === 'set') return `${countWord} ${String(limit)} item${limit === 1 ? '' : 's'}`;
  if (origin === 'string') return limit === 1 ? 'a non-empty string' : `${countWord} ${String(limit)} characters`;
  return `a number ${inclusive ? inclusiveSign : exclusiveSign} ${String(limit)}`;
}

/** Records every issue of a failed parse of `data` as a problem. */
export function reportIssues(issues: readonly Issue[], data: unknown, problems: Problems, prefix: readonly PropertyKey[] = []): void {
  // An unknown key explains what a refinement of the same mapping then finds missing; say only the first.
  const withUnknownKeys = new Set(issues.filter((issue) => issue.code === 'unrecognized_keys').map((issue) => JSON.stringify(issue.path)));
  for (const issue of issues) {
    if (issue.code === 'custom' && withUnknownKeys.has(JSON.stringify(issue.path))) continue;
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branch = matchingBranch(issue.errors);
      if (branch !== undefined) {
        reportIssues(branch, data, problems, path);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      problems.add([...path, issue.keys[0] ?? ''], issue.message, 'key');
      continue;
    }
    const found = valueAt(data, path);
    // Messages from refinements may already say what was found; the rest get it appended here.
    let reason = /, got |; got /.test(issue.message) ? issue.message : `${issue.message}, got ${describeValue(found)}`;
    if (issue.code === 'invalid_value' && typeof found === 'string') {
      const guess = closest(found, issue.values.filter((v): v is string => typeof v === 'string'));
      if (guess !== undefined) reason += `; did you mean "${guess}"?`;
    }
    problems.add(path, reason);
  }
}

/**
 * Of the branches of a union that all failed, the one the writer evidently meant: the one whose
 * shape matched (no type mismatch at its root). Only if there is no such branch is the union's
 * own "expected a duration or { … }" the best thing to say. Among several, the one with the fewest
 * issues is nearest.
 */
function matchingBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const shaped = branches.filter((issues) => !issues.some((issue) => issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_union')));
  if (shaped.length === 0) return undefined;
  return shaped.reduce((best, issues) => (issues.length < best.length ? issues : best));
}
