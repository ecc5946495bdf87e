import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/zonefile/tokenizer.ts';
import { ZoneFileError } from '../../src/zonefile/errors.ts';

const texts = (zone: string): string[][] => tokenize(zone, 'z').map((e) => e.tokens.map((t) => t.text));

describe('tokenize', () => {
  it('joins the lines of a parenthesised record and drops comments', () => {
    const zone = '@ IN SOA ns hm ( 1 ; serial\n  7200 ; refresh\n  900 1209600 86400 )\nwww A 192.0.2.1 ; web\n';
    expect(texts(zone)).toEqual([
      ['@', 'IN', 'SOA', 'ns', 'hm', '1', '7200', '900', '1209600', '86400'],
      ['www', 'A', '192.0.2.1'],
    ]);
  });

  it('marks lines that begin with blank space as repeating the owner', () => {
    const entries = tokenize('www A 192.0.2.1\n\tAAAA ::1\n  ; only a comment\n\n', 'z');
    expect(entries.map((e) => e.ownerOmitted)).toEqual([false, true]);
  });

  it('keeps quotes and escapes in tokens, and a quoted ; ( or ) is text', () => {
    expect(texts('t TXT "a ; b ( c )" a\\;b a\\ b "q\\"q"')).toEqual([['t', 'TXT', '"a ; b ( c )"', 'a\\;b', 'a\\ b', '"q\\"q"']]);
  });

  it('records the line and column where each token starts, and where the entry ends', () => {
    const [entry] = tokenize('\n\nx ( A\n   192.0.2.1 )', 'z');
    expect(entry!.tokens.map((t) => [t.text, t.line, t.column])).toEqual([
      ['x', 3, 1],
      ['A', 3, 5],
      ['192.0.2.1', 4, 4],
    ]);
    expect(entry!.end).toEqual({ line: 4, column: 13 });
  });

  it('treats CR of CRLF line ends as blank space', () => {
    expect(texts('a A 192.0.2.1\r\nb A 192.0.2.2\r\n')).toEqual([
      ['a', 'A', '192.0.2.1'],
      ['b', 'A', '192.0.2.2'],
    ]);
  });

  const failures: [zone: string, line: number, column: number, message: RegExp][] = [
    ['a A 1.2.3.4\nb TXT "open\n', 2, 7, /unterminated quoted string/],
    ['a A 1.2.3.4 )\n', 1, 13, /unbalanced "\)"/],
    ['a A 1.2.3.4\n@ SOA ( ns hm\n 1 2 3 4 5\n', 2, 7, /unbalanced "\(": the file ends/],
    ['a TXT ab"c"\n', 1, 9, /a quote inside a word/],
    ['a TXT "ab"c\n', 1, 11, /must be followed by blank space/],
    ['a TXT abc\\\n', 1, 10, /backslash at the end of a line/],
  ];
  for (const [zone, line, column, message] of failures) {
    it(`fails at ${line}:${column} for ${JSON.stringify(zone)}`, () => {
      let error: unknown;
      try {
        tokenize(zone, 'f.zone');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ZoneFileError);
      const { file, line: l, column: c, message: m } = error as ZoneFileError;
      expect([file, l, c]).toEqual(['f.zone', line, column]);
      expect(m).toMatch(message);
      expect(m.startsWith(`f.zone:${line}:${column}: `)).toBe(true);
    });
  }
});
