/**
 * How well an object stands out in the RGB frame, beyond how many pixels it covers: a black
 * animal on a black road at night covers pixels but nobody could see it.
 *
 *   contrast   share (0..1) of the object's visible pixels whose colour differs from the
 *              median colour of its surround by at least DISTINCT_DELTA_E (CIE76 Delta E in
 *              CIELAB, D65). The surround is every pixel of the object's tight box grown by a
 *              margin (a quarter of its larger side, at least 4 px) that is not the object,
 *              other objects included (an object against a same-coloured car is hard to see).
 *   lightness  mean CIE L* (0 black .. 100 white) of the object's visible pixels: how much light
 *              it sends to the camera, which is what darkness takes away.
 *
 * Both are measured on the final RGB frame (post effects included), so they move with the
 * rasterizer's pixels; geometry labels (boxes, occlusion, truncation) do not.
 */
import type { Box2 } from '../types.js';

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
  return t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116;
}

/** CIELAB (D65) of an sRGB byte triple, written to out[0..2]. */
export function srgbToLab(r: number, g: number, b: number, out: Float64Array): void {
  const R = LINEAR[r], G = LINEAR[g], B = LINEAR[b];
  const fx = labF((0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047);
  const fy = labF(0.2126729 * R + 0.7151522 * G + 0.072175 * B);
  const fz = labF((0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883);
  out[0] = 116 * fy - 16;
  out[1] = 500 * (fx - fy);
  out[2] = 200 * (fy - fz);
}

/** Median of integer-binned values from a histogram whose bin i holds value i + offset. */
function histogramMedian(hist: Uint32Array, total: number, offset: number): number {
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (2 * seen >= total) return i + offset;
  }
  return hist.length - 1 + offset;
}

const _lab = new Float64Array(3);
const _histL = new Uint32Array(101);
const _histA = new Uint32Array(256);
const _histB = new Uint32Array(256);

/**
 * Contrast and lightness of object `trackId`.
 * @param rgb   RGBA bytes of the RGB frame, rows bottom-up (WebGL readPixels)
 * @param ids   RGBA bytes of the instance buffer, same layout (id = R + 256 G + 65536 B)
 * @param box   the object's tight box of visible pixels [px]
 * @returns null when the object has no visible pixel or nothing surrounds it
 */
export function objectContrast(rgb: Uint8Array, ids: Uint8Array, widthPx: number, heightPx: number, trackId: number, box: Box2): ObjectContrast | null {
  const margin = Math.max(4, Math.round(0.25 * Math.max(box[2] - box[0], box[3] - box[1])));
  const x1 = Math.max(0, box[0] - margin), x2 = Math.min(widthPx, box[2] + margin);
  const y1 = Math.max(0, box[1] - margin), y2 = Math.min(heightPx, box[3] + margin);
  _histL.fill(0);
  _histA.fill(0);
  _histB.fill(0);
  let surround = 0, inside = 0, lightnessSum = 0;
  const each = (visit: (i: number, isObject: boolean) => void): void => {
    for (let y = y1; y < y2; y++) {
      const row = (heightPx - 1 - y) * widthPx;
      for (let x = x1; x < x2; x++) {
        const i = (row + x) * 4;
        visit(i, ids[i] + (ids[i + 1] << 8) + (ids[i + 2] << 16) === trackId);
      }
    }
  };
  each((i, isObject) => {
    srgbToLab(rgb[i], rgb[i + 1], rgb[i + 2], _lab);
    if (isObject) {
      inside++;
      lightnessSum += _lab[0];
      return;
    }
    surround++;
    _histL[Math.min(100, Math.max(0, Math.round(_lab[0])))]++;
    _histA[Math.min(255, Math.max(0, Math.round(_lab[1]) + 128))]++;
    _histB[Math.min(255, Math.max(0, Math.round(_lab[2]) + 128))]++;
  });
  if (inside === 0 || surround === 0) return null;
  const mL = histogramMedian(_histL, surround, 0);
  const mA = histogramMedian(_histA, surround, -128);
  const mB = histogramMedian(_histB, surround, -128);
  let distinct = 0;
  const limit = DISTINCT_DELTA_E * DISTINCT_DELTA_E;
  each((i, isObject) => {
    if (!isObject) return;
    srgbToLab(rgb[i], rgb[i + 1], rgb[i + 2], _lab);
    const dL = _lab[0] - mL, dA = _lab[1] - mA, dB = _lab[2] - mB;
    if (dL * dL + dA * dA + dB * dB >= limit) distinct++;
  });
  return { contrast: distinct / inside, lightness: lightnessSum / inside };
}
