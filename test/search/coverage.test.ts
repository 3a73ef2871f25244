/** The coverage design fills a grid over declared parameters, one instance per empty cell. */
import { describe, expect, it } from 'vitest';
import { cellOf, coverageAxes, coverageDesign } from '../../src/sampling/search/coverage.js';
import { compileSpec } from '../../src/sampling/resolve.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';

function spec(requires: string[] = []): ScenarioSpec {
  return {
    version: 1,
    name: 'small grid',
    parameters: {
      rain: { uniform: [0, 1] },
      timeOfDayH: { choice: [8, 21] },
      pedKind: { choice: ['adult', 'child', 'elderly'], weights: [6, 3, 1] },
      speed: { uniform: [5, 15] },
    },
    requires,
    road: { blocks: [{ kind: 'straight', lengthM: 100 }] },
    ego: { place: { lane: 1, s: 10 }, speedMps: 10 },
  };
}

describe('coverage design', () => {
  it('reaches 100 % of a small grid with no more instances than cells', () => {
    const r = coverageDesign(spec(), { levels: 2, target: 1, budget: 1000, seed: 3 });
    // rain (2 bins) x time of day (2 values) x kind (3 values); speed is not a weather, light or kind parameter.
    expect(r.axes.map((a) => a.key)).toEqual(['rain', 'timeOfDayH', 'pedKind']);
    expect(r.cells).toBe(12);
    expect(r.samples.length).toBeLessThanOrEqual(r.cells);
    expect(r.after).toBe(1);
    expect(r.reached).toBe(true);
    const { axes, positions } = coverageAxes(compileSpec(spec()), undefined, 2);
    expect(new Set(r.samples.map((s) => cellOf(axes, positions, s.u))).size).toBe(12);
    // As many random draws leave cells empty (the elderly at night are rare).
    expect(r.before).toBeLessThan(1);
  });

  it('stops at the target share', () => {
    const r = coverageDesign(spec(), { levels: 2, target: 0.5, budget: 1000, seed: 3 });
    expect(r.samples).toHaveLength(6);
    expect(r.after).toBe(0.5);
  });

  it('reports cells no instance can fill and does not claim the target', () => {
    const r = coverageDesign(spec(['!(pedKind == "child" && timeOfDayH > 20)']), { levels: 2, target: 1, budget: 1000, seed: 3, triesPerCell: 50 });
    expect(r.infeasible).toBe(2);
    expect(r.samples).toHaveLength(10);
    expect(r.reached).toBe(false);
  });

  it('weights re-weight the cells back to their declared probabilities', () => {
    const r = coverageDesign(spec(), { levels: 2, target: 1, budget: 1000, seed: 5 });
    const { axes } = coverageAxes(compileSpec(spec()), undefined, 2);
    const kind = axes.find((a) => a.key === 'pedKind')!;
    const total = r.samples.reduce((a, s) => a + s.weight, 0);
    // Share of weight on elderly cells equals the declared 10 %.
    const k = compileSpec(spec()).dimensions.findIndex((d) => d.key === 'pedKind');
    const elderly = r.samples.filter((s) => s.u[k] >= kind.edges[2]).reduce((a, s) => a + s.weight, 0);
    expect(total).toBeCloseTo(12, 9);
    expect(elderly / total).toBeCloseTo(0.1, 9);
  });

  it('--cells picks the grid', () => {
    const r = coverageDesign(spec(), { keys: ['speed', 'pedKind'], levels: 4, target: 1, budget: 1000, seed: 1 });
    expect(r.cells).toBe(12);
    expect(r.after).toBe(1);
    expect(() => coverageDesign(spec(), { keys: ['nope'], levels: 2, target: 1, budget: 10, seed: 1 })).toThrow(/not a random dimension/);
  });
});
