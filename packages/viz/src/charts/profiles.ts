import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { sum } from 'd3-array';
import type { Result } from '@cutover/sim/result';
import { el, svgDocument, svgText } from '../svg.ts';
import { ink, seriesColour } from '../palette.ts';
import { CHART_WIDTH } from '../layout.ts';
import { binsInView, timeScale, type TimeWindow } from '../time-scale.ts';
import { renderTimeAxis } from '../time-axis.ts';
import { SHARE_TICKS, renderValueAxis } from '../value-axis.ts';
import { renderTitle, TITLE_HEIGHT } from '../title.ts';
import { renderLegend } from '../legend.ts';
import { ruleOfThumbShare } from '../models.ts';
import { firstTimeStayingAtLeast } from '../milestones.ts';
import { formatOffset, formatShare } from '../format.ts';

export interface ProfilesOptions {
  width?: number;
  /** Height of one panel. */
  panelHeight?: number;
  columns?: number;
  window?: TimeWindow;
}

export interface ProfileSummary {
  profile: string;
  /** Share of resolvers with this profile (0 when the mix does not name it). */
  mix: number;
  /** Seconds after the change when the profile's mean reaches 90 % and stays; null if never. */
  t90: number | null;
  /**
   * The profile's part of the tail: of all lookups still on the old provider after the overall
   * t90 (or after the change, when t90 is never reached), the share made by this profile,
   * weighting each profile by its share of resolvers.
   */
  tailShare: number;
}

/** Each profile's t90 and its part of the tail, slowest last. */
export function profileSummaries(result: Result): ProfileSummary[] {
  const tailStart = result.changeAt + (result.milestones.t90 ?? 0);
  const tailBins = result.t.flatMap((t, i) => (t >= tailStart ? [i] : []));
  const rows = Object.entries(result.byProfile).map(([profile, band]) => {
    const mix = result.scenario.profileMix[profile] ?? 0;
    const lateness = mix * sum(tailBins, (i) => 1 - (band.mean[i] as number));
    return { profile, mix, lateness, t90: firstTimeStayingAtLeast(result.t, band.mean, 0.9, result.changeAt) };
  });
  const total = sum(rows, (r) => r.lateness);
  return rows
    .map(({ profile, mix, lateness, t90 }) => ({ profile, mix, t90, tailShare: total > 0 ? lateness / total : 0 }))
    .sort((a, b) => (a.t90 ?? Infinity) - (b.t90 ?? Infinity) || a.profile.localeCompare(b.profile));
}

/**
 * One small adoption chart per resolver profile, on shared scales, with the rule of thumb behind
 * each, ordered from fastest to slowest so the populations that make the tail come last.
 */
export function profilesChart(result: Result, options: ProfilesOptions = {}): string {
  const width = options.width ?? CHART_WIDTH;
  const columns = options.columns ?? 2;
  const panelHeight = options.panelHeight ?? 200;
  const summaries = profileSummaries(result);
  const legend = renderLegend(
    [
      { label: 'on the new provider (mean)', colour: seriesColour.new, kind: 'line' },
      { label: 'p05–p95', colour: seriesColour.new, kind: 'band' },
      { label: `rule of thumb, TTL ${result.scenario.referenceTtl} s`, colour: seriesColour.ruleOfThumb, kind: 'dashed' },
    ],
    72,
    TITLE_HEIGHT,
    width - 100,
  );
  const gridTop = TITLE_HEIGHT + legend.height + 8;
  const rows = Math.max(1, Math.ceil(summaries.length / columns));
  const height = gridTop + rows * panelHeight + 8;
  const panelWidth = (width - 16) / columns;

  const panels = summaries.map((summary, index) => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const left = 8 + column * panelWidth;
    const top = gridTop + row * panelHeight;
    const plot = { left: left + 64, right: left + panelWidth - 16, top: top + 34, bottom: top + panelHeight - 30 };
    const x = timeScale(result, plot, options.window);
    const y = scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
    const band = result.byProfile[summary.profile];
    if (band === undefined) return '';
    const bins = binsInView(result, x);
    const [from, to] = x.domain() as [number, number];
    const samples = Array.from({ length: 301 }, (_, i) => from + ((to - from) * i) / 300);
    const ttl = result.scenario.referenceTtl;
    const heading = `${summary.profile} · ${formatShare(summary.mix, 0)} of resolvers`;
    const detail = `t90 ${summary.t90 === null ? 'not reached' : formatOffset(summary.t90)} · ${formatShare(summary.tailShare, 0)} of the tail`;
    return el(
      'g',
      { class: 'panel', 'data-profile': summary.profile },
      svgText(heading, { class: 'panel-title', x: plot.left, y: top + 14, 'font-size': 13, 'font-weight': 'bold', fill: ink.text }),
      svgText(detail, { class: 'panel-detail', x: plot.left, y: top + 28, 'font-size': 11, fill: ink.secondaryText }),
      renderValueAxis(y, plot, { format: (v) => formatShare(v, 0), ticks: SHARE_TICKS.filter((_, i) => i % 2 === 0) }),
      renderTimeAxis(x, plot, { changeAt: result.changeAt }),
      el('path', {
        class: 'band',
        d: area<number>().x((i) => x(result.t[i] as number)).y0((i) => y(band.p05[i] as number)).y1((i) => y(band.p95[i] as number))(bins) ?? '',
        fill: seriesColour.new,
        'fill-opacity': 0.22,
      }),
      el('path', {
        class: 'rule-of-thumb',
        d: line<number>().x((t) => x(t)).y((t) => y(ruleOfThumbShare(t - result.changeAt, ttl)))(samples) ?? '',
        fill: 'none',
        stroke: seriesColour.ruleOfThumb,
        'stroke-width': 1,
        'stroke-dasharray': '6 3',
      }),
      el('path', {
        class: 'mean',
        d: line<number>().x((i) => x(result.t[i] as number)).y((i) => y(band.mean[i] as number))(bins) ?? '',
        fill: 'none',
        stroke: seriesColour.new,
        'stroke-width': 2,
      }),
    );
  });

  return svgDocument(
    { width, height, title: `Adoption per resolver profile: ${result.scenario.name}`, className: 'chart chart-profiles' },
    renderTitle('Adoption per resolver profile', `${result.scenario.name} · fastest first · tail: lookups still on the old provider after t90`, width),
    legend.svg,
    ...panels,
    panels.length === 0 ? svgText('This Result has no per-profile series.', { class: 'note', x: 72, y: gridTop + 40, fill: ink.secondaryText }) : '',
  );
}
