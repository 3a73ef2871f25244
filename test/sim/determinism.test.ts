import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { trajectoryHash } from '../../src/sim/trajectoryHash.js';
import { straightRoadScenario } from './fixtures.js';

describe('determinism', () => {
  it('gives the same trajectory hash for two runs of one instance', () => {
    const run = (): string => {
      const { instance, network } = straightRoadScenario({
        simulation: { durationS: 6 },
        road: { lanes: { forward: 2, backward: 1 }, surface: 'wet' },
        ego: { place: { lane: 1, s: 20 }, speedMps: 15, behaviours: [{ do: 'keepLane', speedMps: 18 }] },
        actors: [
          { id: 'cutter', kind: 'van', place: { lane: 2, s: 30 }, speedMps: 18, behaviours: [{ do: 'cutIn', gapM: 8 }] },
          { id: 'ped', kind: 'pedestrian', place: { lane: 'sidewalk-left', s: 90, headingDeg: -90 }, behaviours: [{ do: 'cross', gait: 'run', trigger: { egoWithinM: 50 } }] },
          { id: 'parked', kind: 'car', place: { relativeTo: 'ped', aheadM: 0, leftM: 3 }, behaviours: [{ do: 'park', hazardLights: true }] },
        ],
      });
      return trajectoryHash(simulate(instance, network).trajectory);
    };
    const a = run();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(run()).toBe(a);
  });
});
