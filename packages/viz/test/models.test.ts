import { describe, expect, it } from 'vitest';
import { linearShare, ruleOfThumbShare } from '../src/models.ts';

describe('the rule of thumb', () => {
  it('gives the seed article table: 50, 75, 87.5, 93.75, 96.875, 98.4375 % after 1–6 TTLs', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => ruleOfThumbShare(n * 300, 300))).toEqual([0.5, 0.75, 0.875, 0.9375, 0.96875, 0.984375]);
  });
  it('is zero before the change', () => {
    expect(ruleOfThumbShare(-10, 300)).toBe(0);
    expect(ruleOfThumbShare(0, 300)).toBe(0);
  });
});

describe('the linear single-TTL model', () => {
  it('rises linearly over one TTL and stays at 1', () => {
    expect([-1, 0, 150, 300, 900].map((t) => linearShare(t, 300))).toEqual([0, 0, 0.5, 1, 1]);
  });
});
