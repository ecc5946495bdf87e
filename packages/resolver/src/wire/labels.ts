import { WireError } from './errors.ts';

/**
 * Labels between their presentation text (RFC 1035 §5.1: `\X` for a special character, `\DDD`
 * for any octet) and wire octets. dns-packet is not used for names: it splits text on every dot
 * (so `a\.b` becomes two labels) and decodes label octets as UTF-8 (so a label holding "." or a
 * non-UTF-8 octet decodes to a different name); both change which name a record belongs to.
 */

const BACKSLASH = 0x5c;

/**
 * Octets that are written escaped as `\X`: the dot and backslash (they would change the label
 * structure) and the characters with a meaning in master files, as BIND writes them. The same
 * rules as zonefile/escapes.ts `labelFromOctets`, so a name read from the wire and the same name
 * read from a zone file are the same string; this version works in place on the receive buffer
 * and can keep case, which question names need.
 */
const SPECIAL = new Set([0x22, 0x28, 0x29, 0x2e, 0x3b, 0x5c, 0x40, 0x24]);

/** Presentation text of one label's octets; `lower` folds ASCII letters (canonical form). */
export function labelText(buf: Uint8Array, start: number, length: number, lower: boolean): string {
  let text = '';
  for (let i = start; i < start + length; i++) {
    let c = buf[i] as number;
    if (c <= 0x20 || c >= 0x7f) {
      text += `\\${c < 10 ? '00' : c < 100 ? '0' : ''}${c}`;
      continue;
    }
    if (SPECIAL.has(c)) text += '\\';
    else if (lower && c >= 0x41 && c <= 0x5a) c += 0x20;
    text += String.fromCharCode(c);
  }
  return text;
}

/**
 * Wire octets of each label of a name in presentation form. A trailing dot is optional (names
 * are absolute here); "." and "" are the root, which has no labels.
 */
export function nameLabels(name: string): Uint8Array[] {
  if (name === '.' || name === '') return [];
  const labels: Uint8Array[] = [];
  let current: number[] = [];
  let total = 1;
  const finish = (atEnd: boolean): void => {
    if (current.length === 0) {
      if (atEnd) return;
      throw new WireError(`name ${JSON.stringify(name)} has an empty label`);
    }
    if (current.length > 63) throw new WireError(`name ${JSON.stringify(name)} has a label longer than 63 octets`);
    total += current.length + 1;
    labels.push(Uint8Array.from(current));
    current = [];
  };
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2e) {
      finish(false);
      continue;
    }
    if (c === BACKSLASH) {
      const digits = name.slice(i + 1, i + 4);
      if (/^\d{3}$/.test(digits)) {
        const value = Number(digits);
        if (value > 255) throw new WireError(`name ${JSON.stringify(name)} has escape \\${digits} above 255`);
        current.push(value);
        i += 3;
      } else if (i + 1 < name.length && name.charCodeAt(i + 1) < 0x80) {
        current.push(name.charCodeAt(i + 1));
        i += 1;
      } else throw new WireError(`name ${JSON.stringify(name)} has a backslash followed by neither three digits nor an ASCII character`);
      continue;
    }
    if (c < 0x80) current.push(c);
    else {
      // As in zone files (zonefile/escapes.ts), a non-ASCII character stands for its UTF-8 octets.
      const char = String.fromCodePoint(name.codePointAt(i) as number);
      for (const b of utf8.encode(char)) current.push(b);
      i += char.length - 1;
    }
  }
  finish(true);
  if (total > 255) throw new WireError(`name ${JSON.stringify(name)} is longer than 255 octets`);
  return labels;
}

const utf8 = new TextEncoder();

/**
 * A label as a map key for case-insensitive comparison: its length, then its octets with ASCII
 * letters folded. The length prefix keeps the label `a.b` apart from the two labels `a` and `b`.
 */
export function foldedKey(label: Uint8Array): string {
  let key = String.fromCharCode(label.length);
  for (const c of label) key += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  return key;
}
