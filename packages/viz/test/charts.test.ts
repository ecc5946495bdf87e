import { describe, expect, it } from 'vitest';
import type { Result } from '@cutover/sim/result';
import { sharesChart } from '../src/charts/shares.ts';
import { timelineChart, LANES } from '../src/charts/timeline.ts';
import { loadChart } from '../src/charts/load.ts';
import { profilesChart, profileSummaries } from '../src/charts/profiles.ts';
import { adoptionChart, adoptionGeometry } from '../src/charts/adoption.ts';
import { CHARTS } from '../src/charts/index.ts';
import { fixtureResult } from './fixtures/result.ts';
import { byClass, findAll, oneByClass, parseXml, pathPoints, textOf } from './helpers/xml.ts';

const result = fixtureResult();
const { x } = adoptionGeometry(result);

describe('every chart', () => {
  for (const chart of CHARTS) {
    it(`${chart.id}: is pure, well-formed, titled, and matches its snapshot`, () => {
      const before = JSON.stringify(result);
      const svg = chart.render(result);
      expect(chart.render(result)).toBe(svg);
      expect(JSON.stringify(result)).toBe(before);
      const root = parseXml(svg);
      expect(root.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(root.attributes['font-family']).toBe('DejaVu Sans');
      expect(root.attributes.viewBox).toBe(`0 0 ${root.attributes.width} ${root.attributes.height}`);
      expect(textOf(oneByClass(root, 'title')).length).toBeGreaterThan(10);
      expect(svg).not.toContain('NaN');
      expect(svg).toMatchSnapshot();
    });
  }
});

describe('the shares chart', () => {
  const root = parseXml(sharesChart(result));
  it('stacks new, stale, failed and old with a legend entry each', () => {
    expect(byClass(root, 'legend-item').map(textOf)).toEqual([
      'new provider (route53)',
      'served stale',
      'failed (SERVFAIL or timeout)',
      'old provider (oldco-dns)',
    ]);
    expect(byClass(root, 'layer').map((l) => l.attributes.class)).toEqual(['layer layer-new', 'layer layer-stale', 'layer layer-failed', 'layer layer-old']);
  });
  it('fills every bin to 100 %: the top layer’s upper edge is the top of the plot', () => {
    const points = pathPoints(oneByClass(root, 'layer-old').attributes.d as string);
    const upper = points.slice(0, result.t.length);
    const top = Math.min(...upper.map(([, py]) => py));
    expect(upper.every(([, py]) => Math.abs(py - top) < 0.01)).toBe(true);
    const labels = byClass(findAll(root, (e) => e.attributes.class === 'axis axis-value')[0]!, 'tick-label');
    expect(Number(labels.at(-1)!.attributes.y) - 4).toBeCloseTo(top, 1);
  });
  it('magnifies failures and names their peak', () => {
    const peak = Math.max(...result.shares.failed.mean);
    const at = result.t[result.shares.failed.mean.indexOf(peak)]! - result.changeAt;
    expect(at).toBe(600);
    expect(byClass(root, 'note').map(textOf)).toContain(`peak failed ${(peak * 100).toFixed(1)} % at +10 min`);
  });
});

describe('the timeline chart', () => {
  const svg = timelineChart(result);
  const root = parseXml(svg);
  it('has one lane per actor, in the order the change travels', () => {
    expect(byClass(root, 'lane-label').map(textOf)).toEqual(LANES);
  });
  it('shows every entry: actions as markers, waits as bars spanning their time', () => {
    const entries = byClass(root, 'entry');
    expect(entries.map(textOf).sort()).toEqual(result.timeline.map((e) => e.label).sort());
    const publish = entries.find((e) => textOf(e) === 'registry publishes')!;
    const bar = findAll(publish, (e) => e.tag === 'rect')[0]!;
    expect(Number(bar.attributes.x)).toBeCloseTo(x(result.changeAt), 1);
    // Three minutes are under a pixel at this scale; the bar keeps a visible minimum width.
    expect(Number(bar.attributes.width)).toBe(2);
    const oldTtl = entries.find((e) => textOf(e) === 'old NS TTL 3600 s')!;
    const oldTtlBar = findAll(oldTtl, (e) => e.tag === 'rect')[0]!;
    expect(Number(oldTtlBar.attributes.x)).toBeCloseTo(x(1200), 1);
    expect(Number(oldTtlBar.attributes.x) + Number(oldTtlBar.attributes.width)).toBeCloseTo(x(4800), 1);
    const floor = entries.find((e) => textOf(e) === 'ISP 24 h TTL floor')!;
    const floorBar = findAll(floor, (e) => e.tag === 'rect')[0]!;
    expect(Number(floorBar.attributes.x) + Number(floorBar.attributes.width)).toBeCloseTo(x(result.changeAt + 180 + 86400), 1);
    expect(byClass(root, 'is-action')).toHaveLength(result.timeline.filter((e) => e.end === undefined).length);
  });
  it('shares the adoption chart’s time axis exactly', () => {
    const ticks = (svgText: string) =>
      byClass(oneByClass(parseXml(svgText), 'axis-time'), 'tick-label').map((t) => [textOf(t), t.attributes.x]);
    expect(ticks(svg)).toEqual(ticks(adoptionChart(result)));
  });
});

describe('the load chart', () => {
  const root = parseXml(loadChart(result));
  it('has a legend entry and a line per provider', () => {
    expect(byClass(root, 'legend-item').map(textOf)).toEqual(['oldco-dns', 'route53']);
    expect(byClass(root, 'provider').map((p) => p.attributes['data-provider'])).toEqual(['oldco-dns', 'route53']);
  });
  it('marks the safe decommission time at its x', () => {
    const marker = byClass(root, 'safe-decommission')[0]!;
    expect(Number(marker.attributes['data-x'])).toBeCloseTo(x(result.changeAt + result.safeDecommissionAfter!), 1);
    expect(textOf(marker)).toBe('safe to decommission oldco-dns: +24 h 5 min');
  });
  it('labels queries per second upwards from 0', () => {
    const labels = byClass(oneByClass(root, 'axis-value'), 'tick-label').map(textOf);
    expect(labels[0]).toBe('0');
    const values = labels.map((l) => Number(l.replace(/,/g, '')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBeGreaterThanOrEqual(Math.max(...result.load.route53!.p95));
  });
});

describe('the profiles chart', () => {
  const root = parseXml(profilesChart(result));
  it('draws one panel per profile, fastest first, so the tail comes last', () => {
    const panels = byClass(root, 'panel').map((p) => p.attributes['data-profile']);
    expect(panels).toHaveLength(4);
    expect(panels.at(-1)).toBe('isp-floor-24h');
    expect(textOf(byClass(root, 'panel-title').at(-1)!)).toBe('isp-floor-24h · 12 % of resolvers');
  });
  it('attributes the tail to the profile that holds on to the old data', () => {
    const summaries = profileSummaries(result);
    expect(summaries.reduce((s, p) => s + p.tailShare, 0)).toBeCloseTo(1, 9);
    const floor = summaries.find((p) => p.profile === 'isp-floor-24h')!;
    expect(floor.tailShare).toBeGreaterThan(0.9);
    expect(floor.t90).toBe(Math.ceil((0.9 * 86400 + 180) / 300) * 300);
  });
});

describe('a run where nothing is reached', () => {
  const stuck: Result = {
    ...result,
    milestones: { t50: null, t90: null, t99: null, t999: null },
    safeDecommissionAfter: null,
    timeline: [],
  };
  it('draws no milestone marks and says what was not reached', () => {
    const root = parseXml(adoptionChart(stuck));
    expect(byClass(root, 'milestone')).toHaveLength(0);
    expect(textOf(oneByClass(root, 'note'))).toMatch(/^t50, t90, t99, t99\.9 not reached/);
    expect(textOf(oneByClass(parseXml(loadChart(stuck)), 'note'))).toMatch(/oldco-dns still gets over 1 lookup in 10,000/);
    expect(byClass(parseXml(timelineChart(stuck)), 'entry')).toHaveLength(0);
  });
});
