import { describe, expect, it } from 'vitest';
import { binIndex, countLevels, equalEdges, histogram } from '../../src/report/histogram.js';
import { ksStatistic } from '../../src/report/ks.js';
import { correlation, mean, variance } from '../../src/report/moments.js';
import { wasserstein1 } from '../../src/report/wasserstein.js';

describe('histogram', () => {
  it('counts values into equal-width bins, the last bin closed on the right', () => {
    const h = histogram([0, 0.5, 1, 1.5, 2, 4, 4], equalEdges(0, 4, 4));
    expect(h.edges).toEqual([0, 1, 2, 3, 4]);
    expect(h.counts).toEqual([2, 2, 1, 2]);
    expect(h.outside).toBe(0);
  });

  it('counts values outside the edges apart', () => {
    expect(histogram([-1, 0.5, 9], [0, 1]).outside).toBe(2);
  });

  it('finds the bin of a value by bisection', () => {
    const edges = equalEdges(10, 20, 10);
    expect(binIndex(edges, 10)).toBe(0);
    expect(binIndex(edges, 15.5)).toBe(5);
    expect(binIndex(edges, 20)).toBe(9);
    expect(binIndex(edges, 20.01)).toBe(-1);
    expect(binIndex(edges, NaN)).toBe(-1);
  });

  it('widens a zero-width range so a constant still gets a bin', () => {
    expect(equalEdges(3, 3, 2)).toEqual([2.5, 3, 3.5]);
  });

  it('counts levels in the given order, listing levels never seen as zero', () => {
    expect([...countLevels(['b', 'a', 'b', 'c'], ['c', 'b', 'x'])]).toEqual([
      ['c', 1],
      ['b', 2],
      ['x', 0],
      ['a', 1],
    ]);
  });
});

describe('ksStatistic', () => {
  it('is 0 for identical samples', () => {
    expect(ksStatistic([3, 1, 2, 2, 5], [1, 2, 2, 3, 5])).toBe(0);
  });

  it('is 1 for samples that do not overlap', () => {
    expect(ksStatistic([1, 2, 3], [10, 11])).toBe(1);
  });

  it('is the largest CDF gap for overlapping samples', () => {
    // F_a: 1/4 at 1, 2/4 at 2, 3/4 at 3, 1 at 4; F_b: 0 before 3, 1/2 at 3, 1 at 4 -> gap 1/2 at x = 2.
    expect(ksStatistic([1, 2, 3, 4], [3, 4])).toBeCloseTo(0.5, 12);
  });

  it('does not count tied values as a gap', () => {
    expect(ksStatistic([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 12);
  });
});

describe('wasserstein1', () => {
  it('is the shift between a sample and its shifted copy', () => {
    const a = [0.5, 1, 4, 7, 7, 9];
    expect(
      wasserstein1(
        a,
        a.map((v) => v + 2.5),
      ),
    ).toBeCloseTo(2.5, 12);
  });

  it('is 0 for the same values in another order', () => {
    expect(wasserstein1([1, 5, 3], [3, 1, 5])).toBe(0);
  });

  it('moves mass between samples of different sizes', () => {
    // Half of {0, 0} must move to 1: cost 0.5.
    expect(wasserstein1([0, 0], [0, 1])).toBeCloseTo(0.5, 12);
    expect(wasserstein1([0], [0, 0, 3])).toBeCloseTo(1, 12);
  });
});

describe('moments', () => {
  it('gives the mean and population variance', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBe(4);
  });

  it('gives correlation +1, -1 and NaN without spread', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});
