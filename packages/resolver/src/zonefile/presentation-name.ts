import { canonicalName, NameError, ROOT, type Name } from '../name.ts';
import { EscapeError, labelFromOctets, splitPresentationLabels, unescapeOctets } from './escapes.ts';

/** Why a name token was refused; the caller adds where. */
export class NameTextError extends Error {
  override name = 'NameTextError';
}

/**
 * The canonical name a zone file token denotes: `@` is the origin, a name without a trailing dot
 * is relative to the origin (RFC 1035 §5.1), and escapes are rewritten to one spelling so that
 * `\065`, `\A` and `a` give the same name. Without an origin only absolute names are accepted.
 */
export function parseNameText(token: string, origin: Name | undefined): Name {
  if (token.startsWith('"')) throw new NameTextError('a domain name is not quoted');
  if (token === '@') {
    if (origin === undefined) throw new NameTextError('"@" needs an origin: add $ORIGIN or pass one');
    return origin;
  }
  if (token === '.') return ROOT;
  const { labels, absolute } = splitPresentationLabels(token);
  if (!absolute && origin === undefined) {
    throw new NameTextError(`relative name with no origin: end it with a dot, add $ORIGIN, or pass one`);
  }
  let text = '';
  for (const label of labels) {
    let octets: Uint8Array;
    try {
      octets = unescapeOctets(label);
    } catch (e) {
      if (e instanceof EscapeError) throw new NameTextError(e.message);
      throw e;
    }
    if (octets.length === 0) throw new NameTextError('empty label');
    text += `${labelFromOctets(octets)}.`;
  }
  try {
    return canonicalName(absolute ? text : `${text}${origin === ROOT ? '' : origin}`);
  } catch (e) {
    if (e instanceof NameError) throw new NameTextError(e.reason);
    throw e;
  }
}
