import { describe, expect, it } from 'vitest';
import { DURATION_PATTERN, DurationError, formatDuration, parseDuration } from '../../src/scenario/duration.ts';

describe('parseDuration', () => {
  it.each([
    [300, 300],
    ['300', 300],
    ['300s', 300],
    ['15m', 900],
    ['48h', 172800],
    ['7d', 604800],
    ['2w', 1209600],
    ['1h30m', 5400],
    ['1d12h', 129600],
    ['1.5h', 5400],
    ['30ms', 0.03],
    ['1m30s500ms', 90.5],
    ['0', 0],
    [0.25, 0.25],
  ])('%j is %d seconds', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(['', '5x', '-5m', '5 m', 'h', '30m1h', '1h1h', '1.h', '.5h', 'ms', '1e3', 'five minutes', '5M'])('rejects %j', (input) => {
    expect(() => parseDuration(input)).toThrow(DurationError);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %d', (input) => {
    expect(() => parseDuration(input)).toThrow(DurationError);
  });

  it('says what it expected and what it got', () => {
    expect(() => parseDuration('5x')).toThrow('expected a duration such as 300, 45s, 15m, 48h, 7d or 1h30m, got "5x"');
  });

  it('has one pattern for the schema that agrees with the parser', () => {
    for (const text of ['300', '1h30m', '30ms', '1m30s500ms']) expect(DURATION_PATTERN.test(text)).toBe(true);
    for (const text of ['30m1h', '1h1h', '5x', '']) expect(DURATION_PATTERN.test(text)).toBe(false);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [5400, '1h30m'],
    [86400, '1d'],
    [604800, '7d'],
    [0.03, '30ms'],
    [90.5, '1m30s500ms'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const seconds of [1, 59, 61, 3599, 3601, 86399, 172800, 1209600, 12.345]) {
      expect(parseDuration(formatDuration(seconds))).toBe(seconds);
    }
  });
});
