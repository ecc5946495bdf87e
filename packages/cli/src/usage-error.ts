import { InputError } from '@cutover/resolver';

/** A mistake in the command line itself: a flag's value, a missing argument. */
export class UsageError extends InputError {
  override name = 'UsageError';
}
