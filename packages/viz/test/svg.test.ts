import { describe, expect, it } from 'vitest';
import { el, escapeXml, num, svgDocument, svgText } from '../src/svg.ts';
import { parseXml, textOf } from './helpers/xml.ts';
import { fitText, textWidth } from '../src/text-width.ts';

describe('escapeXml', () => {
  it('escapes the five XML specials and nothing else', () => {
    expect(escapeXml(`a<b & "c" 'd'> →`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt; →');
  });
  it('round-trips through an XML reader', () => {
    const nasty = 'R&D <ops> "quoted" \'single\' </text><script>';
    const svg = svgDocument({ width: 10, height: 10, title: nasty, className: 'x' }, svgText(nasty, { 'data-label': nasty }));
    const root = parseXml(svg);
    const text = root.children.find((c) => c.tag === 'text');
    expect(textOf(text!)).toBe(nasty);
    expect(text!.attributes['data-label']).toBe(nasty);
    expect(textOf(root.children.find((c) => c.tag === 'title')!)).toBe(nasty);
  });
});

describe('el', () => {
  it('drops absent and false attributes, writes true ones as their own name, and rounds numbers', () => {
    expect(el('rect', { x: 1.23456, y: undefined, hidden: false, visible: true, fill: null })).toBe('<rect x="1.23" visible="visible"/>');
  });
  it('joins children without whitespace and self-closes empty elements', () => {
    expect(el('g', {}, el('a'), undefined, false, el('b'))).toBe('<g><a/><b/></g>');
  });
  it('never writes negative zero', () => {
    expect(num(-0.001)).toBe('0');
  });
});

describe('svgDocument', () => {
  it('is a namespaced, sized root with a viewBox and the shipped font', () => {
    const root = parseXml(svgDocument({ width: 960, height: 480, title: 't', className: 'chart' }));
    expect(root.tag).toBe('svg');
    expect(root.attributes).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      width: '960',
      height: '480',
      viewBox: '0 0 960 480',
      'font-family': 'DejaVu Sans',
    });
  });
});

describe('fitText', () => {
  it('keeps text that fits and shortens text that does not, with an ellipsis', () => {
    expect(fitText('short', 200, 12)).toBe('short');
    const long = 'a scenario name far too long for the space a chart subtitle has left on its line';
    const fitted = fitText(long, 200, 12);
    expect(fitted.endsWith('…')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(textWidth(fitted, 12)).toBeLessThanOrEqual(200);
  });
});
