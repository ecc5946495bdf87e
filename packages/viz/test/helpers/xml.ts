/**
 * A minimal XML reader for the charts' own output (elements, attributes, text; no DTDs, comments
 * or CDATA, which the builder never writes). It throws on mismatched tags, so parsing a chart is
 * also a well-formedness check.
 */
export interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Decoded character data directly inside this element. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { tag: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (const match of source.matchAll(token)) {
    if (match.index !== consumed) throw new Error(`unexpected markup at ${consumed}: ${source.slice(consumed, consumed + 40)}`);
    consumed += match[0].length;
    const [, closing, tag, attributeText, selfClosing, text] = match;
    const top = stack[stack.length - 1] as XmlElement;
    if (text !== undefined) {
      top.text += decode(text);
    } else if (closing) {
      if (top.tag !== tag) throw new Error(`</${tag}> closes <${top.tag}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, name, value] of (attributeText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[name as string] = decode(value as string);
      const element: XmlElement = { tag: tag as string, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (consumed !== source.length) throw new Error(`unparsed input at ${consumed}`);
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.tag}>`);
  const [only] = root.children;
  if (only === undefined || root.children.length !== 1) throw new Error('expected one root element');
  return only;
}

/** Every element below `node` (depth first, document order) that matches. */
export function findAll(node: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const child of e.children) {
      if (match(child)) out.push(child);
      visit(child);
    }
  };
  visit(node);
  return out;
}

export function hasClass(e: XmlElement, name: string): boolean {
  return (e.attributes.class ?? '').split(/\s+/).includes(name);
}

export function byClass(node: XmlElement, name: string): XmlElement[] {
  return findAll(node, (e) => hasClass(e, name));
}

export function oneByClass(node: XmlElement, name: string): XmlElement {
  const found = byClass(node, name);
  if (found.length !== 1) throw new Error(`expected one .${name}, found ${found.length}`);
  return found[0] as XmlElement;
}

/** All text under an element, concatenated. */
export function textOf(e: XmlElement): string {
  return e.text + e.children.map(textOf).join('');
}

/** The points of a path made of M and L commands only, as d3's line and area write them. */
export function pathPoints(d: string): [number, number][] {
  if (!/^M[-\d.e,L]+Z?$/.test(d)) throw new Error(`not a polyline path: ${d.slice(0, 60)}`);
  return d
    .replace(/Z$/, '')
    .slice(1)
    .split('L')
    .map((pair) => {
      const [x, y] = pair.split(',').map(Number);
      return [x as number, y as number];
    });
}
