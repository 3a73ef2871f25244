/**
 * Pairwise (all-pairs) design. The discrete dimensions (choices, and integer ranges and
 * constants with at most PAIRWISE_MAX_LEVELS values) follow the rows of a covering array, so
 * every pair of values of every two discrete dimensions appears within each run of `rows`
 * samples; continuous dimensions are drawn at random per sample.
 *
 * Sample i uses row i mod rows. Each pass over the rows relabels every discrete dimension's
 * values with a permutation seeded by (seed, pass, dimension): relabelling keeps the covering
 * property, and it makes later passes and other seeds explore other combinations.
 */
import { IndexPermutation } from '../IndexPermutation.js';
import { keyWords, uniformVector } from '../rng.js';
import { coveringArray } from './coveringArray.js';
import { assertIndex, type Design, type DesignDimension } from './design.js';

/** Integer ranges with more values than this are treated as continuous. */
export const PAIRWISE_MAX_LEVELS = 16;

export function isPairwiseDiscrete(d: DesignDimension): boolean {
  return d.kind === 'choice' || d.levelCount <= PAIRWISE_MAX_LEVELS;
}

export interface PairwiseDesign extends Design {
  /** Rows of the covering array, i.e. samples per pass. */
  readonly rows: number;
  /** Positions of the discrete dimensions among all dimensions. */
  readonly discrete: readonly number[];
}

export function pairwiseDesign(dimensions: readonly DesignDimension[], seed: number): PairwiseDesign {
  const discrete = dimensions.map((d, i) => (isPairwiseDiscrete(d) ? i : -1)).filter((i) => i >= 0);
  const array = coveringArray(discrete.map((i) => dimensions[i].levelCount));
  let cachedPass = -1;
  let relabel: IndexPermutation[] = [];
  return {
    name: 'pairwise',
    rows: array.length,
    discrete,
    point: (index) => at(index, 0),
    // The same row of discrete values; continuous dimensions drawn again.
    retry: at,
  };
  function at(index: number, tryNo: number): number[] {
    assertIndex(index);
    const pass = Math.floor(index / array.length);
    if (pass !== cachedPass) {
      const passKey = keyWords({ seed, index: pass, tryNo: 0, purpose: 'design:pairwise-relabel' });
      relabel = discrete.map((i, c) => new IndexPermutation(dimensions[i].levelCount, [...passKey, c]));
      cachedPass = pass;
    }
    const out = uniformVector({ seed, index, tryNo, purpose: 'design:pairwise' }, dimensions.length);
    const row = array[index % array.length];
    discrete.forEach((i, c) => {
      out[i] = dimensions[i].levelU(relabel[c].at(row[c]));
    });
    return out;
  }
}
