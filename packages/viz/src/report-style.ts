import { FONT_FAMILY } from './svg.ts';

/** The report's stylesheet: readable on screen, and on paper one chart per block with no hover furniture. */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 24px 32px 48px; max-width: 1040px;
  font-family: "${FONT_FAMILY}", "DejaVu Sans", Verdana, sans-serif; font-size: 14px; line-height: 1.45;
  color: #1a1a1a; background: #ffffff;
}
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #dddddd; padding-bottom: 4px; }
.description { color: #4d4d4d; margin: 0 0 16px; max-width: 80ch; }
.tables { display: flex; flex-wrap: wrap; gap: 16px 40px; align-items: flex-start; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding-bottom: 4px; white-space: nowrap; }
.summary { font-size: 15px; margin: 0 0 20px; padding: 8px 12px; background: #f2f7fb; border-left: 4px solid #0072B2; max-width: 80ch; }
th, td { text-align: left; padding: 3px 14px 3px 0; border-bottom: 1px solid #eeeeee; vertical-align: top; }
th { font-weight: normal; color: #4d4d4d; }
td.number { text-align: right; }
figure { margin: 24px 0; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: #4d4d4d; font-size: 13px; margin-top: 4px; }
.readout {
  min-height: 1.6em; margin: 0 0 4px; padding: 2px 8px; border-left: 3px solid #cccccc;
  color: #4d4d4d; font-variant-numeric: tabular-nums;
}
.readout.active { border-left-color: #0072B2; color: #1a1a1a; }
footer { margin-top: 40px; color: #777777; font-size: 12px; }
@media print {
  @page { margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .readout { display: none; }
  figure, table { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  svg .hover, svg .hover-target { display: none; }
}
`;
