/** Independent uniform coordinates for every sample: plain Monte Carlo. */
import { uniformVector } from '../rng.js';
import { assertIndex, type Design } from './design.js';

export function randomDesign(dimensions: number, seed: number): Design {
  return {
    name: 'random',
    point(index) {
      assertIndex(index);
      return uniformVector({ seed, index, tryNo: 0, purpose: 'design:random' }, dimensions);
    },
  };
}
