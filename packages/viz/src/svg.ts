/**
 * A small SVG string builder. Every chart is a string, so the one thing this file must get right
 * is escaping: scenario names, provider names and labels come from user files and end up inside
 * text nodes and attribute values.
 */

export type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Record<string, AttributeValue>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in XML character data and in double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/**
 * Numbers in coordinates are rounded to 2 decimals: enough for a 2× raster, and it keeps the
 * snapshots stable across harmless floating-point differences.
 */
export function num(x: number): string {
  const rounded = Math.round(x * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function formatAttributes(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (value === true) out += ` ${name}="${name}"`;
    else out += ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`;
  }
  return out;
}

/**
 * An element whose children are already-built markup (strings from `el`, `text` or `svgText`).
 * Children are joined without whitespace, so text layout never picks up stray spaces.
 */
export function el(tag: string, attributes: Attributes = {}, ...children: (string | false | null | undefined)[]): string {
  const inner = children.filter((c): c is string => typeof c === 'string').join('');
  return inner === '' ? `<${tag}${formatAttributes(attributes)}/>` : `<${tag}${formatAttributes(attributes)}>${inner}</${tag}>`;
}

/** A `<text>` element holding escaped character data. */
export function svgText(content: string, attributes: Attributes = {}): string {
  return `<text${formatAttributes(attributes)}>${escapeXml(content)}</text>`;
}

/** The font every chart names; png.ts ships the same family's TTF files to resvg. */
export const FONT_FAMILY = 'DejaVu Sans';

export interface SvgDocumentOptions {
  width: number;
  height: number;
  /** Read by screen readers and shown as a tooltip; also the chart's accessible name. */
  title: string;
  /** A class on the root element, so the report's CSS and script can find a chart. */
  className: string;
}

/** The root `<svg>`: namespaced, sized, with a viewBox so it scales, and naming the shipped font. */
export function svgDocument(options: SvgDocumentOptions, ...body: string[]): string {
  const { width, height } = options;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      'font-family': FONT_FAMILY,
      'font-size': 12,
      role: 'img',
      class: options.className,
    },
    el('title', {}, escapeXml(options.title)),
    el('rect', { width, height, fill: '#ffffff' }),
    ...body,
  );
}
