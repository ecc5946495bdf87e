/**
 * The base of every error that describes bad input (a zone file, a name, a packet, a profile
 * name) rather than a fault in the program. Its message already says where and what, on one
 * line, so the CLI can print it as it is and exit 2.
 */
export class InputError extends Error {
  override name = 'InputError';
}
