import { rcodeName, typeName } from '../constants.ts';
import type { Name } from '../name.ts';
import type { RR } from '../record.ts';

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

/** Renders steps like `dig +trace`: the records, then ";; Received … from SERVER (ZONE) …". */
export function formatTrace(steps: readonly TraceStep[]): string {
  const lines: string[] = [];
  for (const s of steps) {
    lines.push(`;; ${s.name} ${typeName(s.type)} → ${s.server} (${s.zone}) at ${s.sent.toFixed(3)} s`);
    for (const rr of s.records) lines.push(`${rr.name}\t${rr.ttl}\t${typeName(rr.type)}\t${formatData(rr.data)}`);
    const rcode = s.rcode === undefined ? '' : ` ${rcodeName(s.rcode)}`;
    const detail = s.detail ? ` (${s.detail})` : '';
    lines.push(`;; ${s.outcome}${rcode}${detail} in ${Math.round((s.received - s.sent) * 1000)} ms`, '');
  }
  return lines.join('\n');
}

function formatData(data: RR['data']): string {
  if (typeof data === 'string') return data;
  if (Array.isArray(data)) return data.map((s) => JSON.stringify(s)).join(' ');
  if ('raw' in data) return `\\# ${data.raw.length}`;
  return Object.values(data).join(' ');
}
