/**
 * The space a search moves in: the unit cube of the sweep designs, one coordinate u per
 * random dimension, which the dimension's inverse CDF turns into a value.
 *
 * Under the declared distributions u is uniform on [0, 1)^d, so the declared density of any
 * point is 1 and an importance weight is 1 / (the proposal's density in u). Discrete
 * dimensions (choices, small integer ranges) split [0, 1) into one interval per value, as wide
 * as the value's declared probability; continuous dimensions are searched in z = Phi^-1(u),
 * where the declared distribution is a standard normal.
 */
import type { ScalarDistribution } from '../distributions.js';
import { normalQuantile } from '../normal.js';

/** Integer ranges with more values than this are searched as continuous coordinates. */
export const SEARCH_MAX_LEVELS = 64;

// The smallest and largest u the distributions accept (see distributions.ts).
const U_MIN = 2 ** -54;

export type SearchDimension =
  | { readonly kind: 'continuous'; readonly key: string }
  | {
      readonly kind: 'discrete';
      readonly key: string;
      /** Interval boundaries in u: value j is drawn for edges[j] <= u < edges[j + 1]. */
      readonly edges: readonly number[];
      /** Declared probability of each value (edges[j + 1] - edges[j]). */
      readonly widths: readonly number[];
    };

/** Interval boundaries of a finite distribution, recovered from its level midpoints. */
function levelEdges(distribution: ScalarDistribution): number[] {
  const n = distribution.levelCount;
  const edges = [0];
  for (let j = 0; j < n; j++) edges.push(Math.min(1, Math.max(edges[j], 2 * distribution.levelU(j) - edges[j])));
  edges[n] = 1;
  return edges;
}

/** The search's view of a list of dimensions (in design order). */
export function searchDimensions(dimensions: readonly { key: string; distribution: ScalarDistribution }[]): SearchDimension[] {
  return dimensions.map(({ key, distribution }) => {
    const n = distribution.levelCount;
    if (!Number.isFinite(n) || n > SEARCH_MAX_LEVELS) return { kind: 'continuous', key };
    const edges = levelEdges(distribution);
    return { kind: 'discrete', key, edges, widths: edges.slice(1).map((e, j) => e - edges[j]) };
  });
}

/** The level of a discrete dimension that coordinate u selects. */
export function levelOf(dim: Extract<SearchDimension, { kind: 'discrete' }>, u: number): number {
  const { edges } = dim;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= u) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** z = Phi^-1(u), kept finite at the ends of the unit interval. */
export function zOf(u: number): number {
  return normalQuantile(Math.min(Math.max(u, U_MIN), 1 - U_MIN));
}
