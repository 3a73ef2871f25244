/**
 * How well an object stands out in the RGB frame, beyond how many pixels it covers: a black
 * animal on a black road at night covers pixels but nobody could see it.
 *
 *   contrast   share (0..1) of the object's visible outline that stands out: for every
 *              object pixel next to a non-object pixel (4-neighbours), the colour one step
 *              inside is compared with the colour one step outside (skipping the edge pixel the
 *              antialiased RGB blends), and the sample counts when they differ by at least
 *              DISTINCT_DELTA_E (CIE76 Delta E in CIELAB, D65). Other objects count as outside
 *              (an object against a same-coloured car is hard to see). A silhouette is what
 *              makes a dark object visible, so the outline is measured, not the interior.
 *   lightness  mean CIE L* (0 black .. 100 white) of the object's visible pixels: how much light
 *              it sends to the camera, which is what darkness takes away.
 *
 * Both are measured on the final RGB frame (post effects included), so they move with the
 * rasterizer's pixels; geometry labels (boxes, occlusion, truncation) do not.
 */
import type { Box2 } from '../types.js';
import { ID_BITS, idWords } from './idStats.js';

/** Delta E from the surround at which a pixel counts as distinguishable (about 10 just-noticeable steps). */
export const DISTINCT_DELTA_E = 10;

export interface ObjectContrast {
  contrast: number;
  lightness: number;
}

// sRGB byte -> linear value.
const LINEAR = new Float64Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  LINEAR[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function labF(t: number): number {
  return t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116;
}

/** CIELAB (D65) of an sRGB byte triple, written to out[0..2]. */
export function srgbToLab(r: number, g: number, b: number, out: Float64Array): void {
  const R = LINEAR[r],
    G = LINEAR[g],
    B = LINEAR[b];
  const fx = labF((0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047);
  const fy = labF(0.2126729 * R + 0.7151522 * G + 0.072175 * B);
  const fz = labF((0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883);
  out[0] = 116 * fy - 16;
  out[1] = 500 * (fx - fy);
  out[2] = 200 * (fy - fz);
}

/** CIE L* of an sRGB byte triple: srgbToLab's first value, computed alone (it runs for every object pixel). */
function lightnessOf(r: number, g: number, b: number): number {
  return 116 * labF(0.2126729 * LINEAR[r] + 0.7151522 * LINEAR[g] + 0.072175 * LINEAR[b]) - 16;
}

const _inner = new Float64Array(3);
const _outer = new Float64Array(3);
const STEPS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];

/** What one object's scan adds up, row by row: pixels, sum of L*, outline samples, distinct samples. */
const _sums = new Float64Array(4);

/** The image and the object one scan looks at (rows bottom-up, as WebGL reads them back). */
interface Scan {
  rgb: Uint8Array;
  /** The instance buffer's ids, one word a pixel (idWords). */
  ids: Uint32Array;
  widthPx: number;
  heightPx: number;
  trackId: number;
}

/** Byte offset of image pixel (x, y) (y down) in the bottom-up buffers. */
const at = (s: Scan, x: number, y: number): number => ((s.heightPx - 1 - y) * s.widthPx + x) * 4;
const inImage = (s: Scan, x: number, y: number): boolean => x >= 0 && y >= 0 && x < s.widthPx && y < s.heightPx;
/** Whether the pixel at byte offset i holds the object (no bounds check: i must lie in the image). */
const objectAt = (s: Scan, i: number): boolean => (s.ids[i >> 2] & ID_BITS) === s.trackId;
const isObject = (s: Scan, x: number, y: number): boolean => inImage(s, x, y) && objectAt(s, at(s, x, y));

/**
 * Contrast and lightness of object `trackId`.
 * @param rgb   RGBA bytes of the RGB frame, rows bottom-up (WebGL readPixels)
 * @param ids   RGBA bytes of the instance buffer, same layout (id = R + 256 G + 65536 B)
 * @param box   the object's tight box of visible pixels [px]
 * @returns null when the object has no visible pixel or no outline (it fills the image)
 */
export function objectContrast(rgb: Uint8Array, ids: Uint8Array, widthPx: number, heightPx: number, trackId: number, box: Box2): ObjectContrast | null {
  const scan: Scan = { rgb, ids: idWords(ids), widthPx, heightPx, trackId };
  _sums.fill(0);
  // One call a row, not a loop nest: see contrastRow.
  for (let y = box[1]; y < box[3]; y++) contrastRow(scan, y, box[0], box[2], _sums);
  const [pixels, lightnessSum, samples, distinct] = _sums as unknown as [number, number, number, number];
  if (pixels === 0 || samples === 0) return null;
  return { contrast: distinct / samples, lightness: lightnessSum / pixels };
}

/**
 * Adds row y's object pixels from x0 to x1 (exclusive) to `sums`. A function called once a row:
 * a loop nest run a few times a frame is compiled while it runs and that code is thrown away at
 * every exit from its inner loop (V8 deoptimized it dozens of times a frame).
 */
function contrastRow(s: Scan, y: number, x0: number, x1: number, sums: Float64Array): void {
  const { rgb, widthPx, heightPx } = s;
  const row = widthPx * 4;
  const limit = DISTINCT_DELTA_E * DISTINCT_DELTA_E;
  for (let x = x0, i = at(s, x0, y); x < x1; x++, i += 4) {
    if (!objectAt(s, i)) continue;
    sums[0]++;
    sums[1] += lightnessOf(rgb[i], rgb[i + 1], rgb[i + 2]);
    // Inside the outline (all four neighbours are the object): no outline sample here.
    if (x > 0 && y > 0 && x < widthPx - 1 && y < heightPx - 1 && objectAt(s, i - 4) && objectAt(s, i + 4) && objectAt(s, i - row) && objectAt(s, i + row)) continue;
    // Indexed, not destructured: this runs for every outline pixel of every object.
    for (let k = 0; k < STEPS.length; k++) {
      const dx = STEPS[k][0],
        dy = STEPS[k][1];
      if (!inImage(s, x + dx, y + dy) || isObject(s, x + dx, y + dy)) continue;
      // An outline sample: a pixel just inside against one just outside, each a step away from
      // the edge where the antialiased RGB blends the two.
      const behind = isObject(s, x - dx, y - dy);
      const ix = behind ? x - dx : x,
        iy = behind ? y - dy : y;
      const far = inImage(s, x + 2 * dx, y + 2 * dy) && !isObject(s, x + 2 * dx, y + 2 * dy);
      const ox = far ? x + 2 * dx : x + dx,
        oy = far ? y + 2 * dy : y + dy;
      const a = at(s, ix, iy),
        b = at(s, ox, oy);
      srgbToLab(rgb[a], rgb[a + 1], rgb[a + 2], _inner);
      srgbToLab(rgb[b], rgb[b + 1], rgb[b + 2], _outer);
      const dL = _inner[0] - _outer[0],
        dA = _inner[1] - _outer[1],
        dB = _inner[2] - _outer[2];
      sums[2]++;
      if (dL * dL + dA * dA + dB * dB >= limit) sums[3]++;
    }
  }
}
