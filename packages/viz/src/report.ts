import type { Result } from '@cutover/sim/result';
import { max } from 'd3-array';
import { escapeXml } from './svg.ts';
import { CHARTS } from './charts/index.ts';
import { adoptionGeometry, adoptionReadouts } from './charts/adoption.ts';
import { MILESTONE_LEVELS } from './milestones.ts';
import { formatDuration, formatOffset, formatShare, formatSmallShare, formatTtl } from './format.ts';
import { REPORT_CSS } from './report-style.ts';
import { HOVER_SCRIPT } from './report-script.ts';

/** Pre-rendered chart SVGs by chart id; charts not given are rendered here. */
export type RenderedCharts = Record<string, string>;

const h = escapeXml;

function row(label: string, value: string, numeric = false): string {
  return `<tr><th scope="row">${h(label)}</th><td${numeric ? ' class="number"' : ''}>${h(value)}</td></tr>`;
}

function scenarioTable(result: Result): string {
  const s = result.scenario;
  const mix = Object.entries(s.profileMix)
    .sort((a, b) => b[1] - a[1])
    .map(([name, share]) => `${name} ${formatShare(share, 0)}`)
    .join(', ');
  return [
    '<table class="scenario"><caption>Scenario</caption><tbody>',
    row('providers', `${s.providers.old} → ${s.providers.new}`),
    row('NS change submitted', `${formatDuration(result.changeAt)} into the run`),
    row('reference TTL', formatTtl(s.referenceTtl)),
    row('resolvers', s.resolvers.toLocaleString('en-US')),
    row('clients', s.clients.toLocaleString('en-US')),
    row('profile mix', mix),
    row('simulated', `${formatDuration(s.horizon)} in ${formatDuration(s.bin)} bins`),
    row('runs', `${s.replications} (seed ${s.seed})`),
    '</tbody></table>',
  ].join('');
}

/** Share of lookups failing if the old provider were switched off at `offset`, from the nearest earlier sample. */
function failuresAt(result: Result, offset: number): number | undefined {
  const { t, share } = result.failuresIfDecommissionedAt;
  let found: number | undefined;
  t.forEach((at, i) => {
    if (at <= offset) found = share[i];
  });
  return found;
}

function milestonesTable(result: Result): string {
  const rows = MILESTONE_LEVELS.map((level) => {
    const offset = result.milestones[level.key];
    return row(
      `${level.label}: ${formatShare(level.share, level.share === 0.999 ? 1 : 0)} on ${result.scenario.providers.new}`,
      offset === null ? 'not within the run' : formatOffset(offset),
    );
  });
  const safe = result.safeDecommissionAfter;
  rows.push(row(`safe to switch off ${result.scenario.providers.old}`, safe === null ? 'not within the run' : formatOffset(safe)));
  const failed = result.shares.failed.mean;
  const peak = max(failed) ?? 0;
  const peakAt = failed.indexOf(peak);
  rows.push(row('peak failed share', peakAt < 0 ? 'none' : `${formatShare(peak)} at ${formatOffset((result.t[peakAt] as number) - result.changeAt)}`));
  return `<table class="milestones"><caption>Milestones (after the NS change)</caption><tbody>${rows.join('')}</tbody></table>`;
}

function decommissionTable(result: Result): string {
  const last = result.failuresIfDecommissionedAt.t.at(-1);
  if (last === undefined) return '';
  const rows = [3600, 6 * 3600, 12 * 3600, 24 * 3600, 48 * 3600, 7 * 86400]
    .filter((offset) => offset <= last)
    .flatMap((offset) => {
      const share = failuresAt(result, offset);
      return share === undefined ? [] : [row(`at ${formatOffset(offset)}`, formatSmallShare(share), true)];
    });
  return `<table class="decommission"><caption>Lookups failing if ${h(result.scenario.providers.old)} were switched off</caption><tbody>${rows.join('')}</tbody></table>`;
}

/** The run in one sentence, for the top of a change ticket. */
function summarySentence(result: Result): string {
  const { t50, t90, t99 } = result.milestones;
  const reached = (offset: number | null, share: string) => (offset === null ? `${share} not within the run` : `${share} by ${formatOffset(offset)}`);
  const safe = result.safeDecommissionAfter;
  const { old: oldProvider, new: newProvider } = result.scenario.providers;
  return (
    `Lookups answered by ${newProvider}: ${reached(t50, '50 %')}, ${reached(t90, '90 %')}, ${reached(t99, '99 %')} after the NS change. ` +
    (safe === null ? `${oldProvider} still receives lookups at the end of the run.` : `${oldProvider} can be switched off from ${formatOffset(safe)}.`)
  );
}

/** JSON inside a script element: "<" escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The self-contained HTML report: the scenario, the milestones, every chart inline, and a hover
 * read-out on the adoption chart. No external resource of any kind, so it opens from a change
 * ticket attachment or a file share, and prints.
 */
export function renderReport(result: Result, rendered: RenderedCharts = {}): string {
  const geometry = adoptionGeometry(result);
  const readouts = { ...adoptionReadouts(result), left: geometry.plot.left, right: geometry.plot.right, top: geometry.plot.top, bottom: geometry.plot.bottom };
  const figures = CHARTS.map((chart) => {
    const svg = rendered[chart.id] ?? chart.render(result);
    const readout =
      chart.id === 'adoption'
        ? '<p class="readout" id="adoption-readout" aria-live="polite">Move the pointer over the adoption chart to read the share at any time.</p>'
        : '';
    return `<figure id="chart-${chart.id}">${readout}${svg}<figcaption>${h(chart.caption)}</figcaption></figure>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>cutover: ${h(result.scenario.name)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    `<header><h1>${h(result.scenario.name)}</h1><p class="description">${h(result.scenario.description)}</p>`,
    `<p class="summary">${h(summarySentence(result))}</p></header>`,
    `<section class="tables">${scenarioTable(result)}${milestonesTable(result)}${decommissionTable(result)}</section>`,
    '<h2>Charts</h2>',
    ...figures,
    `<footer>cutover report, Result version ${result.version}. Times are relative to the moment the NS change was submitted at the registrar.</footer>`,
    `<script type="application/json" id="adoption-readouts">${scriptJson(readouts)}</script>`,
    `<script>${HOVER_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
