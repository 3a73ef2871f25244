/**
 * PNG encoding inside the page, so only compressed bytes cross to Node.
 *   rgb       8-bit RGB, read back from the canvas
 *   instance  8-bit RGB, id = R + 256 G + 65536 B (COCO panoptic convention), 0 = background
 *   semantic  8-bit grey, SEMANTIC_CLASSES index + 1, 0 = unlabeled / sky
 *   depth     16-bit grey, metres x 256 (KITTI depth), 0 = no depth (sky); depths beyond
 *             MAX_DEPTH_M saturate at 65535 (docs/formats.md)
 * Readbacks come bottom-up; PNG rows go top-down. Each encoder copies what it needs before
 * returning, so the caller may reuse its readback buffer while the PNG compresses.
 */
import { writePng } from './pngWriter.js';

/** Largest depth a 16-bit KITTI depth PNG can hold [m]. */
export const MAX_DEPTH_M = 65535 / 256;

/** 8-bit RGB PNG of an RGBA readback (the instance pass, or the RGB frame read from the canvas). */
export function encodeRgb(rgbaBottomUp: Uint8Array, widthPx: number, heightPx: number): Promise<Uint8Array> {
  const rgb = new Uint8Array(widthPx * heightPx * 3);
  for (let y = 0; y < heightPx; y++) {
    let src = (heightPx - 1 - y) * widthPx * 4;
    let dst = y * widthPx * 3;
    for (let x = 0; x < widthPx; x++, src += 4, dst += 3) {
      rgb[dst] = rgbaBottomUp[src];
      rgb[dst + 1] = rgbaBottomUp[src + 1];
      rgb[dst + 2] = rgbaBottomUp[src + 2];
    }
  }
  return writePng({ widthPx, heightPx, data: rgb, channels: 3, bitDepth: 8 });
}

/** The red channel of a bottom-up RGBA readback as top-down rows, into `out` (widthPx x heightPx values). */
function redTopDown<T extends Uint8Array | Float32Array>(rgbaBottomUp: T, widthPx: number, heightPx: number, out: T): T {
  for (let y = 0; y < heightPx; y++) {
    let src = (heightPx - 1 - y) * widthPx * 4;
    let dst = y * widthPx;
    for (let x = 0; x < widthPx; x++, src += 4, dst++) out[dst] = rgbaBottomUp[src];
  }
  return out;
}

export function encodeSemantic(rgbaBottomUp: Uint8Array, widthPx: number, heightPx: number): Promise<Uint8Array> {
  const grey = redTopDown(rgbaBottomUp, widthPx, heightPx, new Uint8Array(widthPx * heightPx));
  return writePng({ widthPx, heightPx, data: grey, channels: 1, bitDepth: 8 });
}

/** Depths of the frame being encoded [m], top-down; reused, since encodeDepth is done with it when it returns. */
let _depthM = new Float32Array(0);

/** @param depthBottomUp RGBA floats, red = linear depth [m], 0 where nothing was drawn */
export function encodeDepth(depthBottomUp: Float32Array, widthPx: number, heightPx: number): Promise<Uint8Array> {
  if (_depthM.length !== widthPx * heightPx) _depthM = new Float32Array(widthPx * heightPx);
  const depthM = redTopDown(depthBottomUp, widthPx, heightPx, _depthM);
  const out = new Uint16Array(widthPx * heightPx);
  for (let i = 0; i < out.length; i++) {
    const m = depthM[i];
    // Round to the nearest 1/256 m; a surface closer than 1/512 m would read as "no depth", so keep it at 1.
    out[i] = m > 0 ? Math.min(65535, Math.max(1, Math.round(m * 256))) : 0;
  }
  return writePng({ widthPx, heightPx, data: out, channels: 1, bitDepth: 16 });
}

/** Base64 of bytes, in chunks (String.fromCharCode has an argument limit). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
