/**
 * Zone data written in a scenario (`records:` lines) or named by it (`file:`), parsed with the
 * resolver package's master-file parser relative to the scenario's domain.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { isSubdomain, parseZoneFile, ZoneFileError, type Name, type RR } from '@cutover/resolver';
import type { FieldPath } from './locate.ts';
import type { Problems } from './problems.ts';

/** Reads a file named by a scenario; throws an error with `code` (ENOENT, …) like node:fs does. */
export type ReadFile = (path: string) => string;

/** Records from `records:` lines, each a line of a master file; a bad line is a problem at its own path. */
export function recordsFromLines(lines: readonly string[], origin: Name, path: FieldPath, problems: Problems): RR[] {
  const records: RR[] = [];
  lines.forEach((line, i) => {
    try {
      const parsed = parseZoneFile(line, { origin, file: '' });
      if (parsed.length !== 1) problems.expected([...path, i], 'one record per line');
      const outside = parsed.find((rr) => !isSubdomain(rr.name, origin));
      if (outside !== undefined) problems.expected([...path, i], `a record under ${origin}`);
      records.push(...parsed);
    } catch (error) {
      if (!(error instanceof ZoneFileError)) throw error;
      problems.add([...path, i], `${error.reason} (in ${JSON.stringify(line)})`);
    }
  });
  return records;
}

/** Records of a zone file named relative to the scenario; a missing file or a bad line is a problem. */
export function recordsFromFile(
  name: string,
  scenarioFile: string,
  origin: Name,
  path: FieldPath,
  problems: Problems,
  readFile: ReadFile,
): { records: RR[]; file: string } {
  const file = isAbsolute(name) ? name : join(dirname(scenarioFile), name);
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    problems.add(path, `cannot read the zone file ${file}: ${code === 'ENOENT' ? 'no such file' : String((error as Error).message)}`);
    return { records: [], file };
  }
  try {
    const records = parseZoneFile(text, { origin, file: name });
    const outside = records.find((rr) => !isSubdomain(rr.name, origin));
    if (outside !== undefined) problems.add(path, `expected a zone file for ${origin}, got one with a record for ${outside.name}`);
    return { records, file };
  } catch (error) {
    if (!(error instanceof ZoneFileError)) throw error;
    problems.addExternal(path, { file: error.file, line: error.line, column: error.column, path: '', reason: error.reason });
    return { records: [], file };
  }
}
