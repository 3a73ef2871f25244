/**
 * Per-id pixel statistics of an instance id buffer, scanned in one pass.
 * Id colour convention (COCO panoptic): id = R + 256 G + 65536 B; 0 = background.
 */
import type { Box2 } from '../types.js';

export interface IdStats {
  pixels: number;
  /** Tight box of the id's pixels [px], x2 and y2 exclusive. */
  box: Box2;
}

/** Id encoded in an RGB triple (COCO panoptic convention). */
export function decodeId(r: number, g: number, b: number): number {
  return r + (g << 8) + (b << 16);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The id bits of an idWords word (the rest is the alpha byte: the semantic class). */
export const ID_BITS = 0xffffff;

/**
 * An RGBA id buffer as one 32-bit word a pixel whose low 24 bits (ID_BITS) are the pixel's id: a view of
 * the same bytes on a little-endian machine (the ones browsers run on; one load a pixel instead
 * of three), else a copy with the ids decoded.
 */
export function idWords(rgba: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && rgba.byteOffset % 4 === 0) return new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
  const words = new Uint32Array(rgba.length >> 2);
  for (let p = 0, i = 0; p < words.length; p++, i += 4) words[p] = decodeId(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
  return words;
}

/** RGB bytes of an id; ids must fit in 24 bits. */
export function encodeId(id: number): [number, number, number] {
  if (!Number.isInteger(id) || id < 0 || id > ID_BITS) throw new RangeError(`instance id ${id} does not fit in 24 bits`);
  return [id & 255, (id >> 8) & 255, (id >> 16) & 255];
}

/**
 * Counts pixels and tight boxes per id.
 * @param rgba      RGBA bytes, rows bottom-up as WebGL readPixels returns them
 * @param region    where the buffer lies in the image [px] (x, y of its top-left, width, height)
 */
export function scanIds(rgba: Uint8Array, region: { x: number; y: number; width: number; height: number }): Map<number, IdStats> {
  const stats = new Map<number, IdStats>();
  const { width, height } = region;
  const words = idWords(rgba);
  for (let row = 0; row < height; row++) scanRow(words, row * width, width, region.x, region.y + height - 1 - row, stats);
  return stats;
}

/**
 * Adds one row of ids (idWords, from pixel p, `width` pixels, image row y from column x0) to `stats`. A
 * function called once a row, not a loop nest: a nest run once a frame is compiled while it runs
 * and that code is thrown away at every exit from the inner loop (V8 deoptimized scanIds ~25
 * times a frame).
 */
function scanRow(words: Uint32Array, p: number, width: number, x0: number, y: number, stats: Map<number, IdStats>): void {
  let lastId = -1;
  let last: IdStats | undefined;
  for (let col = 0; col < width; col++, p++) {
    const id = words[p] & ID_BITS;
    if (id === 0) continue;
    if (id !== lastId) {
      last = stats.get(id);
      if (last === undefined) {
        last = { pixels: 0, box: [Infinity, Infinity, -Infinity, -Infinity] };
        stats.set(id, last);
      }
      lastId = id;
    }
    const s = last!;
    const x = x0 + col;
    s.pixels++;
    if (x < s.box[0]) s.box[0] = x;
    if (x + 1 > s.box[2]) s.box[2] = x + 1;
    if (y < s.box[1]) s.box[1] = y;
    if (y + 1 > s.box[3]) s.box[3] = y + 1;
  }
}
