/**
 * PNG encoding of the page's readbacks (RGBA bytes), so only compressed bytes cross to Node:
 *   rgb       8-bit RGB of the readback's RGB (the RGB frame)
 *   instance  8-bit RGB of the readback's RGB, id = R + 256 G + 65536 B (COCO panoptic
 *             convention), 0 = background
 *   semantic  8-bit grey of the readback's alpha, SEMANTIC_CLASSES index + 1, 0 = unlabeled / sky
 *   depth     16-bit grey of the readback's red (high byte) and green (low byte): metres x 256
 *             (KITTI depth), 0 = no depth (sky); depths beyond 65535 / 256 m saturate at 65535
 *             (docs/formats.md). The label draw computes the value (passes/idMaterials.ts).
 * The same readback of the label draw feeds instance and semantic (idTargets.ts).
 * Readbacks come bottom-up; PNG rows go top-down; no interlace. The masks and depth are
 * unfiltered and deflated by the browser (CompressionStream: their long runs need its match
 * search); the RGB frame is Paeth-filtered and deflated with runs as its only matches
 * (rleDeflate.ts): about as small, several times faster for a rendered frame.
 *
 * Everything lives inside pngEncoderScope(), which uses nothing from outside its body: the
 * encoder pool (encoderPool.ts) runs its source text in Web Workers, so encodes run beside the
 * page's drawing instead of on its thread (CompressionStream deflates on the calling thread).
 */

import type { PassName } from '../request.js';
import type { RleDeflate } from './rleDeflate.js';

/** One readback to encode: RGBA bytes, rows bottom-up, and the images to write from it. */
export interface EncodeJob {
  /**
   * rgb from the RGB frame's readback; instance and semantic from the label draw's first
   * attachment (one job writes both: one copy of the readback, one trip to a worker); depth from
   * its second.
   */
  images: PassName[];
  widthPx: number;
  heightPx: number;
  pixels: Uint8Array;
}

/** A job's PNGs, and its pixel buffer handed back for the next frame's readback. */
export interface Encoded {
  /** Blobs: posted from a worker by reference, joined into one body for the host (imageOutbox.ts). */
  pngs: Partial<Record<PassName, Blob>>;
  pixels: Uint8Array;
}

export interface PngEncoder {
  encode(job: EncodeJob): Promise<Encoded>;
}

/**
 * @param deflateRows  rleDeflate (rleDeflate.ts), passed in so that this function's
 *   source stays self-contained: the workers run `(pngEncoderScope)((rleDeflateScope)())` from
 *   source.
 */
export function pngEncoderScope(deflateRows: RleDeflate): PngEncoder {
  /**
   * Buffers the encodes reuse from frame to frame, the masks' by bytes a pixel (jobs run one at
   * a time, queued by encode() below, in a worker and on the page's thread alike):
   * allocating ~15 MB a frame kept the garbage collector busy.
   */
  const scratch: Record<'lines' | 'deflated' | 'mask1' | 'mask2' | 'mask3', Uint8Array> = {
    lines: new Uint8Array(0),
    deflated: new Uint8Array(0),
    mask1: new Uint8Array(0),
    mask2: new Uint8Array(0),
    mask3: new Uint8Array(0),
  };
  const roomIn = (buf: Uint8Array, n: number): Uint8Array => (buf.length >= n ? buf : new Uint8Array(n));

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

  /** Writes chunk `type` with `body` into `out` at `at`; returns where the next chunk goes. */
  function chunkAt(out: Uint8Array, at: number, type: string, body: Uint8Array): number {
    const view = new DataView(out.buffer, out.byteOffset);
    view.setUint32(at, body.length);
    for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
    out.set(body, at + 8);
    view.setUint32(at + 8 + body.length, crc32(out.subarray(at + 4, at + 8 + body.length)));
    return at + 12 + body.length;
  }

  // PNG scanlines of a bottom-up RGBA readback: rows top-down, each after its filter byte. Each
  // format's loop over one row is a function of its own, called once a row: a loop nest that
  // runs once a frame is compiled while it runs (on-stack replacement) and that code is thrown
  // away at every exit from the inner loop (V8 deoptimized and recompiled these ~30 times a frame,
  // 30-50 ms of compiler work a frame, measured with --trace-deopt).

  /** Writes one row of w pixels of the readback, from byte i, into out from byte o. */
  type RowWriter = (src: Uint8Array, i: number, out: Uint8Array, o: number, w: number) => void;

  /** Unfiltered rows (filter byte 0) of `bytes` bytes a pixel, each written by `row`: the masks as they are (runs of one value, for the native deflate). */
  function unfilteredLines(src: Uint8Array, w: number, h: number, bytes: 1 | 2 | 3, row: RowWriter): Uint8Array {
    const stride = w * bytes + 1;
    const key = `mask${bytes}` as const;
    scratch[key] = roomIn(scratch[key], stride * h);
    const out = scratch[key].subarray(0, stride * h);
    for (let y = 0; y < h; y++) {
      // The filter byte is set each time: a reused buffer may hold anything there.
      out[y * stride] = 0;
      row(src, (h - 1 - y) * w * 4, out, y * stride + 1, w);
    }
    return out;
  }

  /** RGB (the instance id). */
  function rgbRow(src: Uint8Array, i: number, out: Uint8Array, o: number, w: number): void {
    for (let x = 0; x < w; x++, i += 4, o += 3) {
      out[o] = src[i]!;
      out[o + 1] = src[i + 1]!;
      out[o + 2] = src[i + 2]!;
    }
  }

  /**
   * Paeth-filtered (filter 4) RGB rows of a bottom-up RGBA readback: each byte minus its
   * prediction from the byte to the left, above and above-left. That leaves small values and, in
   * flat areas, runs of zeros: what rleDeflate compresses well. Read straight from the readback
   * (one pass); in the first row, whose neighbours above are 0, the prediction is the byte to the
   * left.
   */
  function paethLines(src: Uint8Array, w: number, h: number, into: Uint8Array): Uint8Array {
    const stride = w * 3 + 1;
    const out = into.subarray(0, stride * h);
    for (let y = 0; y < h; y++) {
      const i = (h - 1 - y) * w * 4;
      out[y * stride] = 4;
      // The row above in the image is the next one up in the readback.
      if (y === 0) leftRow(src, i, out, y * stride + 1, w);
      else paethRow(src, i, i + w * 4, out, y * stride + 1, w);
    }
    return out;
  }

  /** A row's bytes minus the byte to the left (what Paeth predicts with nothing above). */
  function leftRow(src: Uint8Array, i: number, out: Uint8Array, o: number, w: number): void {
    out[o] = src[i]!;
    out[o + 1] = src[i + 1]!;
    out[o + 2] = src[i + 2]!;
    for (let x = 1, j = i + 4, p = o + 3; x < w; x++, j += 4, p += 3) {
      out[p] = src[j]! - src[j - 4]!;
      out[p + 1] = src[j + 1]! - src[j - 3]!;
      out[p + 2] = src[j + 2]! - src[j - 2]!;
    }
  }

  /** A row's Paeth differences; `u` is the row above. The first pixel, with nothing to its left, predicts from above. */
  function paethRow(src: Uint8Array, i: number, u: number, out: Uint8Array, o: number, w: number): void {
    out[o] = src[i]! - src[u]!;
    out[o + 1] = src[i + 1]! - src[u + 1]!;
    out[o + 2] = src[i + 2]! - src[u + 2]!;
    const end = o + w * 3;
    for (i += 4, u += 4, o += 3; o < end; i += 4, u += 4, o += 3) {
      out[o] = src[i]! - paeth(src[i - 4]!, src[u]!, src[u - 4]!);
      out[o + 1] = src[i + 1]! - paeth(src[i - 3]!, src[u + 1]!, src[u - 3]!);
      out[o + 2] = src[i + 2]! - paeth(src[i - 2]!, src[u + 2]!, src[u - 2]!);
    }
  }

  /**
   * The Paeth predictor of a byte from the one to its left (a), above (b) and above-left (c):
   * whichever is closest to a + b - c, ties to a, then b. Without branches: a rendered frame's
   * noise makes the choice unpredictable, and mispredicted branches made this twice as slow
   * (measured in Node on a 1280x720 frame: 23 ms a frame with branches, 12 without).
   */
  function paeth(a: number, b: number, c: number): number {
    let pa = b - c;
    let pb = a - c;
    let pc = a + b - 2 * c;
    // |x| as (x ^ sign) - sign, sign = x >> 31 (all ones when negative).
    pa = (pa ^ (pa >> 31)) - (pa >> 31);
    pb = (pb ^ (pb >> 31)) - (pb >> 31);
    pc = (pc ^ (pc >> 31)) - (pc >> 31);
    // All ones where the comparison holds: (y - x) >> 31 is all ones when y < x.
    const useA = ~((pb - pa) >> 31) & ~((pc - pa) >> 31);
    const useB = ~((pc - pb) >> 31) & ~useA;
    return (a & useA) | (b & useB) | (c & ~(useA | useB));
  }

  /** 8-bit grey of the alpha channel (the semantic class). */
  function alphaRow(src: Uint8Array, i: number, out: Uint8Array, o: number, w: number): void {
    for (let x = 0, j = i + 3; x < w; x++, j += 4, o++) out[o] = src[j]!;
  }

  /** 16-bit grey, big-endian as PNG stores it: red is the high byte, green the low one. */
  function redGreenRow(src: Uint8Array, i: number, out: Uint8Array, o: number, w: number): void {
    for (let x = 0; x < w; x++, i += 4, o += 2) {
      out[o] = src[i]!;
      out[o + 1] = src[i + 1]!;
    }
  }

  /** The browser's deflate (zlib format, RFC 1950, which is what IDAT holds): runs of equal bytes, as in the masks, need its match search. */
  async function nativeDeflate(lines: Uint8Array): Promise<Uint8Array> {
    // Written straight into the stream: a Blob's stream went through the browser's blob store
    // (a copy to another process and back).
    const stream = new CompressionStream('deflate');
    const writer = stream.writable.getWriter();
    // A failed stream fails the read below; these two would only repeat it, unhandled.
    writer.write(lines as Uint8Array<ArrayBuffer>).catch(() => undefined);
    writer.close().catch(() => undefined);
    return new Uint8Array(await new Response(stream.readable).arrayBuffer());
  }

  function png(idat: Uint8Array, widthPx: number, heightPx: number, bitDepth: 8 | 16, colourType: 0 | 2): Uint8Array {
    const ihdr = new Uint8Array(13);
    const v = new DataView(ihdr.buffer);
    v.setUint32(0, widthPx);
    v.setUint32(4, heightPx);
    ihdr[8] = bitDepth;
    ihdr[9] = colourType;
    const out = new Uint8Array(8 + 12 + ihdr.length + 12 + idat.length + 12);
    out.set([137, 80, 78, 71, 13, 10, 26, 10]);
    chunkAt(out, chunkAt(out, chunkAt(out, 8, 'IHDR', ihdr), 'IDAT', idat), 'IEND', new Uint8Array(0));
    return out;
  }

  /** The PNG bytes of one image of the job. */
  async function pngOf(image: PassName, job: EncodeJob): Promise<Uint8Array> {
    const { widthPx: w, heightPx: h, pixels } = job;
    if (image === 'depth') return png(await nativeDeflate(unfilteredLines(pixels, w, h, 2, redGreenRow)), w, h, 16, 0);
    if (image === 'semantic') return png(await nativeDeflate(unfilteredLines(pixels, w, h, 1, alphaRow)), w, h, 8, 0);
    if (image === 'instance') return png(await nativeDeflate(unfilteredLines(pixels, w, h, 3, rgbRow)), w, h, 8, 2);
    scratch.lines = roomIn(scratch.lines, (w * 3 + 1) * h);
    const idat = deflateRows(paethLines(pixels, w, h, scratch.lines), undefined, scratch.deflated);
    scratch.deflated = new Uint8Array(idat.buffer);
    return png(idat, w, h, 8, 2);
  }

  async function encodeNow(job: EncodeJob): Promise<Encoded> {
    const pngs: Encoded['pngs'] = {};
    for (const image of job.images) pngs[image] = new Blob([(await pngOf(image, job)) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
    return { pngs, pixels: job.pixels };
  }

  /** Jobs run one after another (they share the scratch buffers), in the order they came. */
  let queue: Promise<unknown> = Promise.resolve();
  function encode(job: EncodeJob): Promise<Encoded> {
    const done = queue.then(() => encodeNow(job));
    queue = done.catch(() => undefined);
    return done;
  }

  return { encode };
}
