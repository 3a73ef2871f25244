import { describe, expect, it } from 'vitest';
import { idmEquilibriumGapM } from '../../src/sim/controllers/idm.js';
import { simulate } from '../../src/sim/simulate.js';
import { readState } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

describe('keepLane car-following (IDM)', () => {
  it('settles at the desired time gap behind a steady leader', () => {
    const timeGapS = 1.5;
    const minGapM = 2;
    const { instance, network } = straightRoadScenario(
      {
        simulation: { durationS: 50 },
        ego: { place: { lane: 1, s: 20 }, speedMps: 20, behaviours: [{ do: 'keepLane', speedMps: 40, timeGapS, minGapM, maxAccelMps2: 1.5, comfortDecelMps2: 2 }] },
        actors: [{ id: 'lead', kind: 'car', place: { lane: 1, s: 80 }, speedMps: 20 }],
      },
      1600,
    );
    const r = simulate(instance, network);
    const t = r.trajectory;
    const k = t.ticks - 1;
    const gapM = readState(t, k, 1, 'x') - readState(t, k, 0, 'x') - (t.actors[0].size.lengthM + t.actors[1].size.lengthM) / 2;
    const v = readState(t, k, 0, 'vx');
    expect(Math.abs(v - 20)).toBeLessThan(0.1);
    // The model's own equilibrium, and the time gap it implies, within a few per cent.
    const eq = idmEquilibriumGapM(20, 40, { timeGapS, minGapM, maxAccelMps2: 1.5, comfortDecelMps2: 2 });
    expect(Math.abs(gapM - eq) / eq).toBeLessThan(0.02);
    expect(Math.abs((gapM - minGapM) / v - timeGapS) / timeGapS).toBeLessThan(0.05);
  });
});
