/**
 * The RGB frame's deflate (dynamic Huffman blocks, runs as the only matches) read back by zlib
 * itself: empty input, one byte, runs (short, long, across blocks), uniform noise, a skewed
 * distribution whose Huffman code would exceed 15 bits (the length limit), and several blocks.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rleDeflate } from '../../src/render/page/rleDeflate.js';

/** Deterministic pseudo-random bytes. */
function bytes(n: number, next: (r: number) => number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = next(x);
  }
  return out;
}

describe('rleDeflate', () => {
  const cases: Record<string, Uint8Array> = {
    empty: new Uint8Array(0),
    'one byte': Uint8Array.of(7),
    'a run': new Uint8Array(1000).fill(3),
    // Runs of every length from 1 to 600 (past the longest match, 258), some across block ends.
    runs: Uint8Array.from(Array.from({ length: 600 }, (_, k) => new Array<number>(k + 1).fill(k % 7)).flat()),
    noise: bytes(300_000, (r) => r >>> 24),
    // Geometric: symbol k has probability 2^-(k+1), so an unlimited Huffman code would be up to 255 bits long.
    skewed: bytes(500_000, (r) => Math.min(255, Math.clz32(r | 1))),
  };
  for (const [name, data] of Object.entries(cases)) {
    it(`zlib inflates it back: ${name}`, () => {
      const z = rleDeflate(data, 1 << 16);
      expect(Buffer.from(zlib.inflateSync(z)).equals(Buffer.from(data))).toBe(true);
    });
  }

  it('codes long runs in a few bits each', () => {
    expect(rleDeflate(new Uint8Array(1_000_000)).length).toBeLessThan(1_000_000 / 258 + 1000);
  });

  it('compresses a skewed distribution near its entropy', () => {
    const data = cases.skewed!;
    // Entropy of the geometric distribution: 2 bits per byte, which Huffman codes reach; its
    // chance runs, coded as matches, cost a little more here.
    expect(rleDeflate(data).length).toBeLessThan((data.length * 2.2) / 8);
  });

  it('is deterministic', () => {
    const data = cases.noise!;
    expect(Buffer.from(rleDeflate(data)).equals(Buffer.from(rleDeflate(data)))).toBe(true);
  });
});
