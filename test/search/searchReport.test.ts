/** The report's search section, from the record a search result file carries. */
import { describe, expect, it } from 'vitest';
import { coverageResultSpec, searchResultSpec } from '../../src/dataset/search/searchResult.js';
import { collectDimensions } from '../../src/sampling/dimensions.js';
import { coverageDesign } from '../../src/sampling/search/coverage.js';
import type { SearchOutcome } from '../../src/sampling/search/types.js';
import type { InstanceRow } from '../../src/report/instances.js';
import { coverageBeforeAfterChart, criticalityChart, searchSection } from '../../src/report/searchReport.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';

const SPEC: ScenarioSpec = {
  version: 1,
  name: 'r',
  parameters: { rain: { uniform: [0, 1] }, kind: { choice: ['car', 'van'] } },
  road: { blocks: [{ kind: 'straight', lengthM: 100 }] },
  ego: { place: { lane: 1, s: 10 }, speedMps: 10 },
};

const source = (spec: ScenarioSpec) => ({ path: 'x.json', spec, dimensions: collectDimensions(spec), sameAsRun: true });
const row = (i: number, weight?: number): InstanceRow => ({
  sampleIndex: i,
  instanceHash: String(i),
  seed: 0,
  parameters: {},
  metrics: { minTtcS: null, minDistanceM: null, collisions: 0, hardBrakes: 0, nearMiss: false, nearMissTtcS: 1.5 },
  frames: 1,
  focusFrames: 1,
  ...(weight !== undefined ? { weight } : {}),
});

function outcome(scores: number[], collisions: number[]): SearchOutcome {
  const rollouts = scores.map((score, i) => ({ rollout: i, iteration: 0, u: [0.5, 0.5], weight: 1, score, collision: collisions.includes(i), metrics: {}, hash: String(i) }));
  return { method: 'cem', seed: 1, budget: scores.length, rollouts, kept: [rollouts[2]], firstCollisionAt: collisions.length ? collisions[0] + 1 : null, declaredAcceptance: 1 };
}

describe('search report section', () => {
  it('is absent for a dataset not made from a search', () => {
    expect(searchSection(source(SPEC), [row(0)])).toBeNull();
    expect(searchSection(null, [row(0)])).toBeNull();
  });

  it('draws criticality against rollouts: every score, the best so far, collisions marked', () => {
    const spec = searchResultSpec(SPEC, 'x.yaml', 'collision', outcome([-3, -1, 12, -2, 11], [2, 4]), 'cmd');
    const s = searchSection(source(spec), [row(0, 2), row(1, 0.5)])!;
    expect(s.bestSoFar).toEqual([-3, -1, 12, 12, 12]);
    expect(s.collisionRollouts).toEqual([2, 4]);
    expect(s.firstCollisionAt).toBe(3);
    expect(s.weights).toEqual([2, 0.5]);
    expect(s.effectiveSampleSize).toBeCloseTo(2.5 ** 2 / 4.25, 12);
    const chart = criticalityChart(s);
    expect(chart.data[1].y).toEqual(s.bestSoFar);
  });

  it('shows coverage before and after for a coverage design', () => {
    const result = coverageDesign(SPEC, { levels: 3, target: 1, budget: 100, seed: 1 });
    const spec = coverageResultSpec(SPEC, 'x.yaml', result, 1, 'cmd');
    const s = searchSection(
      source(spec),
      result.samples.map((x, i) => row(i, x.weight)),
    )!;
    expect(s.design).toBe('coverage');
    expect(s.coverage!.after).toBe(1);
    expect(coverageBeforeAfterChart(s.coverage!).data[0].y).toEqual([result.before, 1]);
  });
});
