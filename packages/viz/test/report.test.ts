import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/report.ts';
import { CHARTS } from '../src/charts/index.ts';
import { fixtureResult } from './fixtures/result.ts';

const result = fixtureResult();
const html = renderReport(result);

describe('report.html', () => {
  it('is pure', () => {
    expect(renderReport(result)).toBe(html);
  });

  it('holds every chart inline, as the chart builders draw them', () => {
    for (const chart of CHARTS) {
      expect(html).toContain(`<figure id="chart-${chart.id}">`);
      expect(html).toContain(chart.render(result));
    }
  });

  it('refers to nothing outside itself', () => {
    const withoutSvgNamespace = html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutSvgNamespace).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it('states the scenario and its milestones', () => {
    expect(html).toContain('<title>cutover: example.com to Route 53 &lt;1 h delegation TTL &amp; a 24 h ISP floor&gt;</title>');
    expect(html).toMatch(/t50: 50 % on route53<\/th><td>\+45 min</);
    expect(html).toMatch(/t90: 90 % on route53<\/th><td>\+4 h 30 min</);
    expect(html).toMatch(/t99\.9: 99\.9 % on route53<\/th><td>not within the run</);
    expect(html).toMatch(/safe to switch off oldco-dns<\/th><td>\+24 h 5 min</);
    expect(html).toContain('unbound 45 %, bind 30 %, powerdns 13 %, isp-floor-24h 12 %');
  });

  it('says what share of lookups would fail if the old provider were switched off early', () => {
    const { t, share } = result.failuresIfDecommissionedAt;
    const at24h = share[t.indexOf(24 * 3600)]!;
    expect(at24h).toBeGreaterThan(1e-4);
    expect(at24h).toBeLessThan(1e-3);
    expect(html).toContain(`<th scope="row">at +24 h</th><td class="number">${(at24h * 100).toPrecision(2)} %</td>`);
    expect(html).toContain(`<th scope="row">at +1 h</th><td class="number">${(share[t.indexOf(3600)]! * 100).toFixed(1)} %</td>`);
  });

  it('opens with the run in one sentence', () => {
    expect(html).toContain(
      '<p class="summary">Lookups answered by route53: 50 % by +45 min, 90 % by +4 h 30 min, 99 % by +22 h 20 min after the NS change. oldco-dns can be switched off from +24 h 5 min.</p>',
    );
  });

  it('prints without the hover furniture', () => {
    const css = /<style>(.*?)<\/style>/s.exec(html)?.[1] ?? '';
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toContain('.readout { display: none; }');
    expect(print).toContain('break-inside: avoid');
  });

  it('embeds the read-outs as JSON that cannot close its script element', () => {
    const json = /<script type="application\/json" id="adoption-readouts">(.*?)<\/script>/s.exec(html)?.[1];
    const data = JSON.parse(json!) as { x: number[]; text: string[] };
    expect(data.x).toHaveLength(result.t.length);
    expect(data.text[0]).toMatch(/^t = −2 h: 0\.0 % on new/);
    const hostile = renderReport({ ...result, scenario: { ...result.scenario, providers: { old: '</script><b>', new: 'x' } } });
    expect(hostile.match(/<\/script>/g)).toHaveLength(2);
  });
});
