import { rcodeName, typeName } from '../constants.ts';
import type { Name } from '../name.ts';
import type { RR } from '../record.ts';
import { formatRR } from '../rdata-text.ts';

/** One query of a resolution and what came of it, for `cutover resolve --trace`. */
export interface TraceStep {
  /** When the query was sent (seconds). */
  sent: number;
  /** When its response or timeout arrived. */
  received: number;
  server: string;
  /** The zone the server was asked as an authority for. */
  zone: Name;
  name: Name;
  type: number;
  /** `answer`, `referral`, `cname`, `nxdomain`, `nodata`, `lame` or `timeout`. */
  outcome: string;
  rcode?: number;
  /** Why the response was lame, or where a referral led. */
  detail?: string;
  /** The scrubbed records that came back. */
  records: RR[];
}

/** Renders steps in the spirit of `dig +trace`: each query, the records that came back, then its outcome and time. */
export function formatTrace(steps: readonly TraceStep[]): string {
  const lines: string[] = [];
  // Offsets from the first query read better than clock values, which are epoch seconds in the daemon.
  const start = steps[0]?.sent ?? 0;
  for (const s of steps) {
    lines.push(`;; ${s.name} ${typeName(s.type)} → ${s.server} (${s.zone}) at +${(s.sent - start).toFixed(3)} s`);
    for (const rr of s.records) lines.push(formatRR(rr));
    const rcode = s.rcode === undefined ? '' : ` ${rcodeName(s.rcode)}`;
    const detail = s.detail ? ` (${s.detail})` : '';
    lines.push(`;; ${s.outcome}${rcode}${detail} in ${Math.round((s.received - s.sent) * 1000)} ms`, '');
  }
  return lines.join('\n');
}
