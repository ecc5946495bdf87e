import type { Result } from '@cutover/sim/result';
import { formatDuration, formatOffset, formatShare, formatSmallShare } from '@cutover/viz/format';

/**
 * The run's answer in a few lines for a terminal: when the share of lookups on the new provider
 * settles at 50/90/99/99.9 %, when the old provider can be switched off, and the worst moment.
 */
export function summaryTable(result: Result): string {
  const s = result.scenario;
  const after = (seconds: number | null) => (seconds === null ? `not within ${formatDuration(s.horizon - result.changeAt)}` : formatOffset(seconds));
  const peak = peakFailure(result);
  const rows: [string, string][] = [
    ['lookups on the new provider ≥ 50 %', after(result.milestones.t50)],
    ['≥ 90 %', after(result.milestones.t90)],
    ['≥ 99 %', after(result.milestones.t99)],
    ['≥ 99.9 %', after(result.milestones.t999)],
    [`old provider (${s.providers.old}) under 1 lookup in 10,000`, after(result.safeDecommissionAfter)],
    ['peak share of failed lookups', peak.share === 0 ? '0 %' : `${formatSmallShare(peak.share)} at ${formatOffset(peak.at)}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const head = [
    `${s.name}: ${s.providers.old} → ${s.providers.new}, ${s.resolvers.toLocaleString('en-US')} resolvers, ${s.clients.toLocaleString('en-US')} clients, ` +
      `${s.replications} replication${s.replications === 1 ? '' : 's'} (seed ${s.seed})`,
    `delegation change submitted at ${formatDuration(result.changeAt)} into the run; reference TTL ${s.referenceTtl} s; times below are after it`,
    '',
  ];
  const firstTtl = result.shares.new.mean[binAt(result, result.changeAt + s.referenceTtl)];
  const tail = firstTtl === undefined ? [] : ['', `one reference TTL after the change, ${formatShare(firstTtl)} of lookups reach the new provider (rule of thumb: 50 %, linear model: 100 %)`];
  return `${[...head, ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`), ...tail].join('\n')}\n`;
}

function binAt(result: Result, time: number): number {
  return Math.min(result.t.length - 1, Math.max(0, Math.floor(time / result.scenario.bin)));
}

function peakFailure(result: Result): { share: number; at: number } {
  let best = { share: 0, at: 0 };
  result.shares.failed.mean.forEach((share, k) => {
    if (share > best.share) best = { share, at: (result.t[k] as number) - result.changeAt };
  });
  return best;
}
