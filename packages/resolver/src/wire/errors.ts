import { InputError } from '../errors.ts';

/**
 * A message that cannot be decoded or encoded. `offset` is the octet position in the message
 * where decoding failed (absent when encoding, or when the failure has no single position).
 */
export class WireError extends InputError {
  override name = 'WireError';

  constructor(
    readonly reason: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? reason : `${reason} (at octet ${offset})`);
  }
}
