/**
 * Colours between Gloss and REFI-QDA. A REFI-QDA code has a colour as
 * #RRGGBB; Gloss has seven named highlight colours. Gloss writes each colour
 * as the swatch the reader sees (the reading view's highlight colours), and
 * reads any other colour as the Gloss colour nearest in hue; greys, black and
 * white have no nearest colour.
 */
import type { HighlightColor } from '../../../shared/model';

/** The hex value written for each Gloss colour: the reading view's highlight swatches (src/renderer/src/styles.css). */
export const REFI_COLOR_HEX: Readonly<Record<HighlightColor, string>> = {
  yellow: '#FDE68A',
  green: '#BBF7D0',
  blue: '#BFDBFE',
  pink: '#FBCFE8',
  purple: '#DDD6FE',
  orange: '#FDC48C',
  red: '#FCA5A5',
};

/** Hue (degrees) each Gloss colour stands for when reading another tool's colours. */
const HUES: readonly [HighlightColor, number][] = [
  ['red', 0],
  ['orange', 30],
  ['yellow', 52],
  ['green', 130],
  ['blue', 212],
  ['purple', 265],
  ['pink', 322],
];

/** Colours less saturated than this are greys: they have no nearest Gloss colour. */
const MIN_SATURATION = 0.12;

/** The Gloss colour nearest in hue to a REFI-QDA colour (`#RGB` or `#RRGGBB`); null for a grey or for something that is not a colour. */
export function glossColorOf(hex: string | null | undefined): HighlightColor | null {
  const match = /^\s*#?([0-9a-f]{3}|[0-9a-f]{6})\s*$/i.exec(hex ?? '');
  if (!match) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * lightness - 1));
  if (saturation < MIN_SATURATION || chroma < 0.06) return null;
  let hue: number;
  if (max === r) hue = (((g - b) / chroma) % 6) * 60;
  else if (max === g) hue = ((b - r) / chroma + 2) * 60;
  else hue = ((r - g) / chroma + 4) * 60;
  if (hue < 0) hue += 360;
  let best: HighlightColor = 'yellow';
  let bestDistance = Infinity;
  for (const [color, at] of HUES) {
    const d = Math.min(Math.abs(hue - at), 360 - Math.abs(hue - at));
    if (d < bestDistance) {
      bestDistance = d;
      best = color;
    }
  }
  return best;
}
