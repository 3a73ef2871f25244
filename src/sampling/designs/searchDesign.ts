/**
 * The sweep of a search result: sample i is the i-th point that `roadsynth search` kept, with
 * its importance weight. The points already met the requirements when they were searched, so
 * there is nothing to retry.
 */
import { SamplingError } from '../errors.js';
import { assertIndex, type Design } from './design.js';

export function searchDesign(dimensions: number, samples: readonly { u: readonly number[]; weight: number }[] | undefined): Design {
  if (!samples || samples.length === 0) {
    throw new SamplingError(
      'the search design renders the samples a search kept (sweep.samples); this file has none: run "roadsynth search" on it and use the file it writes',
      '/sweep',
    );
  }
  samples.forEach((s, i) => {
    if (s.u.length !== dimensions) {
      throw new SamplingError(
        `sample ${i} has ${s.u.length} coordinates and the scenario has ${dimensions} random dimensions; the scenario changed after the search, search again`,
        `/sweep/samples/${i}/u`,
      );
    }
  });
  const sample = (index: number) => {
    assertIndex(index);
    if (index >= samples.length)
      throw new SamplingError(`the search kept ${samples.length} samples; sample ${index} is past them (use --count ${samples.length} or fewer)`, '/sweep/samples');
    return samples[index];
  };
  return {
    name: 'search',
    point: (index) => [...sample(index).u],
    weight: (index) => sample(index).weight,
  };
}
