/**
 * The page's PNG encoder (the source the render page runs in its Web Workers), run here in Node,
 * which has the same CompressionStream and Blob: every pass decodes to the readback's values with
 * rows flipped to top-down, buffers reused between frames carry nothing over, and the worker
 * source is self-contained.
 */
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { rleDeflate, rleDeflateScope } from '../../src/render/page/rleDeflate.js';
import { type PngEncoder, pngEncoderScope } from '../../src/render/page/pngEncoderScope.js';
import { PASS_NAMES, type PassName } from '../../src/render/request.js';

const W = 5;
const H = 3;
const encoder = pngEncoderScope(rleDeflate);
const bytesOf = async (png: Blob): Promise<Buffer> => Buffer.from(await png.arrayBuffer());
type Job = { kind: PassName; widthPx: number; heightPx: number; pixels: Uint8Array };
/** The PNG bytes of one image, written by `by` (default: this file's encoder). */
const encodeOne = async ({ kind, ...job }: Job, by: PngEncoder = encoder): Promise<Buffer> => {
  const { pngs } = await by.encode({ ...job, images: [kind] });
  return bytesOf(pngs[kind]!);
};
const png = async (job: Job) => decode(await encodeOne(job));

/** RGBA bytes, rows bottom-up, pixel (x, y-down) = (x, y, x + 10 y, 200 + x + 10 y). */
function rgbaBottomUp(): Uint8Array {
  const out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) out.set([x, y, x + 10 * y, 200 + x + 10 * y], ((H - 1 - y) * W + x) * 4);
  }
  return out;
}

describe('page PNG encoder', () => {
  it('writes the RGB of an RGBA readback, rows top-down', async () => {
    for (const kind of ['rgb', 'instance'] as const) {
      const img = await png({ kind, widthPx: W, heightPx: H, pixels: rgbaBottomUp() });
      expect([img.width, img.height, img.channels, img.depth]).toEqual([W, H, 3, 8]);
      expect([...img.data.slice((2 * W + 3) * 3, (2 * W + 3) * 3 + 3)]).toEqual([3, 2, 23]);
    }
  });

  it('writes the alpha channel as 8-bit grey for the semantic pass', async () => {
    const img = await png({ kind: 'semantic', widthPx: W, heightPx: H, pixels: rgbaBottomUp() });
    expect([img.channels, img.depth]).toEqual([1, 8]);
    expect([...img.data]).toEqual(Array.from({ length: W * H }, (_, i) => 200 + (i % W) + 10 * Math.floor(i / W)));
  });

  it('writes depth as 16-bit grey, red the high byte and green the low one', async () => {
    const values = [0, 1, 256, 0x1234, 65535];
    const pixels = new Uint8Array(W * H * 4);
    // The top row (the last rows of the bottom-up buffer) holds the test values.
    for (const [x, v] of values.entries()) pixels.set([v >> 8, v & 255, 7, 9], ((H - 1) * W + x) * 4);
    const img = await png({ kind: 'depth', widthPx: W, heightPx: H, pixels });
    expect([img.channels, img.depth]).toEqual([1, 16]);
    expect([...img.data.slice(0, W)]).toEqual(values);
    expect([...img.data.slice(W)]).toEqual(new Array(W * (H - 1)).fill(0));
  });

  it('reuses its buffers between frames without carrying bytes over: each PNG is what a fresh encoder writes', async () => {
    const frame = (w: number, h: number, salt: number): Uint8Array => new Uint8Array(w * h * 4).map((_, i) => (Math.imul(i + salt, 2654435761) >>> 26) * 4);
    const jobs = [
      [64, 40, 1],
      [7, 3, 2],
      [64, 40, 3],
      [30, 50, 4],
    ].map(([w, h, salt]) => ({ kind: 'rgb' as const, widthPx: w!, heightPx: h!, pixels: frame(w!, h!, salt!) }));
    for (const job of jobs) {
      for (const kind of PASS_NAMES) {
        const reused = await encodeOne({ ...job, kind });
        expect(reused.equals(await encodeOne({ ...job, kind }, pngEncoderScope(rleDeflate)))).toBe(true);
        expect(decode(reused).width).toBe(job.widthPx);
      }
    }
  });

  it('writes several images of one readback in one job, the same as one job each, and hands the pixel buffer back', async () => {
    const pixels = rgbaBottomUp();
    const { pngs, pixels: back } = await encoder.encode({ images: ['instance', 'semantic'], widthPx: W, heightPx: H, pixels });
    expect(back).toBe(pixels);
    expect(Object.keys(pngs).sort()).toEqual(['instance', 'semantic']);
    for (const kind of ['instance', 'semantic'] as const) {
      expect((await bytesOf(pngs[kind]!)).equals(await encodeOne({ kind, widthPx: W, heightPx: H, pixels }))).toBe(true);
    }
  });

  it('runs jobs given at once one after another: two frames in flight share no buffer half-way', async () => {
    const frame = (salt: number): Uint8Array => new Uint8Array(40 * 30 * 4).map((_, i) => (Math.imul(i + salt, 2654435761) >>> 27) * 8);
    const a = frame(1);
    const b = frame(2);
    const [ja, jb] = await Promise.all([a, b].map((pixels) => encoder.encode({ images: ['instance', 'semantic', 'depth'], widthPx: 40, heightPx: 30, pixels })));
    for (const [done, pixels] of [
      [ja!, a],
      [jb!, b],
    ] as const) {
      for (const kind of ['instance', 'semantic', 'depth'] as const) {
        expect((await bytesOf(done.pngs[kind]!)).equals(await encodeOne({ kind, widthPx: 40, heightPx: 30, pixels }, pngEncoderScope(rleDeflate)))).toBe(true);
      }
    }
  });

  it('Paeth-filters and Huffman-codes the RGB frame: it decodes to the same pixels, smaller than unfiltered', async () => {
    // A smooth gradient with noise, like a rendered frame.
    const w = 64;
    const h = 48;
    const pixels = new Uint8Array(w * h * 4);
    let seed = 1;
    for (let i = 0; i < w * h; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const n = (seed >>> 28) - 8;
      for (let c = 0; c < 3; c++) pixels[i * 4 + c] = Math.max(0, Math.min(255, ((i % w) * 3 + Math.floor(i / w) * 2 + c * 20 + n) | 0));
      pixels[i * 4 + 3] = 255;
    }
    const rgb = await encodeOne({ kind: 'rgb', widthPx: w, heightPx: h, pixels });
    const plain = await encodeOne({ kind: 'instance', widthPx: w, heightPx: h, pixels });
    expect(Buffer.from(decode(rgb).data).equals(Buffer.from(decode(plain).data))).toBe(true);
    expect(rgb.length).toBeLessThan(plain.length);
  });

  it('decodes back to every pixel of noise, flat areas and hard edges (every Paeth predictor choice and tie)', async () => {
    const w = 97;
    const h = 61;
    let seed = 7;
    const pixels = new Uint8Array(w * h * 4).map((_, i) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const x = (i >> 2) % w;
      if (x < 20) return 200; // flat: every prediction ties
      if (x < 40) return (x & 4) * 60; // stripes: hard edges
      return seed >>> 24; // noise: all three predictors, any order
    });
    const img = await png({ kind: 'rgb', widthPx: w, heightPx: h, pixels });
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = ((h - 1 - y) * w + x) * 4;
        const o = (y * w + x) * 3;
        expect([...img.data.slice(o, o + 3)], `pixel ${x},${y}`).toEqual([...pixels.slice(i, i + 3)]);
      }
    }
  });

  it('runs from its own source text, as the workers run it', async () => {
    const scope = new Function(`return (${pngEncoderScope.toString()})((${rleDeflateScope.toString()})());`)() as ReturnType<typeof pngEncoderScope>;
    for (const kind of PASS_NAMES) {
      const a = await encodeOne({ kind, widthPx: W, heightPx: H, pixels: rgbaBottomUp() }, scope);
      expect(a.equals(await encodeOne({ kind, widthPx: W, heightPx: H, pixels: rgbaBottomUp() }))).toBe(true);
    }
  });
});
