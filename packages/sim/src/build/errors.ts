/**
 * A scenario that passed the schema but cannot be built into a world: a name server under a zone
 * nothing can delegate, an action naming a server a provider does not have. Says which part of
 * the scenario and why.
 */
export class BuildError extends Error {
  constructor(
    /** The scenario file. */
    readonly file: string,
    /** Where in the scenario, e.g. "providers.new.nameservers" or "plan[2] (change-address)". */
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${file}: ${where}: ${reason}`);
    this.name = 'BuildError';
  }
}
