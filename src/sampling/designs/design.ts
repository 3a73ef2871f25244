/**
 * A sweep design: a rule that gives sample i a point in the unit cube [0, 1)^d, one
 * coordinate per random dimension, which the dimension's inverse CDF turns into a value.
 */
import type { DesignName } from '../../scenario/types.js';
import type { DistributionKind } from '../distributions.js';

/** What a design needs to know about one dimension. */
export interface DesignDimension {
  readonly kind: DistributionKind;
  /** Distinct values; Infinity for continuous distributions. */
  readonly levelCount: number;
  /** A coordinate that selects the j-th value; only for finite levelCount. */
  levelU(j: number): number;
}

export interface Design {
  readonly name: DesignName;
  /** The point of sample `index` (a non-negative safe integer), in [0, 1)^d. */
  point(index: number): number[];
  /**
   * Another point in the same cell of the design as point(index), for rejection try `tryNo`
   * (>= 1); see retry.ts. Absent where any point is as good (random).
   */
  retry?(index: number, tryNo: number): number[];
  /** Importance weight of sample `index` (design "search"); absent: 1. */
  weight?(index: number): number;
}

export interface DesignOptions {
  seed: number;
  /** Latin hypercube block size: the number of samples in the sweep. */
  count?: number;
  /** Levels per continuous dimension in a grid design. */
  gridLevels?: number;
  /** The searched points and their weights (design "search", from the file's sweep.samples). */
  searchSamples?: readonly { u: readonly number[]; weight: number }[];
}

/** Checks a sample index before it is used as a coordinate of a design. */
export function assertIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`sample index must be a non-negative integer, got ${index}`);
}
