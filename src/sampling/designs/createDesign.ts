/** Picks and builds a design by name. */
import type { DesignName } from '../../scenario/types.js';
import type { Design, DesignDimension, DesignOptions } from './design.js';
import { gridDesign } from './gridDesign.js';
import { lhsDesign } from './lhsDesign.js';
import { pairwiseDesign } from './pairwiseDesign.js';
import { randomDesign } from './randomDesign.js';
import { sobolDesign } from './sobolDesign.js';
import { searchDesign } from './searchDesign.js';

export function createDesign(name: DesignName, dimensions: readonly DesignDimension[], options: DesignOptions): Design {
  switch (name) {
    case 'random':
      return randomDesign(dimensions.length, options.seed);
    case 'grid':
      return gridDesign(dimensions, options.gridLevels);
    case 'lhs':
      if (options.count === undefined) throw new RangeError('the lhs design needs count: the number of samples in the sweep');
      return lhsDesign(dimensions.length, options.seed, options.count);
    case 'sobol':
      return sobolDesign(dimensions.length, options.seed);
    case 'pairwise':
      return pairwiseDesign(dimensions, options.seed);
    case 'search':
      return searchDesign(dimensions.length, options.searchSamples);
  }
}
