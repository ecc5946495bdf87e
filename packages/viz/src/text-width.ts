/**
 * Estimated advance width of a string in DejaVu Sans, for laying out labels without a DOM.
 * The classes approximate the font's advance widths (em units from its hmtx table, rounded up),
 * so an estimate errs on the wide side and labels placed with it do not collide.
 */
const NARROW = new Set([...' ilj.,:;\'|!()[]ft']);
const WIDE = new Set([...'mwMW%']);

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) {
    if (NARROW.has(c)) em += 0.36;
    else if (WIDE.has(c)) em += 0.98;
    else if (c >= 'A' && c <= 'Z') em += 0.74;
    else em += 0.64;
  }
  return em * fontSize;
}

/** `text` shortened with an ellipsis so that it fits `maxWidth` at `fontSize`. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
