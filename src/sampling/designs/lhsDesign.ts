/**
 * Latin hypercube design in blocks of `count` samples: within each block every dimension has
 * exactly one sample in each of its `count` equal strata. Sample i lies in block
 * floor(i / count) at position i mod count; its stratum in dimension d is a seeded permutation
 * of the block (keyed by seed, block and d) evaluated at that position, and its place inside
 * the stratum is drawn from sample i's own stream. So sample i depends only on
 * (seed, count, i): slices and shards of one sweep agree as long as they use the same count.
 */
import { IndexPermutation } from '../IndexPermutation.js';
import { assertSafeInteger, keyWords, uniformVector } from '../rng.js';
import { assertIndex, type Design } from './design.js';

const ONE_BELOW = 1 - 2 ** -53;

export function lhsDesign(dimensions: number, seed: number, count: number): Design {
  assertSafeInteger(count, 'Latin hypercube count');
  if (count < 1 || count > 2 ** 32) throw new RangeError(`Latin hypercube count must be in 1..2^32, got ${count}`);
  // Permutations of the block most recently used; a sweep walks blocks in order.
  let cachedBlock = -1;
  let permutations: IndexPermutation[] = [];
  const at = (index: number, tryNo: number): number[] => {
    assertIndex(index);
    const block = Math.floor(index / count);
    const position = index % count;
    if (block !== cachedBlock) {
      const blockKey = keyWords({ seed, index: block, tryNo: 0, purpose: 'design:lhs-strata' });
      permutations = Array.from({ length: dimensions }, (_, d) => new IndexPermutation(count, [...blockKey, d]));
      cachedBlock = block;
    }
    const jitter = uniformVector({ seed, index, tryNo, purpose: 'design:lhs-jitter' }, dimensions);
    // Rounding can reach 1 for the top stratum of a huge block; the unit cube is half-open.
    return jitter.map((v, d) => Math.min((permutations[d].at(position) + v) / count, ONE_BELOW));
  };
  return {
    name: 'lhs',
    point: (index) => at(index, 0),
    // The same stratum in every dimension, another place inside it.
    retry: at,
  };
}
