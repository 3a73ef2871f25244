/**
 * What a declared distribution puts in each level or bin of an axis. Distributions expose only
 * their inverse CDF (quantile), so the probability of a bin is the share of an even grid of
 * cumulative probabilities u whose quantile lands in it: exact for levels up to the grid
 * step, and the density integrated over each bin for continuous distributions.
 */
import type { ScalarDistribution } from '../sampling/distributions.js';
import type { ParamValue } from '../scenario/types.js';
import { axisIndex, axisSize } from './paramAxis.js';
import type { ParamAxis } from './paramAxis.js';

/** Grid points over u in (0, 1); the probabilities are accurate to 1 / U_GRID. */
export const U_GRID = 20000;

/** The distribution's quantiles at the midpoints of U_GRID equal steps of u. */
export function quantileGrid(dist: ScalarDistribution, points = U_GRID): ParamValue[] {
  return Array.from({ length: points }, (_, k) => dist.quantile((k + 0.5) / points));
}

/** Probability of each level or bin of `axis` under `dist`; what falls outside the axis is dropped. */
export function declaredProbabilities(dist: ScalarDistribution, axis: ParamAxis, points = U_GRID): number[] {
  const p = new Array<number>(axisSize(axis)).fill(0);
  for (const v of quantileGrid(dist, points)) {
    const i = axisIndex(axis, v);
    if (i >= 0) p[i] += 1 / points;
  }
  return p;
}
