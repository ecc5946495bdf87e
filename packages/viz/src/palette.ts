/**
 * The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008): eight colours that stay
 * distinguishable under the common forms of colour-vision deficiency. Each series keeps its
 * colour in every chart, so a reader learns it once.
 */
export const okabeIto = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const seriesColour = {
  new: okabeIto.blue,
  old: okabeIto.orange,
  failed: okabeIto.vermillion,
  stale: okabeIto.reddishPurple,
  ruleOfThumb: okabeIto.black,
  linear: okabeIto.bluishGreen,
  milestone: '#555555',
} as const;

/** Colours for an open-ended list (providers, profiles), in an order whose neighbours contrast. */
export const categoricalColours: readonly string[] = [
  okabeIto.blue,
  okabeIto.orange,
  okabeIto.bluishGreen,
  okabeIto.reddishPurple,
  okabeIto.skyBlue,
  okabeIto.vermillion,
  okabeIto.black,
  okabeIto.yellow,
];

export function categoricalColour(index: number): string {
  return categoricalColours[index % categoricalColours.length] as string;
}

/** Chart furniture: axes, grid, secondary text. */
export const ink = {
  text: '#1a1a1a',
  secondaryText: '#4d4d4d',
  axis: '#333333',
  grid: '#e3e3e3',
} as const;
