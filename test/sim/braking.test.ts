import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { readState } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

const G = 9.81;

/** Distance the ego covers from the tick its brake starts until it stands [m]. */
function stoppingDistanceM(surface: string): { distanceM: number; mu: number } {
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 25 },
    road: { surface },
    ego: { place: { lane: 1, s: 20 }, speedMps: 20, behaviours: [{ do: 'brake', decelMps2: 15, trigger: { atS: 1 } }] },
  });
  const r = simulate(instance, network);
  const t = r.trajectory;
  const start = r.events.find((e) => e.kind === 'behaviour' && e.behaviour === 'brake')!.tick;
  let stop = start;
  while (stop < t.ticks - 1 && readState(t, stop, 0, 'vx') > 0.01) stop++;
  return { distanceM: readState(t, stop, 0, 'x') - readState(t, start, 0, 'x'), mu: network.frictionMu };
}

describe('emergency braking', () => {
  for (const surface of ['dry', 'wet', 'ice']) {
    it(`stops from 20 m/s on a ${surface} road within 10 % of v^2 / (2 mu g)`, () => {
      const { distanceM, mu } = stoppingDistanceM(surface);
      const expected = (20 * 20) / (2 * mu * G);
      expect(Math.abs(distanceM - expected) / expected).toBeLessThan(0.1);
    });
  }
});
