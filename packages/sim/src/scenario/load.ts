/**
 * Reading a scenario: YAML text → plain data (with positions kept for messages) → schema check →
 * normalised Scenario. Every failure is a ScenarioError whose message is one line:
 * `scenarios/x.yaml:14:7: resolvers.mix[2].share: expected a number between 0 and 1, got "0.5x"`.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { ScenarioError } from './errors.ts';
import { Locator } from './locate.ts';
import { normalise } from './normalise.ts';
import { Problems } from './problems.ts';
import type { ReadFile } from './records.ts';
import { scenarioSchema } from './schema.ts';
import type { Scenario } from './types.ts';
import { expectedFor, reportIssues } from './zod-issues.ts';

export interface ParseOptions {
  /** How zone files named by the scenario are read (relative names are resolved against `file`'s directory). Default: node:fs. */
  readFile?: ReadFile;
}

/** Reads and checks the scenario at `path`. */
export async function loadScenario(path: string, options: ParseOptions = {}): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a scenario file' : (error as Error).message;
    throw new ScenarioError([{ file: path, line: 1, column: 1, path: '', reason: `cannot read the scenario: ${reason}` }]);
  }
  return parseScenario(text, path, options);
}

/** Checks scenario YAML `text`; `file` is named in messages and anchors relative zone-file names. */
export function parseScenario(text: string, file: string, options: ParseOptions = {}): Scenario {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locator = new Locator(file, document, lines);

  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new ScenarioError([{ file, line, column: col, path: '', reason: `YAML: ${firstLine(syntax.message)}` }]);
  }
  if (document.contents === null) {
    throw new ScenarioError([{ file, line: 1, column: 1, path: '', reason: 'expected a scenario (a mapping with domain, watch, providers, plan …), got an empty file' }]);
  }
  if (!isMap(document.contents)) {
    const { line, col } = lines.linePos(document.contents.range?.[0] ?? 0);
    throw new ScenarioError([{ file, line, column: col, path: '', reason: `expected a scenario (a mapping with domain, watch, providers, plan …), got ${kindOf(document.toJS())}` }]);
  }

  const data: unknown = document.toJS({ maxAliasCount: 1000 });
  const problems = new Problems(locator, data);
  const checked = scenarioSchema.safeParse(data, { error: (issue) => expectedFor(issue) });
  if (!checked.success) {
    reportIssues(checked.error.issues, data, problems);
    return problems.fail();
  }
  const scenario = normalise(checked.data, {
    file,
    topComment: topComment(document),
    readFile: options.readFile ?? ((path) => readFileSync(path, 'utf8')),
    problems,
  });
  problems.throwIfAny();
  return scenario;
}

/** The comment block at the top of the file, as prose: `#` markers removed, lines joined. */
function topComment(document: Document): string {
  const contents = document.contents;
  let comment = document.commentBefore ?? null;
  // Without a blank line after it, yaml attaches the top comment to the first key instead of the document.
  if (comment === null && isMap(contents)) comment = contents.commentBefore ?? (contents.items[0]?.key as { commentBefore?: string } | undefined)?.commentBefore ?? null;
  if (comment === null) return '';
  return comment
    .split('\n')
    .map((line) => line.trim())
    // An editor directive (`yaml-language-server: $schema=…`) is for the editor, not the reader.
    .filter((line) => !line.startsWith('yaml-language-server:'))
    .join('\n')
    .replace(/([^\n])\n(?=[^\n])/g, '$1 ')
    .trim();
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  return typeof value === 'string' ? `the text ${JSON.stringify(value)}` : String(value);
}
