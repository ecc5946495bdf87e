import { readFile } from 'node:fs/promises';
import { InputError, parseZoneFile, RRType, type RR } from '@cutover/resolver';

/**
 * Root hints in master-file format (as named.root): the root NS RRset and the addresses of those
 * servers. A file without both cannot start a resolver, so it is refused here.
 */
export async function loadRootHints(file: string): Promise<RR[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const records = parseZoneFile(text, { file, origin: '.' });
  const servers = records.filter((rr) => rr.type === RRType.NS && rr.name === '.').map((rr) => rr.data as string);
  if (servers.length === 0) throw new InputError(`${file}: no NS records for the root (".") in the root hints`);
  const addressed = servers.filter((ns) => records.some((rr) => rr.name === ns && (rr.type === RRType.A || rr.type === RRType.AAAA)));
  if (addressed.length === 0) throw new InputError(`${file}: none of the root servers (${servers.join(', ')}) has an A or AAAA record`);
  return records;
}
