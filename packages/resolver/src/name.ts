/**
 * Domain names in canonical presentation form: lower case, absolute, ending in a dot; the root
 * is ".". Names compare case-insensitively (RFC 1035 §2.3.3, RFC 4343), so the canonical form is
 * what every map in the package is keyed by. A backslash escape (`\.`, `\065`) stays inside its
 * label; splitting respects it.
 */
import { InputError } from './errors.ts';

export type Name = string;

export const ROOT: Name = '.';

/** Thrown for a name that cannot be a domain name (empty label, label over 63 or name over 255 octets). */
export class NameError extends InputError {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`bad domain name ${JSON.stringify(input)}: ${reason}`);
    this.name = 'NameError';
  }
}

/**
 * Canonical form of a name written in presentation format. A relative name (no trailing dot) is
 * completed with `origin` when one is given, else taken as absolute.
 */
export function canonicalName(input: string, origin?: Name): Name {
  if (input === '.' || input === '') {
    if (input === '' && origin === undefined) throw new NameError(input, 'empty name');
    return input === '.' ? ROOT : (origin as Name);
  }
  if (input === '@' && origin !== undefined) return origin;
  if (isPlainCanonical(input)) return input;
  let text = lowerAscii(input);
  const absolute = endsWithUnescapedDot(text);
  if (!absolute) text = origin === undefined || origin === ROOT ? `${text}.` : `${text}.${origin}`;
  validate(input, text);
  return text;
}

/**
 * True for a name that is canonical already and valid, with no escapes: every name the resolver
 * and the simulation pass around once read. One scan with no allocation, where the general path
 * lower-cases, splits and measures each label; a name it declines takes the general path.
 */
function isPlainCanonical(s: string): boolean {
  const n = s.length;
  // Wire length is one octet per character plus the root's: at most 255.
  if (n > 254 || s.charCodeAt(n - 1) !== 0x2e) return false;
  let labelStart = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) {
      const len = i - labelStart;
      if (len === 0 || len > 63) return false;
      labelStart = i + 1;
    } else if (c === 0x5c || (c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}

/** Lower-cases ASCII letters only: DNS case folding never touches other octets. */
function lowerAscii(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

function endsWithUnescapedDot(s: string): boolean {
  if (!s.endsWith('.')) return false;
  let backslashes = 0;
  for (let i = s.length - 2; i >= 0 && s[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

function validate(input: string, name: Name): void {
  const labels = splitLabels(name);
  let wire = 1;
  for (const label of labels) {
    const len = labelWireLength(label);
    if (len === 0) throw new NameError(input, 'empty label');
    if (len > 63) throw new NameError(input, `label "${label}" is longer than 63 octets`);
    wire += len + 1;
  }
  if (wire > 255) throw new NameError(input, 'name is longer than 255 octets');
}

/** Octets a presentation-format label takes on the wire (`\DDD` and `\X` count as one). */
export function labelWireLength(label: string): number {
  let n = 0;
  for (let i = 0; i < label.length; i++, n++) {
    if (label[i] === '\\') i += /^\d{3}$/.test(label.slice(i + 1, i + 4)) ? 3 : 1;
  }
  return n;
}

/** Labels from the leftmost; the root has none. */
export function splitLabels(name: Name): string[] {
  if (name === ROOT) return [];
  const labels: string[] = [];
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '\\') i++;
    else if (c === '.') {
      labels.push(name.slice(start, i));
      start = i + 1;
    }
  }
  if (start < name.length) labels.push(name.slice(start));
  return labels;
}

export function labelCount(name: Name): number {
  if (name === ROOT) return 0;
  // Counts the separating dots without splitting (this runs for every minimised query).
  let count = 0;
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x2e) {
      count++;
      start = i + 1;
    }
  }
  return start < name.length ? count + 1 : count;
}

/**
 * Parents already worked out. A resolver walks up the same few names all the time (finding a
 * cut, an authority finding its zone); handing back the same parent string each time spares the
 * copy and lets every map keyed by names reuse the string's hash. Bounded: a server asked
 * millions of different names just starts over.
 */
const parents = new Map<Name, Name>();
const PARENT_MEMO_SIZE = 4096;

/** The name one label up; the root's parent is undefined. */
export function parentName(name: Name): Name | undefined {
  if (name === ROOT) return undefined;
  const known = parents.get(name);
  if (known !== undefined) return known;
  const parent = computeParent(name);
  if (parents.size >= PARENT_MEMO_SIZE) parents.clear();
  parents.set(name, parent);
  return parent;
}

function computeParent(name: Name): Name {
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '\\') i++;
    else if (c === '.') return i === name.length - 1 ? ROOT : name.slice(i + 1);
  }
  return ROOT;
}

/** The name itself, then each ancestor up to and including the root. */
export function* selfAndAncestors(name: Name): Generator<Name> {
  let n: Name | undefined = name;
  while (n !== undefined) {
    yield n;
    n = parentName(n);
  }
}

/**
 * True when `name` is `zone` or lies below it: the in-bailiwick test used for scrubbing and for
 * deciding whether glue is needed.
 */
export function isSubdomain(name: Name, zone: Name): boolean {
  if (zone === ROOT || name === zone) return true;
  if (!name.endsWith(zone) || name.length <= zone.length) return false;
  const cut = name.length - zone.length - 1;
  if (name[cut] !== '.') return false;
  let backslashes = 0;
  for (let i = cut - 1; i >= 0 && name[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The name with one more label on the left. */
export function childName(label: string, parent: Name): Name {
  return parent === ROOT ? `${lowerAscii(label)}.` : `${lowerAscii(label)}.${parent}`;
}

/**
 * The ancestor of `name` that has one more label than `zone` (the next name down from `zone`
 * toward `name`); used by QNAME minimisation and by walking down from a zone cut.
 */
export function nextLabelBelow(name: Name, zone: Name): Name {
  const labels = splitLabels(name);
  const keep = labelCount(zone) + 1;
  return labels.slice(labels.length - keep).join('.') + '.';
}

/** Presentation form without the trailing dot, as dns-packet and most logs want it ("." stays). */
export function withoutTrailingDot(name: Name): string {
  return name === ROOT ? '.' : name.slice(0, -1);
}
