import { className, RRType, typeName } from '../constants.ts';
import { isSubdomain, ROOT, type Name } from '../name.ts';
import type { RR } from '../record.ts';
import { formatRData } from '../rdata-text.ts';

/**
 * A master file for `records`: `$ORIGIN` (the given origin, else the SOA's owner) and `$TTL`
 * (the commonest TTL) first, then the SOA, then the other records in the order given. Owners are
 * written relative to the origin and left blank when they repeat the line above; every record
 * states its TTL, since TTLs are what this project is about. Names inside RDATA stay absolute,
 * so no record depends on the origin for its meaning.
 */
export function printZoneFile(records: readonly RR[], opts: { origin?: Name } = {}): string {
  const origin = opts.origin ?? records.find((rr) => rr.type === RRType.SOA)?.name;
  const ordered = [...records.filter((rr) => rr.type === RRType.SOA), ...records.filter((rr) => rr.type !== RRType.SOA)];
  const header: string[] = [];
  if (origin !== undefined) header.push(`$ORIGIN ${origin}`);
  const defaultTtl = commonestTtl(ordered);
  if (defaultTtl !== undefined) header.push(`$TTL ${defaultTtl}`);

  let previousOwner: Name | undefined;
  const rows = ordered.map((rr) => {
    const owner = rr.name === previousOwner ? '' : relativeName(rr.name, origin);
    previousOwner = rr.name;
    return [owner, String(rr.ttl), className(rr.class), typeName(rr.type), formatRData(rr.type, rr.data)] as const;
  });
  const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell)).join(' '));
  return `${[...header, ...lines].join('\n')}\n`;
}

function relativeName(name: Name, origin: Name | undefined): string {
  if (origin === undefined || origin === ROOT) return name;
  if (name === origin) return '@';
  return isSubdomain(name, origin) ? name.slice(0, name.length - origin.length - 1) : name;
}

/** The TTL most records have; the earliest-seen wins a tie. */
function commonestTtl(records: readonly RR[]): number | undefined {
  const counts = new Map<number, number>();
  for (const rr of records) counts.set(rr.ttl, (counts.get(rr.ttl) ?? 0) + 1);
  let best: number | undefined;
  for (const [ttl, count] of counts) if (best === undefined || count > (counts.get(best) as number)) best = ttl;
  return best;
}
