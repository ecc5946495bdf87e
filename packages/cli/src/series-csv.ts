import type { Band, Result } from '@cutover/sim/result';

/**
 * The Result's per-bin series as CSV for spreadsheets: one row per bin, time from the start and
 * from the change, then mean, p05 and p95 of each series (lookup shares, resolver shares, load
 * per provider, new share per profile).
 */
export function seriesCsv(result: Result): string {
  const columns: [string, number[]][] = [
    ['t_seconds', result.t],
    ['t_after_change_seconds', result.t.map((t) => t - result.changeAt)],
  ];
  const band = (prefix: string, b: Band) => {
    columns.push([`${prefix}_mean`, b.mean], [`${prefix}_p05`, b.p05], [`${prefix}_p95`, b.p95]);
  };
  for (const cls of ['new', 'old', 'failed', 'stale'] as const) band(`lookups_${cls}`, result.shares[cls]);
  for (const cls of ['new', 'old', 'failed', 'stale'] as const) band(`resolvers_${cls}`, result.resolverShares[cls]);
  for (const [provider, b] of Object.entries(result.load)) band(`load_qps_${slug(provider)}`, b);
  for (const [profile, b] of Object.entries(result.byProfile)) band(`new_share_${slug(profile)}`, b);
  const lines = [columns.map(([name]) => name).join(',')];
  for (let k = 0; k < result.t.length; k++) lines.push(columns.map(([, values]) => String(values[k])).join(','));
  return `${lines.join('\n')}\n`;
}

/** Header-safe names: letters, digits, dashes and underscores. */
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '_');
}
