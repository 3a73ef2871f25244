/**
 * Pairwise coverage of the parameter space: how many instances fell in each cell of two binned
 * parameters, and which cells stayed empty although the declared distributions give them
 * probability (or, without declared distributions, any empty cell).
 */
import type { ParamValue } from '../scenario/types.js';
import { axisIndex, axisLabels, axisSize } from './paramAxis.js';
import type { ParamAxis } from './paramAxis.js';

export interface EmptyCell {
  x: string;
  y: string;
  /** Expected share of instances under independent declared marginals; null when unknown. */
  expected: number | null;
}

export interface CoverageGrid {
  x: ParamAxis;
  y: ParamAxis;
  /** counts[yi][xi]: instances in each cell. */
  counts: number[][];
  empty: EmptyCell[];
  /** Share of cells (with nonzero expected share, where known) that hold an instance. */
  covered: number;
}

/**
 * Counts `points` (x value, y value) into the cells of two axes. `expectedX`/`expectedY` are the
 * declared probabilities of each level or bin; cells they give no probability are not
 * counted as missing. Requirements in a scenario may make more cells impossible than the
 * marginals show, so an empty cell is a hint, not proof, of a gap.
 */
export function coverageGrid(
  x: ParamAxis,
  y: ParamAxis,
  points: readonly [ParamValue, ParamValue][],
  expectedX: readonly number[] | null = null,
  expectedY: readonly number[] | null = null,
): CoverageGrid {
  const nx = axisSize(x);
  const ny = axisSize(y);
  const counts = Array.from({ length: ny }, () => new Array<number>(nx).fill(0));
  for (const [vx, vy] of points) {
    const i = axisIndex(x, vx);
    const j = axisIndex(y, vy);
    if (i >= 0 && j >= 0) counts[j][i] += 1;
  }
  const lx = axisLabels(x);
  const ly = axisLabels(y);
  const empty: EmptyCell[] = [];
  let possible = 0;
  let filled = 0;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const expected = expectedX && expectedY ? expectedX[i] * expectedY[j] : null;
      if (expected !== null && expected <= 0) continue;
      possible += 1;
      if (counts[j][i] > 0) filled += 1;
      else empty.push({ x: lx[i], y: ly[j], expected });
    }
  }
  return { x, y, counts, empty, covered: possible > 0 ? filled / possible : 1 };
}
