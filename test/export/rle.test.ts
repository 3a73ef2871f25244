import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodeInstanceMask, maskExtents, rgbFromTrackId, trackIdFromRgb } from '../../src/export/instanceMask.js';
import type { InstanceMask } from '../../src/export/instanceMask.js';
import { decodeRle, encodeMaskRle, maskRleCounts, rleArea, rleCountsToString, rleStringToCounts } from '../../src/export/rle.js';
import { H, W, instanceIds } from './fixtures.js';

function mask(widthPx: number, heightPx: number, ids: number[]): InstanceMask {
  return { widthPx, heightPx, ids: Uint32Array.from(ids) };
}

describe('instance mask', () => {
  it('maps RGB to track ids as r + 256*g + 65536*b and back', () => {
    expect(trackIdFromRgb(1, 2, 3)).toBe(1 + 512 + 3 * 65536);
    expect(trackIdFromRgb(...rgbFromTrackId(70000))).toBe(70000);
  });

  it('decodes an RGBA instance PNG to ids', () => {
    const data = new Uint8Array([5, 0, 0, 255, 0, 1, 0, 0]);
    const m = decodeInstanceMask(encode({ width: 2, height: 1, data, channels: 4, depth: 8 }));
    expect([...m.ids]).toEqual([5, 256]);
  });

  it('rejects a 16-bit instance PNG', () => {
    const png = encode({ width: 1, height: 1, data: new Uint16Array([7]), channels: 1, depth: 16 });
    expect(() => decodeInstanceMask(png)).toThrow(/8-bit RGB/);
  });
});

describe('COCO RLE', () => {
  it('counts runs column-major, starting with a run of zeros', () => {
    // 3 rows x 2 columns; id 1 at (x0,y1), (x0,y2), (x1,y0)
    const m = mask(2, 3, [0, 1, 1, 0, 1, 0]);
    const ext = maskExtents(m).get(1);
    expect(ext).toBeDefined();
    expect(maskRleCounts(m, 1, ext!)).toEqual([1, 3, 2]);
  });

  it('starts with an empty zero run when the first pixel is set', () => {
    const m = mask(2, 2, [1, 0, 0, 0]);
    expect(maskRleCounts(m, 1, maskExtents(m).get(1)!)).toEqual([0, 1, 3]);
  });

  it('writes the pycocotools string for known counts, including negative deltas', () => {
    expect(rleCountsToString([3, 2, 11])).toBe('32;');
    // 4th count is stored as the delta 2 - 5 = -3: 29 | sign bit -> char 48 + 29 = 'M'
    expect(rleCountsToString([0, 5, 10, 2])).toBe('05:M');
    expect(rleCountsToString([100])).toBe('T3');
  });

  it('matches pycocotools on 25x25 squares (strings produced by pycocotools.mask.encode)', () => {
    const square = (lo: number, hi: number): InstanceMask => {
      const ids = new Uint32Array(25 * 25);
      for (let y = lo; y < hi; y++) for (let x = lo; x < hi; x++) ids[y * 25 + x] = 9;
      return { widthPx: 25, heightPx: 25, ids };
    };
    const cases: [number, number, string][] = [
      [0, 5, '05d00000000d?'],
      [5, 10, 'R45d00000000b;'],
      [20, 25, 'X`05d00000000'],
    ];
    for (const [lo, hi, expected] of cases) {
      const m = square(lo, hi);
      expect(encodeMaskRle(m, 9, maskExtents(m).get(9)!)).toEqual({ size: [25, 25], counts: expected });
    }
  });

  it('reads back every string it writes', () => {
    const counts = [0, 1, 37, 1000, 3, 70000, 12, 5, 921600];
    expect(rleStringToCounts(rleCountsToString(counts))).toEqual(counts);
  });

  it('decodes back to exactly the painted mask of each object', () => {
    const ids = instanceIds(1);
    const m: InstanceMask = { widthPx: W, heightPx: H, ids };
    for (const [id, ext] of maskExtents(m)) {
      const rle = encodeMaskRle(m, id, ext);
      const back = decodeRle(rle);
      const expected = Uint8Array.from(ids, (v) => (v === id ? 1 : 0));
      expect(back).toEqual(expected);
      expect(rleArea(rle)).toBe(ext.pixels);
    }
  });
});
