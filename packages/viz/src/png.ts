import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from './svg.ts';

const require = createRequire(import.meta.url);

/**
 * The TTF files of the family the charts name, from the dejavu-fonts-ttf package. resvg draws no
 * text at all when no loaded font matches, so the font travels with the code rather than being
 * looked up on the host (whose fonts differ between a laptop and CI).
 */
export const FONT_FILES: readonly string[] = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);

export interface PngOptions {
  /** Pixels per SVG unit; 2 keeps text crisp on high-density screens and in printed tickets. */
  scale?: number;
}

/** Rasterises a chart's SVG to PNG bytes with the shipped font and no system fonts. */
export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { fontFiles: [...FONT_FILES], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}
