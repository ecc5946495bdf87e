import { ZoneFileError } from './errors.ts';

/** A word or quoted string of a zone file, as written (quotes and escapes kept), with where it starts. */
export interface Token {
  text: string;
  line: number;
  column: number;
}

/**
 * One logical line: a directive or a record, which parentheses may spread over several physical
 * lines (RFC 1035 §5.1). `ownerOmitted` is true when the line began with blank space, which
 * means "same owner as the previous record".
 */
export interface Entry {
  tokens: Token[];
  ownerOmitted: boolean;
  /** Just past the last token: where a missing field is reported. */
  end: { line: number; column: number };
}

/**
 * Splits master-file text into entries. Comments (`;` to end of line) and parentheses vanish
 * here; a backslash escapes the next character anywhere, so `\;`, `\(` and `\ ` stay inside
 * their word. Lines end at LF; a CR before it is blank space.
 */
export function tokenize(text: string, file: string): Entry[] {
  const entries: Entry[] = [];
  let line = 1;
  let lineStart = 0;
  const openParens: Token[] = [];
  let current: Entry | undefined;
  const fail = (at: number, token: string, reason: string): never => {
    throw new ZoneFileError(file, line, at - lineStart + 1, token, reason);
  };
  const finish = (): void => {
    if (current && current.tokens.length > 0) {
      const last = current.tokens[current.tokens.length - 1] as Token;
      current.end = { line: last.line, column: last.column + last.text.length };
      entries.push(current);
    }
    current = undefined;
  };

  for (let i = 0; i < text.length; ) {
    const c = text[i] as string;
    if (c === '\n') {
      if (openParens.length === 0) finish();
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (!current) current = { tokens: [], ownerOmitted: i === lineStart && isBlank(c), end: { line, column: 1 } };
    if (isBlank(c)) {
      i++;
    } else if (c === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(') {
      openParens.push({ text: '(', line, column: i - lineStart + 1 });
      i++;
    } else if (c === ')') {
      if (openParens.pop() === undefined) fail(i, ')', 'unbalanced ")": no "(" is open');
      i++;
    } else {
      const start = i;
      i = c === '"' ? endOfQuoted(text, i, (at, reason) => fail(at, restOfLine(text, at), reason)) : endOfWord(text, i, fail);
      current.tokens.push({ text: text.slice(start, i), line, column: start - lineStart + 1 });
    }
  }
  const unclosed = openParens[openParens.length - 1];
  if (unclosed) {
    throw new ZoneFileError(file, unclosed.line, unclosed.column, '(', 'unbalanced "(": the file ends before its ")"');
  }
  finish();
  return entries;
}

function restOfLine(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(at, end < 0 ? text.length : end);
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r';
}

function isDelimiter(c: string | undefined): boolean {
  return c === undefined || c === '\n' || isBlank(c) || c === ';' || c === '(' || c === ')';
}

/** Index just past a bare word starting at `i`. */
function endOfWord(text: string, i: number, fail: (at: number, token: string, reason: string) => never): number {
  const start = i;
  while (!isDelimiter(text[i])) {
    if (text[i] === '"') fail(i, text.slice(start, i + 1), 'a quote inside a word: escape it as \\" or quote the whole string');
    if (text[i] === '\\') {
      if (text[i + 1] === undefined || text[i + 1] === '\n') fail(i, text.slice(start, i + 1), 'a backslash at the end of a line escapes nothing');
      i += 2;
    } else i++;
  }
  return i;
}

/** Index just past a quoted string whose opening quote is at `i`; it may not span lines. */
function endOfQuoted(text: string, i: number, fail: (at: number, reason: string) => never): number {
  const open = i;
  for (i++; i < text.length && text[i] !== '\n'; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] === '\n') break;
      i++;
    } else if (text[i] === '"') {
      if (!isDelimiter(text[i + 1])) fail(i + 1, 'a quoted string must be followed by blank space');
      return i + 1;
    }
  }
  return fail(open, 'unterminated quoted string: the line ends before its closing quote');
}
