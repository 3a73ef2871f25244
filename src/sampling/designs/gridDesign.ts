/**
 * Full factorial design. Dimensions with finitely many values use all of them; continuous
 * dimensions use `gridLevels` quantile levels (j + 0.5) / k. Sample i is the mixed-radix
 * expansion of i with the last dimension varying fastest; indices past the number of cells
 * wrap around. A grid has no randomness, so the seed does not change it.
 */
import { uniformVector } from '../rng.js';
import { assertIndex, type Design, type DesignDimension } from './design.js';

export const DEFAULT_GRID_LEVELS = 3;

export function gridDesign(dimensions: readonly DesignDimension[], gridLevels = DEFAULT_GRID_LEVELS): Design {
  if (!Number.isInteger(gridLevels) || gridLevels < 1) throw new RangeError(`grid levels must be a positive integer, got ${gridLevels}`);
  const radix = dimensions.map((d) => (Number.isFinite(d.levelCount) ? d.levelCount : gridLevels));
  const coordinate = dimensions.map((d, k) => (Number.isFinite(d.levelCount) ? (j: number) => d.levelU(j) : (j: number) => (j + 0.5) / radix[k]));
  const levels = (index: number): number[] => {
    assertIndex(index);
    const out = new Array<number>(dimensions.length);
    let rest = index;
    for (let k = dimensions.length - 1; k >= 0; k--) {
      out[k] = rest % radix[k];
      rest = Math.floor(rest / radix[k]);
    }
    return out;
  };
  return {
    name: 'grid',
    point: (index) => levels(index).map((j, k) => coordinate[k](j)),
    // The same value of each discrete dimension; continuous ones anywhere in their grid cell.
    retry(index, tryNo) {
      const jitter = uniformVector({ seed: 0, index, tryNo, purpose: 'design:grid-retry' }, dimensions.length);
      return levels(index).map((j, k) => (Number.isFinite(dimensions[k].levelCount) ? coordinate[k](j) : (j + jitter[k]) / radix[k]));
    },
  };
}

/** Number of cells of the full factorial (may be Infinity for huge grids). */
export function gridCellCount(dimensions: readonly DesignDimension[], gridLevels = DEFAULT_GRID_LEVELS): number {
  return dimensions.reduce((n, d) => n * (Number.isFinite(d.levelCount) ? d.levelCount : gridLevels), 1);
}
