/** A search result file is a sweep: sample i is the i-th kept instance, with its weight. */
import { describe, expect, it } from 'vitest';
import { searchResultSpec } from '../../src/dataset/search/searchResult.js';
import { SamplingError } from '../../src/sampling/errors.js';
import { createSampler, sampleRange } from '../../src/sampling/sample.js';
import { search } from '../../src/sampling/search/search.js';
import { searchRecordOf } from '../../src/sampling/search/searchRecord.js';
import type { Evaluator } from '../../src/sampling/search/types.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';

const SPEC: ScenarioSpec = {
  version: 1,
  name: 'kept instances',
  parameters: { gapM: { uniform: [5, 50] }, kind: { choice: ['car', 'van'] } },
  requires: ['gapM > 8'],
  road: { blocks: [{ kind: 'straight', lengthM: 200 }] },
  ego: { place: { lane: 1, s: 10 }, speedMps: { uniform: [8, 20] } },
  actors: [{ id: 'lead', kind: '$kind', place: { lane: 1, s: '=10 + gapM' }, speedMps: 5 }],
};

const closeGap: Evaluator = async (samples) => samples.map((s) => ({ score: -(s.parameters.gapM as number), collision: false, metrics: {} }));

describe('search design', () => {
  it('replays the kept instances, most critical first, with their weights, in slices too', async () => {
    const outcome = await search(SPEC, closeGap, { method: 'cem', budget: 90, seed: 2, keep: 6 });
    const result = JSON.parse(JSON.stringify(searchResultSpec(SPEC, 'kept.yaml', 'distance', outcome, 'test'))) as ScenarioSpec;
    const sampler = createSampler(result, { seed: 0, design: 'search', count: 6 });
    outcome.kept.forEach((k, i) => {
      const s = sampler.sample(i);
      expect(s.hash).toBe(k.hash);
      expect(s.weight).toBe(k.weight);
      expect(s.tries).toBe(1);
    });
    const slice = sampleRange(result, { seed: 0, design: 'search', count: 6 }, 3, 3);
    expect(slice.map((s) => s.hash)).toEqual(outcome.kept.slice(3).map((k) => k.hash));
    expect(searchRecordOf(result)?.history.score).toHaveLength(90);
  });

  it('refuses a sweep longer than what the search kept, and a file that holds no search', async () => {
    const outcome = await search(SPEC, closeGap, { method: 'random', budget: 10, seed: 1, keep: 2 });
    const result = searchResultSpec(SPEC, 'kept.yaml', 'distance', outcome, 'test');
    expect(() => createSampler(result, { seed: 0, design: 'search', count: 3 })).toThrow(SamplingError);
    expect(() => createSampler(SPEC, { seed: 0, design: 'search', count: 1 })).toThrow(/roadsynth search/);
  });
});
