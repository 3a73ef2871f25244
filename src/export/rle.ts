/**
 * COCO run-length encoding, as pycocotools (maskApi.c) defines it: the mask is read in
 * column-major order (down each column, then the next column), counts alternate runs of 0 and 1
 * starting with 0, and the compressed string is maskApi's rleToString (LEB128-like, 5 bits per
 * char, ascii 48..111, counts after the second stored as deltas).
 */
import type { InstanceMask, MaskExtent } from './instanceMask.js';

/** COCO compressed RLE, as in annotation "segmentation". size is [height, width]. */
export interface CocoRle {
  size: [number, number];
  counts: string;
}

/**
 * Uncompressed RLE counts of the pixels equal to `id`. `extent` bounds those pixels, so the
 * scan skips the rest of the image (the zeros outside it are added arithmetically).
 */
export function maskRleCounts(mask: InstanceMask, id: number, extent: MaskExtent): number[] {
  const { widthPx: w, heightPx: h, ids } = mask;
  const counts: number[] = [];
  let value = 0;
  let run = 0;
  let next = 0; // column-major index of the next pixel not yet counted
  for (let x = extent.x1; x < extent.x2; x++) {
    const start = x * h + extent.y1;
    if (start > next) {
      // Pixels before this column's extent are zeros.
      if (value === 0) run += start - next;
      else {
        counts.push(run);
        value = 0;
        run = start - next;
      }
    }
    for (let y = extent.y1; y < extent.y2; y++) {
      const v = ids[y * w + x] === id ? 1 : 0;
      if (v === value) run += 1;
      else {
        counts.push(run);
        value = v;
        run = 1;
      }
    }
    next = x * h + extent.y2;
  }
  const rest = w * h - next;
  if (value === 0) run += rest;
  else if (rest > 0) {
    counts.push(run);
    run = rest;
  }
  counts.push(run);
  return counts;
}

/** pycocotools rleToString. */
export function rleCountsToString(counts: readonly number[]): string {
  let s = '';
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i];
    if (i > 2) x -= counts[i - 2]; // maskApi.c uses i>2, not i>=2; kept for compatibility
    let more = true;
    while (more) {
      let c = x & 0x1f;
      x >>= 5;
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      s += String.fromCharCode(c + 48);
    }
  }
  return s;
}

/** pycocotools rleFrString. */
export function rleStringToCounts(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      const c = s.charCodeAt(p) - 48;
      x |= (c & 0x1f) << (5 * k);
      more = (c & 0x20) !== 0;
      p += 1;
      k += 1;
      if (!more && c & 0x10) x |= -1 << (5 * k);
    }
    if (counts.length > 2) x += counts[counts.length - 2];
    counts.push(x);
  }
  return counts;
}

/** Compressed COCO RLE of the pixels equal to `id`. */
export function encodeMaskRle(mask: InstanceMask, id: number, extent: MaskExtent): CocoRle {
  return { size: [mask.heightPx, mask.widthPx], counts: rleCountsToString(maskRleCounts(mask, id, extent)) };
}

/** Decodes a COCO RLE to a row-major 0/1 mask (height x width). */
export function decodeRle(rle: CocoRle): Uint8Array {
  const [h, w] = rle.size;
  const out = new Uint8Array(h * w);
  let pos = 0;
  let value = 0;
  for (const n of rleStringToCounts(rle.counts)) {
    if (value === 1) {
      for (let j = pos; j < pos + n; j++) out[(j % h) * w + Math.floor(j / h)] = 1;
    }
    pos += n;
    value ^= 1;
  }
  if (pos !== h * w) throw new Error(`RLE counts sum to ${pos}, expected ${h * w}`);
  return out;
}

/** Number of 1 pixels of a COCO RLE (its area), from the counts alone. */
export function rleArea(rle: CocoRle): number {
  let area = 0;
  const counts = rleStringToCounts(rle.counts);
  for (let i = 1; i < counts.length; i += 2) area += counts[i];
  return area;
}
