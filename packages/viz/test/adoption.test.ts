import { describe, expect, it } from 'vitest';
import { adoptionChart, adoptionGeometry, adoptionReadouts } from '../src/charts/adoption.ts';
import { fixtureResult } from './fixtures/result.ts';
import { byClass, oneByClass, parseXml, pathPoints, textOf, type XmlElement } from './helpers/xml.ts';

const result = fixtureResult();
const svg = adoptionChart(result);
const root = parseXml(svg);
const { x, y, plot } = adoptionGeometry(result);
const TTL = result.scenario.referenceTtl;

/**
 * The share a polyline path shows at simulation time `t`, read back through the chart's scales:
 * the path's own point there, or the straight segment drawn across it.
 */
function shareAt(path: XmlElement, t: number): number {
  const points = pathPoints(path.attributes.d as string);
  const px = x(t);
  const after = points.findIndex(([x1]) => x1 >= px - 0.005);
  const [x1, y1] = points[after] ?? [NaN, NaN];
  if (after < 0) throw new Error(`the path ends before t = ${t}`);
  if (Math.abs(x1 - px) < 0.005 || after === 0) return y.invert(y1);
  const [x0, y0] = points[after - 1] as [number, number];
  return y.invert(y0 + ((y1 - y0) * (px - x0)) / (x1 - x0));
}

describe('the adoption chart', () => {
  it('is pure: the same Result gives the same SVG and is left unchanged', () => {
    const before = JSON.stringify(result);
    expect(adoptionChart(result)).toBe(svg);
    expect(JSON.stringify(result)).toBe(before);
  });

  it('labels the time axis relative to the change, in order, with 0 at the change', () => {
    const labels = byClass(oneByClass(root, 'axis-time'), 'tick-label');
    expect(labels.map(textOf)).toEqual(['0', '+6 h', '+12 h', '+18 h', '+24 h', '+30 h', '+36 h', '+42 h']);
    const xs = labels.map((l) => Number(l.attributes.x));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBeCloseTo(x(result.changeAt), 1);
    expect(xs[1]).toBeCloseTo(x(result.changeAt + 6 * 3600), 1);
  });

  it('labels the share axis 0–100 %, bottom to top', () => {
    const labels = byClass(oneByClass(root, 'axis-value'), 'tick-label');
    expect(labels.map(textOf)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
    expect(Number(labels[0]!.attributes.y)).toBeGreaterThan(Number(labels[4]!.attributes.y));
  });

  it('has a legend naming the mean, the band, and both models', () => {
    expect(byClass(root, 'legend-item').map(textOf)).toEqual([
      'on route53 (mean)',
      'p05–p95 over 200 runs',
      'rule of thumb 1 − 2^(−t/TTL)',
      'linear model min(1, t/TTL)',
    ]);
  });

  it('draws the rule of thumb through 50 % at one TTL and 75 % at two, starting at the change', () => {
    const path = oneByClass(root, 'rule-of-thumb');
    const xs = pathPoints(path.attributes.d as string).map(([px]) => px);
    for (const k of [1, 2]) expect(xs.some((px) => Math.abs(px - x(result.changeAt + k * TTL)) < 0.005)).toBe(true);
    expect(shareAt(path, result.changeAt)).toBeCloseTo(0, 2);
    expect(shareAt(path, result.changeAt + TTL)).toBeCloseTo(0.5, 2);
    expect(shareAt(path, result.changeAt + 2 * TTL)).toBeCloseTo(0.75, 2);
    expect(shareAt(path, result.changeAt + 6 * TTL)).toBeCloseTo(0.984375, 2);
  });

  it('draws the linear model from 0 at the change to 100 % one TTL later', () => {
    const path = oneByClass(root, 'linear');
    expect(shareAt(path, result.changeAt)).toBeCloseTo(0, 2);
    expect(shareAt(path, result.changeAt + TTL / 2)).toBeCloseTo(0.5, 2);
    expect(shareAt(path, result.changeAt + TTL)).toBeCloseTo(1, 2);
  });

  it('draws the mean through every bin', () => {
    const points = pathPoints(oneByClass(root, 'mean').attributes.d as string);
    expect(points).toHaveLength(result.t.length);
    const i = 40;
    expect(x.invert(points[i]![0])).toBeCloseTo(result.t[i]!, -1);
    expect(y.invert(points[i]![1])).toBeCloseTo(result.shares.new.mean[i]!, 2);
  });

  it('marks t50, t90 and t99 at the right x with their offsets, and notes the unreached t99.9', () => {
    for (const [key, label] of [['t50', 't50 +45 min'], ['t90', 't90 +4 h 30 min'], ['t99', 't99 +22 h 20 min']] as const) {
      const marker = byClass(root, key).find((e) => e.tag === 'g')!;
      expect(Number(marker.attributes['data-x'])).toBeCloseTo(x(result.changeAt + result.milestones[key]!), 1);
      expect(textOf(marker)).toBe(label);
    }
    expect(byClass(root, 't999')).toHaveLength(0);
    expect(textOf(oneByClass(root, 'note'))).toMatch(/^t99\.9 not reached within 46 h/);
  });

  it('escapes the scenario name', () => {
    expect(svg).toContain('example.com to Route 53 &lt;1 h delegation TTL &amp; a 24 h ISP floor&gt;');
  });

  it('shows a window of the run with ticks fitted to it', () => {
    const zoomed = parseXml(adoptionChart(result, { window: { from: -3600, to: 6 * 3600 } }));
    expect(byClass(oneByClass(zoomed, 'axis-time'), 'tick-label').map(textOf)).toEqual(['−1 h', '0', '+1 h', '+2 h', '+3 h', '+4 h', '+5 h', '+6 h']);
  });

  it('notes milestones that fall outside a window, and places each milestone dot on the mean curve', () => {
    const zoomed = parseXml(adoptionChart(result, { window: { from: -TTL, to: 6 * TTL } }));
    expect(byClass(zoomed, 'note').map(textOf)).toContain('beyond this view: t99 +22 h 20 min');
    expect(byClass(zoomed, 'marker').map((m) => m.attributes.class)).toEqual(['marker change', 'marker milestone t50', 'marker milestone t90']);
    const dots = byClass(root, 'milestone-dot');
    expect(dots).toHaveLength(3);
    for (const dot of dots) {
      const key = (dot.attributes.class as string).split(' ')[1] as 't50' | 't90' | 't99';
      const bin = result.t.indexOf(result.changeAt + result.milestones[key]!);
      expect(Number(dot.attributes.cx)).toBeCloseTo(x(result.t[bin]!), 1);
      expect(Number(dot.attributes.cy)).toBeCloseTo(y(result.shares.new.mean[bin]!), 1);
    }
  });

  it('gives a read-out per bin at the bin x', () => {
    const readouts = adoptionReadouts(result);
    const i = result.t.indexOf(result.changeAt + 3 * 3600 + 20 * 60);
    expect(readouts.x[i]).toBeCloseTo(x(result.t[i]!), 1);
    expect(readouts.text[i]).toMatch(/^t = \+3 h 20 min: \d+\.\d % on new \(p05 \d+ %, p95 \d+ %\)$/);
    expect(readouts.x.every((v) => v >= plot.left && v <= plot.right)).toBe(true);
  });
});
