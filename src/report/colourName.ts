import { Color } from 'three';

/**
 * Names a colour family for a scenario colour, a CSS name or #rrggbb ("#1f4e9c" -> "blue",
 * "navy" -> "blue"), so clothing colours can be
 * counted in groups a person can read. Families follow hue on the HSL wheel; dark, light and
 * unsaturated colours are black, white and grey, and dull dark reds and oranges are brown.
 */

export const COLOUR_FAMILIES: Readonly<Record<string, string>> = {
  black: '#111111',
  grey: '#8a8a8a',
  white: '#f4f4f4',
  brown: '#7a4a22',
  red: '#d62728',
  orange: '#ff7f0e',
  yellow: '#e8c21a',
  green: '#2ca02c',
  cyan: '#17becf',
  blue: '#1f5fbf',
  purple: '#7b3fb0',
  pink: '#e377c2',
};

/** The colour as 0xrrggbb, or null for a value that is neither #rrggbb nor a CSS colour name. */
function rgbOf(value: string): number | null {
  const key = value.trim().toLowerCase();
  const m = /^#([0-9a-f]{6})$/.exec(key);
  if (m) return parseInt(m[1], 16);
  return (Color.NAMES as Record<string, number>)[key] ?? null;
}

export function colourName(value: string): string {
  const v = rgbOf(value);
  if (v === null) return 'other';
  const r = ((v >> 16) & 255) / 255;
  const g = ((v >> 8) & 255) / 255;
  const b = (v & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  if (l < 0.15) return 'black';
  if (s < 0.15) return l > 0.85 ? 'white' : 'grey';
  if (l > 0.92) return 'white';
  let h = 0;
  if (max === r) h = ((g - b) / d + 6) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  h *= 60;
  // Dull dark reds and oranges (CSS brown is #a52a2a) read as brown.
  if ((h < 45 || h >= 345) && l < 0.45 && s < 0.7) return 'brown';
  if (h < 15 || h >= 345) return 'red';
  if (h < 45) return l < 0.4 ? 'brown' : 'orange';
  if (h < 70) return 'yellow';
  if (h < 165) return 'green';
  if (h < 200) return 'cyan';
  if (h < 260) return 'blue';
  if (h < 290) return 'purple';
  return 'pink';
}
