import { describe, expect, it } from 'vitest';
import { formatTick, timeTicks } from '../src/time-axis.ts';
import { formatDuration, formatOffset, formatShare, formatSmallShare } from '../src/format.ts';

const H = 3600;
const D = 86400;

describe('timeTicks', () => {
  it('counts in minutes over a short span, with the change as a tick', () => {
    const ticks = timeTicks(-600, 50 * 60, 8);
    expect(ticks.unit).toBe('min');
    expect(ticks.offsets).toContain(0);
    expect(ticks.offsets.map((o) => formatTick(o, ticks.unit))).toEqual(['−10 min', '0', '+10 min', '+20 min', '+30 min', '+40 min', '+50 min']);
  });
  it('counts in hours over two days', () => {
    const ticks = timeTicks(-2 * H, 46 * H, 10);
    expect(ticks.unit).toBe('h');
    expect(ticks.offsets.map((o) => formatTick(o, ticks.unit))).toEqual(['0', '+6 h', '+12 h', '+18 h', '+24 h', '+30 h', '+36 h', '+42 h']);
  });
  it('counts in days over two weeks', () => {
    const ticks = timeTicks(-D, 14 * D, 10);
    expect(ticks.unit).toBe('d');
    expect(ticks.offsets.map((o) => formatTick(o, ticks.unit))).toEqual(['0', '+2 d', '+4 d', '+6 d', '+8 d', '+10 d', '+12 d', '+14 d']);
  });
  it('labels times before the change with a minus sign', () => {
    const ticks = timeTicks(-6 * H, 6 * H, 6);
    expect(ticks.offsets.map((o) => formatTick(o, ticks.unit))).toEqual(['−6 h', '−4 h', '−2 h', '0', '+2 h', '+4 h', '+6 h']);
  });
  it('never gives more ticks than asked for, for any span', () => {
    for (let span = 120; span < 60 * D; span *= 1.37) {
      const ticks = timeTicks(-span / 10, span, 9);
      expect(ticks.offsets.length).toBeLessThanOrEqual(9 + 1);
      expect(ticks.offsets.every((o, i) => i === 0 || o > (ticks.offsets[i - 1] as number))).toBe(true);
    }
  });
});

describe('durations and shares', () => {
  it('writes at most two units, in hours up to two days', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(2700)).toBe('45 min');
    expect(formatDuration(3 * H + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(24 * H + 5 * 60)).toBe('24 h 5 min');
    expect(formatDuration(48 * H)).toBe('48 h');
    expect(formatDuration(3 * D + 4 * H + 59)).toBe('3 d 4 h');
  });
  it('signs offsets from the change', () => {
    expect(formatOffset(0)).toBe('0');
    expect(formatOffset(-2 * H)).toBe('−2 h');
    expect(formatOffset(12000)).toBe('+3 h 20 min');
  });
  it('writes shares as percentages', () => {
    expect(formatShare(0.6423)).toBe('64.2 %');
    expect(formatShare(0.6149, 0)).toBe('61 %');
    expect(formatSmallShare(0.00012345)).toBe('0.012 %');
    expect(formatSmallShare(0)).toBe('0 %');
    expect(formatSmallShare(0.257)).toBe('25.7 %');
  });
});
