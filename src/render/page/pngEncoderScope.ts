/**
 * PNG encoding of the page's readbacks, so only compressed bytes cross to Node:
 *   rgb       8-bit RGB of an RGBA readback (the RGB frame)
 *   instance  8-bit RGB, id = R + 256 G + 65536 B (COCO panoptic convention), 0 = background
 *   semantic  8-bit grey, SEMANTIC_CLASSES index + 1, 0 = unlabeled / sky
 *   depth     16-bit grey, metres x 256 (KITTI depth), 0 = no depth (sky); depths beyond
 *             MAX_DEPTH_M saturate at 65535 (docs/formats.md)
 * Readbacks come bottom-up; PNG rows go top-down; no interlace. The masks and depth are
 * unfiltered and deflated by the browser (CompressionStream: their long runs need its match
 * search); the RGB frame is Paeth-filtered and deflated with runs as its only matches
 * (rleDeflate.ts): about as small, several times faster for a rendered frame.
 *
 * Everything lives inside pngEncoderScope(), which uses nothing from outside its body: the
 * encoder pool (encoderPool.ts) runs its source text in Web Workers, so encodes run beside the
 * page's drawing instead of on its thread (CompressionStream deflates on the calling thread).
 */

/** Largest depth a 16-bit KITTI depth PNG can hold [m]. */
export const MAX_DEPTH_M = 65535 / 256;

/** One readback to encode: RGBA bytes (rgb, instance, semantic) or RGBA floats with red = depth [m] (depth), rows bottom-up. */
export type EncodeJob =
  | { kind: 'rgb' | 'instance' | 'semantic'; widthPx: number; heightPx: number; pixels: Uint8Array }
  | { kind: 'depth'; widthPx: number; heightPx: number; pixels: Float32Array };

export interface PngEncoder {
  /** The PNG of a readback, as base64 (what travels to Node). */
  encode(job: EncodeJob): Promise<string>;
}

/**
 * @param deflateRows  rleDeflate (rleDeflate.ts), passed in so that this function's
 *   source stays self-contained: the workers run `(pngEncoderScope)(rleDeflate)` from source.
 */
export function pngEncoderScope(deflateRows: (data: Uint8Array) => Uint8Array): PngEncoder {
  const crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }

  function crc32(bytes: Uint8Array): number {
    let crc = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function chunk(type: string, body: Uint8Array): Uint8Array {
    const out = new Uint8Array(12 + body.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, body.length);
    for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
    out.set(body, 8);
    view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
    return out;
  }

  // PNG scanlines of a bottom-up RGBA readback: rows top-down, each with a leading filter byte
  // (0 = none). One loop per pixel format, kept apart so each stays a tight loop.

  /** Unfiltered RGB rows (filter byte 0): the instance mask as it is (runs of one id, for the native deflate). */
  function rgbLines(src: Uint8Array, w: number, h: number): Uint8Array {
    const out = new Uint8Array((w * 3 + 1) * h);
    for (let y = 0; y < h; y++) {
      let i = (h - 1 - y) * w * 4;
      let o = y * (w * 3 + 1) + 1;
      for (let x = 0; x < w; x++, i += 4, o += 3) {
        out[o] = src[i]!;
        out[o + 1] = src[i + 1]!;
        out[o + 2] = src[i + 2]!;
      }
    }
    return out;
  }

  /**
   * The Paeth filter (4) on every row of unfiltered RGB rows, in place: each byte minus its
   * prediction from the byte to the left, above and above-left. That leaves small values and, in
   * flat areas, runs of zeros: what rleDeflate compresses well. Rows and bytes go backwards, so
   * the neighbours read are still unfiltered.
   */
  function paethInPlace(lines: Uint8Array, w: number, h: number): Uint8Array {
    const stride = w * 3 + 1;
    for (let y = h - 1; y >= 0; y--) {
      const r = y * stride + 1;
      const q = r - stride;
      lines[r - 1] = 4;
      for (let k = w * 3 - 1; k >= 0; k--) {
        const a = k >= 3 ? lines[r + k - 3]! : 0;
        const b = y > 0 ? lines[q + k]! : 0;
        const c = k >= 3 && y > 0 ? lines[q + k - 3]! : 0;
        const p = a + b - c;
        const pa = p > a ? p - a : a - p;
        const pb = p > b ? p - b : b - p;
        const pc = p > c ? p - c : c - p;
        lines[r + k] = lines[r + k]! - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
    }
    return lines;
  }

  function redLines(src: Uint8Array, w: number, h: number): Uint8Array {
    const out = new Uint8Array((w + 1) * h);
    for (let y = 0; y < h; y++) {
      let i = (h - 1 - y) * w * 4;
      let o = y * (w + 1) + 1;
      for (let x = 0; x < w; x++, i += 4, o++) out[o] = src[i]!;
    }
    return out;
  }

  /** 16-bit big-endian depth: metres x 256, rounded; a surface closer than 1/512 m stays 1 (0 means no depth). */
  function depthLines(src: Float32Array, w: number, h: number): Uint8Array {
    const out = new Uint8Array((w * 2 + 1) * h);
    for (let y = 0; y < h; y++) {
      let i = (h - 1 - y) * w * 4;
      let o = y * (w * 2 + 1) + 1;
      for (let x = 0; x < w; x++, i += 4, o += 2) {
        const m = src[i]!;
        const v = m > 0 ? Math.min(65535, Math.max(1, Math.round(m * 256))) : 0;
        out[o] = v >> 8;
        out[o + 1] = v & 0xff;
      }
    }
    return out;
  }

  /** The browser's deflate (zlib format, RFC 1950, which is what IDAT holds): runs of equal bytes, as in the masks, need its match search. */
  async function nativeDeflate(lines: Uint8Array): Promise<Uint8Array> {
    const stream = new Blob([lines as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  function png(idat: Uint8Array, widthPx: number, heightPx: number, bitDepth: 8 | 16, colourType: 0 | 2): Uint8Array {
    const ihdr = new Uint8Array(13);
    const v = new DataView(ihdr.buffer);
    v.setUint32(0, widthPx);
    v.setUint32(4, heightPx);
    ihdr[8] = bitDepth;
    ihdr[9] = colourType;
    const parts = [Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  const BASE64 = new Uint8Array(64);
  for (let i = 0; i < 64; i++) BASE64[i] = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i);
  const ascii = new TextDecoder('latin1');

  /** Base64 of bytes, through a table into bytes decoded once (String.fromCharCode and btoa took ~45 ms per MB). */
  function base64(bytes: Uint8Array): string {
    const n = bytes.length;
    const out = new Uint8Array(Math.ceil(n / 3) * 4);
    let o = 0;
    let i = 0;
    for (; i + 2 < n; i += 3) {
      const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      out[o++] = BASE64[v >> 18]!;
      out[o++] = BASE64[(v >> 12) & 63]!;
      out[o++] = BASE64[(v >> 6) & 63]!;
      out[o++] = BASE64[v & 63]!;
    }
    if (i < n) {
      const v = (bytes[i]! << 16) | (i + 1 < n ? bytes[i + 1]! << 8 : 0);
      out[o++] = BASE64[v >> 18]!;
      out[o++] = BASE64[(v >> 12) & 63]!;
      out[o++] = i + 1 < n ? BASE64[(v >> 6) & 63]! : 61; // '='
      out[o++] = 61;
    }
    return ascii.decode(out);
  }

  async function encode(job: EncodeJob): Promise<string> {
    const { widthPx: w, heightPx: h } = job;
    if (job.kind === 'depth') return base64(png(await nativeDeflate(depthLines(job.pixels, w, h)), w, h, 16, 0));
    if (job.kind === 'semantic') return base64(png(await nativeDeflate(redLines(job.pixels, w, h)), w, h, 8, 0));
    if (job.kind === 'instance') return base64(png(await nativeDeflate(rgbLines(job.pixels, w, h)), w, h, 8, 2));
    return base64(png(deflateRows(paethInPlace(rgbLines(job.pixels, w, h), w, h)), w, h, 8, 2));
  }

  return { encode };
}
