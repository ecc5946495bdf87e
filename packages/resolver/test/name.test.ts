import { describe, expect, it } from 'vitest';
import { canonicalName, isSubdomain, labelCount, nextLabelBelow, parentName, selfAndAncestors, NameError } from '../src/name.ts';

describe('canonicalName', () => {
  it('lower-cases and makes names absolute', () => {
    expect(canonicalName('WWW.Example.COM')).toBe('www.example.com.');
    expect(canonicalName('www', 'example.com.')).toBe('www.example.com.');
    expect(canonicalName('@', 'example.com.')).toBe('example.com.');
    expect(canonicalName('.')).toBe('.');
  });
  it('keeps an escaped dot inside its label', () => {
    expect(canonicalName('a\\.b.example.')).toBe('a\\.b.example.');
    expect(parentName('a\\.b.example.')).toBe('example.');
    expect(labelCount('a\\.b.example.')).toBe(2);
  });
  it('gives each name its parent, the same string each time, however many names it has seen', () => {
    expect(parentName('www.example.com.')).toBe('example.com.');
    expect(parentName('www.example.com.')).toBe(parentName('www.example.com.'));
    expect(parentName('com.')).toBe('.');
    expect(parentName('.')).toBeUndefined();
    // More names than the memo holds: it starts over, and parents stay right.
    for (let i = 0; i < 10_000; i++) expect(parentName(`h${i}.zone${i % 7}.example.`)).toBe(`zone${i % 7}.example.`);
    expect(parentName('a\\.b.example.')).toBe('example.');
  });
  it('rejects empty labels and over-long labels and names', () => {
    expect(() => canonicalName('a..b.')).toThrow(NameError);
    expect(() => canonicalName(`${'x'.repeat(64)}.com.`)).toThrow(/longer than 63/);
    expect(() => canonicalName(`${'abcdefghi.'.repeat(26)}`)).toThrow(/255/);
  });
});

describe('ancestry', () => {
  it('walks to the root', () => {
    expect([...selfAndAncestors('www.example.com.')]).toEqual(['www.example.com.', 'example.com.', 'com.', '.']);
  });
  it('tests bailiwick on label boundaries', () => {
    expect(isSubdomain('www.example.com.', 'example.com.')).toBe(true);
    expect(isSubdomain('example.com.', 'example.com.')).toBe(true);
    expect(isSubdomain('badexample.com.', 'example.com.')).toBe(false);
    expect(isSubdomain('anything.', '.')).toBe(true);
  });
  it('finds the next label below a zone', () => {
    expect(nextLabelBelow('a.b.example.com.', 'com.')).toBe('example.com.');
    expect(nextLabelBelow('a.b.example.com.', '.')).toBe('com.');
  });
});
