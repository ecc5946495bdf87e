import { InputError } from '../errors.ts';

/**
 * Bad input in a zone file, located to the character: `file:line:column: reason`. `token` is the
 * offending text as written (empty when something is missing at the end of a record).
 */
export class ZoneFileError extends InputError {
  override name = 'ZoneFileError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly token: string,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

/**
 * Bad RDATA in presentation format. `index` is the position of the offending token in the list
 * given to `parseRData` (equal to the list's length when a field is missing), so a zone file
 * parser can point at the token's line and column.
 */
export class RDataError extends InputError {
  override name = 'RDataError';
  constructor(
    readonly index: number,
    readonly token: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The reason text for a field that is present but wrong, e.g. `bad TTL "12x": expected …`. */
export function badValue(what: string, token: string, expected: string): string {
  return `bad ${what} ${JSON.stringify(token)}: expected ${expected}`;
}
