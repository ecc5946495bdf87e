import { describe, expect, it } from 'vitest';
import { svgToPng } from '../src/png.ts';
import { CHARTS } from '../src/charts/index.ts';
import { adoptionChart } from '../src/charts/adoption.ts';
import { fixtureResult } from './fixtures/result.ts';
import { countDarkPixels, decodePng } from './helpers/png.ts';
import { parseXml } from './helpers/xml.ts';

const result = fixtureResult();
const TITLE_REGION = { x0: 10, y0: 8, x1: 500, y1: 34 };

describe('svgToPng', () => {
  it('renders every chart at twice its SVG size by default', () => {
    for (const chart of CHARTS) {
      const svg = chart.render(result);
      const { width, height } = parseXml(svg).attributes;
      const image = decodePng(svgToPng(svg));
      expect([image.width, image.height]).toEqual([Number(width) * 2, Number(height) * 2]);
    }
  });

  it('draws the title text with the shipped font', () => {
    const image = decodePng(svgToPng(adoptionChart(result), { scale: 1 }));
    expect([image.width, image.height]).toEqual([960, 480]);
    // A bold 18 px line of ~45 characters covers well over a thousand dark pixels.
    expect(countDarkPixels(image, TITLE_REGION)).toBeGreaterThan(1000);
  });

  it('leaves the title region white when the title text is removed, so the dark pixels are text', () => {
    const svg = adoptionChart(result).replace(/<text class="title"[^>]*>[^<]*<\/text>/, '');
    const image = decodePng(svgToPng(svg, { scale: 1 }));
    expect(countDarkPixels(image, TITLE_REGION)).toBe(0);
  });
});
