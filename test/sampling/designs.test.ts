import { describe, expect, it } from 'vitest';
import { choice, intRange, normal, uniform } from '../../src/sampling/distributions.js';
import { coveringArray } from '../../src/sampling/designs/coveringArray.js';
import { gridCellCount, gridDesign } from '../../src/sampling/designs/gridDesign.js';
import { lhsDesign } from '../../src/sampling/designs/lhsDesign.js';
import { pairwiseDesign } from '../../src/sampling/designs/pairwiseDesign.js';
import { sobolDesign, sobolMaxDimensions } from '../../src/sampling/designs/sobolDesign.js';
import { IndexPermutation } from '../../src/sampling/IndexPermutation.js';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

/** Every pair of values of every two columns appears in some row. */
function missingPairs(rows: number[][], levels: number[]): string[] {
  const missing: string[] = [];
  for (let a = 0; a < levels.length; a++) {
    for (let b = a + 1; b < levels.length; b++) {
      const seen = new Set(rows.map((r) => `${r[a]},${r[b]}`));
      for (let x = 0; x < levels[a]; x++) for (let y = 0; y < levels[b]; y++) if (!seen.has(`${x},${y}`)) missing.push(`${a}=${x},${b}=${y}`);
    }
  }
  return missing;
}

describe('grid design', () => {
  const dims = [choice(['a', 'b', 'c']), intRange(0, 1), uniform(0, 10)];

  it('covers the full factorial once per pass', () => {
    const design = gridDesign(dims, 4);
    expect(gridCellCount(dims, 4)).toBe(24);
    const cells = range(24).map((i) =>
      design
        .point(i)
        .map((u, k) => dims[k].quantile(u))
        .join('|'),
    );
    expect(new Set(cells).size).toBe(24);
    expect(cells).toContain('c|1|8.75');
    expect(cells).toContain('a|0|1.25');
  });

  it('uses quantile levels (j + 0.5) / k for continuous dimensions', () => {
    const design = gridDesign([normal(0, 1)], 4);
    expect(range(4).map((i) => design.point(i)[0])).toEqual([0.125, 0.375, 0.625, 0.875]);
  });

  it('wraps around after the last cell', () => {
    const design = gridDesign(dims, 2);
    expect(design.point(12 + 5)).toEqual(design.point(5));
  });
});

describe('Latin hypercube design', () => {
  it('puts one sample in each stratum of each dimension per block', () => {
    const n = 37;
    const design = lhsDesign(5, 3, n);
    for (const block of [0, 1]) {
      const points = range(n, block * n).map((i) => design.point(i));
      for (let d = 0; d < 5; d++) {
        const strata = points.map((p) => Math.floor(p[d] * n)).sort((x, y) => x - y);
        expect(strata).toEqual(range(n));
      }
    }
  });

  it('gives sample i the same point whichever samples were computed before', () => {
    const a = lhsDesign(3, 9, 50);
    const b = lhsDesign(3, 9, 50);
    const forward = range(100).map((i) => a.point(i));
    const backward = range(100)
      .reverse()
      .map((i) => b.point(i))
      .reverse();
    expect(backward).toEqual(forward);
  });

  it('differs between blocks and between seeds', () => {
    const design = lhsDesign(2, 1, 10);
    expect(design.point(3)).not.toEqual(design.point(13));
    expect(lhsDesign(2, 2, 10).point(3)).not.toEqual(design.point(3));
  });
});

describe('Sobol design', () => {
  it('matches the published unscrambled points (Joe-Kuo, Gray-code order)', () => {
    // scipy.stats.qmc.Sobol(d=4, scramble=False).random(8)
    const expected = [
      [0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25],
      [0.25, 0.75, 0.75, 0.75],
      [0.375, 0.375, 0.625, 0.875],
      [0.875, 0.875, 0.125, 0.375],
      [0.625, 0.125, 0.875, 0.625],
      [0.125, 0.625, 0.375, 0.125],
    ];
    const design = sobolDesign(4, 0, { scramble: false });
    expect(range(8).map((i) => design.point(i))).toEqual(expected);
  });

  it('computes the point of a large index directly', () => {
    // scipy.stats.qmc.Sobol(d=3, scramble=False) after fast_forward(n), random(1)
    const design = sobolDesign(3, 0, { scramble: false });
    expect(design.point(1000)).toEqual([0.2197265625, 0.0966796875, 0.5185546875]);
    expect(design.point(123456789)).toEqual([0.9758977368474007, 0.792431928217411, 0.006405912339687347]);
  });

  it('matches the published points in high dimensions', () => {
    // scipy.stats.qmc.Sobol(d=1024, scramble=False) after fast_forward(777): dimensions 1020..1024
    const point = sobolDesign(1024, 0, { scramble: false }).point(777);
    expect(point.slice(1019)).toEqual([0.9208984375, 0.8525390625, 0.3056640625, 0.6337890625, 0.4521484375]);
  });

  it('keeps every dyadic interval share when scrambled', () => {
    const m = 10;
    const dims = 64;
    const design = sobolDesign(dims, 12345);
    const points = range(2 ** m).map((i) => design.point(i));
    for (let d = 0; d < dims; d++) {
      for (const k of [1, 4, m]) {
        const counts = new Array<number>(2 ** k).fill(0);
        for (const p of points) counts[Math.floor(p[d] * 2 ** k)]++;
        expect(new Set(counts)).toEqual(new Set([2 ** (m - k)]));
      }
    }
  });

  it('keeps two-dimensional elementary intervals balanced when scrambled', () => {
    // Dimensions 1 and 2 of Sobol form a (0, m, 2)-net: each 2^-a x 2^-(m-a) box holds one point.
    const m = 8;
    const design = sobolDesign(2, 99);
    const points = range(2 ** m).map((i) => design.point(i));
    for (let a = 0; a <= m; a++) {
      const boxes = new Set(points.map((p) => `${Math.floor(p[0] * 2 ** a)},${Math.floor(p[1] * 2 ** (m - a))}`));
      expect(boxes.size).toBe(2 ** m);
    }
  });

  it('differs between seeds', () => {
    expect(sobolDesign(3, 1).point(5)).not.toEqual(sobolDesign(3, 2).point(5));
  });

  it('supports at least 1000 dimensions', () => {
    expect(sobolMaxDimensions()).toBeGreaterThanOrEqual(1000);
    expect(() => sobolDesign(sobolMaxDimensions() + 1, 0)).toThrow(/use the lhs or random design/);
  });
});

describe('covering array', () => {
  it('covers every pair of values of every two factors', () => {
    for (const levels of [[2, 2, 2], [3, 3, 3, 3], [5, 2, 4, 3, 2, 6, 2], range(12).map(() => 3), [1, 4, 2]]) {
      const rows = coveringArray(levels);
      expect(missingPairs(rows, levels)).toEqual([]);
      for (const row of rows)
        row.forEach((v, c) => {
          expect(v).toBeLessThan(levels[c]);
        });
    }
  });

  it('is much smaller than the full factorial', () => {
    // 3^10 = 59049 combinations; the best known pairwise array has 14 or 15 rows.
    const rows = coveringArray(range(10).map(() => 3));
    expect(rows.length).toBeLessThanOrEqual(24);
  });

  it('is deterministic', () => {
    expect(coveringArray([4, 3, 3, 2])).toEqual(coveringArray([4, 3, 3, 2]));
  });
});

describe('pairwise design', () => {
  const dims = [choice(['car', 'van', 'truck']), choice([true, false]), uniform(0, 1), intRange(1, 4), choice(['dry', 'wet', 'snow', 'ice'])];

  it('shows every pair of values of every two discrete dimensions in each pass', () => {
    const design = pairwiseDesign(dims, 5);
    expect(design.discrete).toEqual([0, 1, 3, 4]);
    for (const pass of [0, 1]) {
      const rows = range(design.rows, pass * design.rows).map((i) => {
        const p = design.point(i);
        return design.discrete.map((d) => Math.floor(p[d] * dims[d].levelCount));
      });
      expect(
        missingPairs(
          rows,
          design.discrete.map((d) => dims[d].levelCount),
        ),
      ).toEqual([]);
    }
  });

  it('draws continuous dimensions afresh for every sample', () => {
    const design = pairwiseDesign(dims, 5);
    const continuous = range(design.rows * 2).map((i) => design.point(i)[2]);
    expect(new Set(continuous).size).toBe(continuous.length);
  });

  it('treats wide integer ranges as continuous', () => {
    expect(pairwiseDesign([intRange(0, 100), choice([1, 2])], 0).discrete).toEqual([1]);
  });
});

describe('index permutation', () => {
  it('is a permutation for every size', () => {
    for (const n of [1, 2, 3, 7, 64, 1000, 4097]) {
      const p = new IndexPermutation(n, [1, 2, 3]);
      expect(
        range(n)
          .map((j) => p.at(j))
          .sort((a, b) => a - b),
      ).toEqual(range(n));
    }
  });

  it('depends on its key', () => {
    const a = new IndexPermutation(100, [1]);
    const b = new IndexPermutation(100, [2]);
    expect(range(100).map((j) => a.at(j))).not.toEqual(range(100).map((j) => b.at(j)));
  });
});
