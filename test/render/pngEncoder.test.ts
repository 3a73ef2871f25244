/**
 * The page's PNG encoder (the source the render page runs in its Web Workers), run here in Node,
 * which has the same CompressionStream: every pass decodes to the readback's values with rows
 * flipped to top-down, and the worker source is self-contained.
 */
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH_M, pngEncoderScope } from '../../src/render/page/pngEncoderScope.js';

const W = 5;
const H = 3;
const encoder = pngEncoderScope();
const png = async (job: Parameters<typeof encoder.encode>[0]) => decode(Buffer.from(await encoder.encode(job), 'base64'));

/** RGBA bytes, rows bottom-up, pixel (x, y-down) = (x, y, x + 10 y, 255). */
function rgbaBottomUp(): Uint8Array {
  const out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) out.set([x, y, x + 10 * y, 255], ((H - 1 - y) * W + x) * 4);
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

  it('writes the red channel as 8-bit grey for the semantic pass', async () => {
    const img = await png({ kind: 'semantic', widthPx: W, heightPx: H, pixels: rgbaBottomUp() });
    expect([img.channels, img.depth]).toEqual([1, 8]);
    expect([...img.data]).toEqual(Array.from({ length: W * H }, (_, i) => i % W));
  });

  it('writes depth as 16-bit metres x 256: rounded, 0 stays no depth, tiny depths stay 1, far ones saturate', async () => {
    const depths = [0, 0.001, 1, 2.5 / 256, MAX_DEPTH_M + 5];
    const pixels = new Float32Array(W * H * 4);
    // The top row (the last rows of the bottom-up buffer) holds the test depths.
    depths.forEach((m, x) => (pixels[((H - 1) * W + x) * 4] = m));
    const img = await png({ kind: 'depth', widthPx: W, heightPx: H, pixels });
    expect([img.channels, img.depth]).toEqual([1, 16]);
    expect([...img.data.slice(0, W)]).toEqual([0, 1, 256, 3, 65535]);
  });

  it('runs from its own source text, as the workers run it', async () => {
    const scope = new Function(`return (${pngEncoderScope.toString()})();`)() as ReturnType<typeof pngEncoderScope>;
    const a = await scope.encode({ kind: 'rgb', widthPx: W, heightPx: H, pixels: rgbaBottomUp() });
    expect(a).toBe(await encoder.encode({ kind: 'rgb', widthPx: W, heightPx: H, pixels: rgbaBottomUp() }));
  });
});
