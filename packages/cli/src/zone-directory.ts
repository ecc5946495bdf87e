import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, parseZoneFile, Zone } from '@cutover/resolver';

/** A file in a zone directory holds a zone when its name ends in `.zone`. */
const ZONE_FILE = /\.zone$/;

/**
 * Reads every zone file in `dir`; each zone's origin is the owner of its SOA record. All files are
 * parsed before anything is returned, so a caller never serves half a directory.
 */
export async function loadZoneDirectory(dir: string): Promise<Zone[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && ZONE_FILE.test(e.name)).map((e) => e.name);
  } catch (error) {
    throw new InputError(`${dir}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (error as Error).message}`);
  }
  if (names.length === 0) throw new InputError(`${dir}: no zone files (*.zone) found`);
  const zones: Zone[] = [];
  const fileOf = new Map<string, string>();
  for (const name of names.sort()) {
    const file = join(dir, name);
    const records = parseZoneFile(await readFile(file, 'utf8'), { file });
    const zone = Zone.fromRecords(records, { file });
    const previous = fileOf.get(zone.origin);
    if (previous !== undefined) throw new InputError(`${file}: zone ${zone.origin} is already defined in ${previous}`);
    fileOf.set(zone.origin, file);
    zones.push(zone);
  }
  return zones;
}
