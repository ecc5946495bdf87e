/**
 * From a field's path in the parsed document back to where it is written: the line and column of
 * its YAML node, so that every message points at the text to fix.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { ScenarioProblem } from './errors.ts';

export type FieldPath = readonly PropertyKey[];

/** Where the problems of one file are found and how they are written. */
export class Locator {
  constructor(
    readonly file: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /**
   * A problem with the value at `path`. A value that is missing points at the mapping that should
   * hold it; `at: 'key'` points at the key itself (an unknown key).
   */
  problem(path: FieldPath, reason: string, at: 'value' | 'key' = 'value'): ScenarioProblem {
    const offset = this.offsetOf(path, at);
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col, path: formatPath(path), reason };
  }

  /** Where in the text the problem is shown. */
  offsetOf(path: FieldPath, at: 'value' | 'key' = 'value'): number {
    return this.walk(path, at).offset;
  }

  /**
   * Where the problem ranks when problems are put in document order. A missing field is shown at
   * the mapping that should hold it but ranks at that mapping's end, so that a misspelt key inside
   * it (the usual reason something is missing) is reported first.
   */
  rankOf(path: FieldPath, at: 'value' | 'key' = 'value'): number {
    const found = this.walk(path, at);
    return found.complete ? found.offset : found.end;
  }

  private walk(path: FieldPath, at: 'value' | 'key'): { offset: number; end: number; complete: boolean } {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const pair = childPair(node, path[i]!);
      const last = i === path.length - 1;
      if (pair === undefined) return { offset, end: rangeEnd(node) ?? offset, complete: false };
      if (last && at === 'key') return { offset: rangeStart(pair.key) ?? offset, end: 0, complete: true };
      const child = pair.value;
      const start = rangeStart(child);
      // A key with no value (`share:`) has a null scalar with an empty range; its key is the place to point at.
      if (start === undefined || (isScalar(child) && child.value === null && child.range?.[0] === child.range?.[1])) {
        return { offset: rangeStart(pair.key) ?? offset, end: 0, complete: true };
      }
      node = child;
      offset = start;
    }
    return { offset, end: 0, complete: true };
  }
}

/** The child of a mapping (by key) or of a sequence (by index), as a key/value pair. */
function childPair(node: unknown, step: PropertyKey): { key: unknown; value: unknown } | undefined {
  if (isAlias(node)) return undefined;
  if (isMap(node)) {
    const pair = (node.items as Pair<unknown, unknown>[]).find((item) => keyText(item.key) === String(step));
    return pair === undefined ? undefined : { key: pair.key, value: pair.value };
  }
  if (isSeq(node) && typeof step === 'number') {
    const item = node.items[step];
    return item === undefined ? undefined : { key: item, value: item };
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function rangeEnd(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[1];
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}

/** `resolvers.mix[2].share`; keys that are not identifiers are quoted: `hierarchy.tlds["co.uk"]`. */
export function formatPath(path: FieldPath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else {
      const key = String(step);
      if (/^[A-Za-z_][\w-]*$/.test(key)) text += text === '' ? key : `.${key}`;
      else text += `[${JSON.stringify(key)}]`;
    }
  }
  return text;
}

/** The value at `path` in plain data, or undefined where the path leads nowhere. */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/** A value as the reader wrote it, for "got …": `"0.5x"`, `-3`, `true`, `a list`, `a mapping`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
