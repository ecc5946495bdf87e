/**
 * RFC 1035 §5.1 presentation-format escapes: `\X` stands for the character X and `\DDD` for the
 * octet with decimal value DDD. Labels and character-strings are octets, not text; this module is
 * where presentation text and octets meet.
 *
 * Octet strings that are not names (TXT strings, CAA values) are held as "binary strings": one
 * UTF-16 code unit per octet, each 0–255, so any octets survive and `.length` is the length on
 * the wire. A non-ASCII character typed into a zone file stands for its UTF-8 octets.
 */

/** An escape that does not decode: a lone trailing backslash or `\DDD` above 255. */
export class EscapeError extends Error {
  override name = 'EscapeError';
}

const utf8 = new TextEncoder();

/** Octets denoted by presentation text (quotes already removed). */
export function unescapeOctets(text: string): Uint8Array {
  const out: number[] = [];
  let plainStart = 0;
  const flushPlain = (end: number): void => {
    if (end > plainStart) for (const b of utf8.encode(text.slice(plainStart, end))) out.push(b);
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') continue;
    flushPlain(i);
    const next = text[i + 1];
    if (next === undefined) throw new EscapeError('a backslash must be followed by a character or three digits');
    if (next >= '0' && next <= '9') {
      const digits = text.slice(i + 1, i + 4);
      if (!/^\d{3}$/.test(digits)) throw new EscapeError(`"\\${digits}" is not a \\DDD escape: it needs exactly three digits`);
      const value = Number(digits);
      if (value > 255) throw new EscapeError(`"\\${digits}" is not an octet: \\DDD must be 255 or less`);
      out.push(value);
      i += 3;
    } else {
      const codePoint = text.codePointAt(i + 1) as number;
      const char = String.fromCodePoint(codePoint);
      for (const b of utf8.encode(char)) out.push(b);
      i += char.length;
    }
    plainStart = i + 1;
  }
  flushPlain(text.length);
  return Uint8Array.from(out);
}

export function octetsToBinaryString(octets: Uint8Array): string {
  let s = '';
  for (const b of octets) s += String.fromCharCode(b);
  return s;
}

export function binaryStringToOctets(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const isPrintable = (b: number): boolean => b > 0x20 && b < 0x7f;

/**
 * One label in canonical presentation form: letters lower-cased (names compare without case),
 * the characters that mean something in a zone file escaped as `\X` (as BIND prints them, so a
 * label can never be read back as `@`, a directive, a comment or a parenthesis), and everything
 * else that is not printable ASCII, space included, as `\DDD`.
 */
export function labelFromOctets(octets: Uint8Array): string {
  let s = '';
  for (const b of octets) {
    if (b >= 0x41 && b <= 0x5a) s += String.fromCharCode(b + 0x20);
    else if (!isPrintable(b)) s += `\\${String(b).padStart(3, '0')}`;
    else {
      const c = String.fromCharCode(b);
      s += '.\\"();@$'.includes(c) ? `\\${c}` : c;
    }
  }
  return s;
}

/** The octets of a label written in presentation form (the inverse of `labelFromOctets`). */
export function labelOctets(label: string): Uint8Array {
  return unescapeOctets(label);
}

/** Labels of a presentation-format name, split at unescaped dots; a trailing dot yields no empty label. */
export function splitPresentationLabels(text: string): { labels: string[]; absolute: boolean } {
  const labels: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '.') {
      labels.push(text.slice(start, i));
      start = i + 1;
    }
  }
  const absolute = start === text.length && text.length > 0;
  if (!absolute) labels.push(text.slice(start));
  return { labels, absolute };
}

/**
 * A character-string (RFC 1035 §3.3) in presentation form: always quoted, with `"` and `\`
 * escaped and octets outside printable ASCII written `\DDD`; space stays literal inside quotes.
 */
export function formatCharacterString(binary: string): string {
  let s = '"';
  for (let i = 0; i < binary.length; i++) {
    const b = binary.charCodeAt(i);
    if (b === 0x22 || b === 0x5c) s += `\\${binary[i]}`;
    else if (b >= 0x20 && b < 0x7f) s += binary[i];
    else s += `\\${String(b).padStart(3, '0')}`;
  }
  return `${s}"`;
}

/** Octets of a character-string token as written: quoted (`"a b"`) or a bare word. */
export function characterStringOctets(token: string): Uint8Array {
  const quoted = token.length >= 2 && token.startsWith('"') && token.endsWith('"');
  return unescapeOctets(quoted ? token.slice(1, -1) : token);
}
