/**
 * Reads the instance pass. Encoding (shared with the renderer): each pixel's RGB holds the
 * object's trackId as id = r + 256*g + 65536*b; 0 is background. Alpha, if present, is ignored.
 */
import { decode } from 'fast-png';

export interface InstanceMask {
  widthPx: number;
  heightPx: number;
  /** Track id per pixel, row-major, top row first. */
  ids: Uint32Array;
}

/** Track id stored in one instance-pass pixel. */
export function trackIdFromRgb(r: number, g: number, b: number): number {
  return r + 256 * g + 65536 * b;
}

/** Inverse of trackIdFromRgb (for writing instance images, e.g. in tests). */
export function rgbFromTrackId(id: number): [number, number, number] {
  return [id & 0xff, (id >> 8) & 0xff, (id >> 16) & 0xff];
}

/** Decodes an 8-bit RGB or RGBA instance PNG into per-pixel track ids. */
export function decodeInstanceMask(png: Uint8Array): InstanceMask {
  const img = decode(png);
  if (img.depth !== 8 || (img.channels !== 3 && img.channels !== 4) || img.palette) {
    throw new Error(`instance pass: expected an 8-bit RGB or RGBA PNG, got depth ${img.depth}, ${img.channels} channels` + (img.palette ? ' (indexed)' : ''));
  }
  const n = img.width * img.height;
  const ids = new Uint32Array(n);
  const c = img.channels;
  const d = img.data;
  for (let i = 0, p = 0; i < n; i++, p += c) ids[i] = trackIdFromRgb(d[p], d[p + 1], d[p + 2]);
  return { widthPx: img.width, heightPx: img.height, ids };
}

/** Pixel extent of one id in a mask: x2, y2 exclusive [px]. */
export interface MaskExtent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  pixels: number;
}

/** Extent and pixel count of every non-zero id, in one pass over the mask. */
export function maskExtents(mask: InstanceMask): Map<number, MaskExtent> {
  const out = new Map<number, MaskExtent>();
  const { widthPx: w, heightPx: h, ids } = mask;
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i++) {
      const id = ids[i];
      if (id === 0) continue;
      const e = out.get(id);
      if (e === undefined) {
        out.set(id, { x1: x, y1: y, x2: x + 1, y2: y + 1, pixels: 1 });
      } else {
        if (x < e.x1) e.x1 = x;
        if (x + 1 > e.x2) e.x2 = x + 1;
        e.y2 = y + 1;
        e.pixels += 1;
      }
    }
  }
  return out;
}
