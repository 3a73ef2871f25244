/** Scenario specs for sampling tests, made in code. */
import type { ScenarioSpec } from '../../src/scenario/types.js';

/** A small but complete scenario with named, derived and inline random values of every kind. */
export function cutInSpec(extra: ScenarioSpec = {}): ScenarioSpec {
  return {
    version: 1,
    name: 'cut-in fixture',
    parameters: {
      gapM: { uniform: [5, 30] },
      egoSpeedMps: { truncnormal: { mean: 20, sd: 4, min: 10, max: 30 } },
      cutInSpeedMps: '=egoSpeedMps - 2',
      lanes: { int: [2, 3] },
      vehicle: { choice: ['car', 'van', 'truck'], weights: [3, 1, 1] },
    },
    road: { lanes: { forward: '$lanes', backward: 1 }, blocks: [{ kind: 'straight', lengthM: 400 }] },
    weather: { rain: { uniform: [0, 1] }, fogVisibilityM: { normal: { mean: 500, sd: 50 } } },
    light: { streetLights: { choice: [true, false] } },
    ego: { place: { lane: 1, s: 20 }, speedMps: '$egoSpeedMps' },
    actors: [
      {
        id: 'cutter',
        kind: '$vehicle',
        place: { lane: 2, s: '=20 + gapM' },
        speedMps: '$cutInSpeedMps',
        behaviours: [{ do: 'cutIn', gapM: '$gapM', lateralSpeedMps: { uniform: [0.5, 2] } }],
      },
    ],
    ...extra,
  };
}
