import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { straightRoadScenario } from './fixtures.js';

describe('collision detection', () => {
  it('reports a car running into a standing car at the analytic contact tick', () => {
    const speedMps = 15;
    const { instance, network } = straightRoadScenario({
      simulation: { durationS: 5 },
      ego: { place: { lane: 1, s: 20 }, speedMps },
      actors: [{ id: 'stalled', kind: 'car', place: { lane: 1, s: 60 } }],
    });
    const r = simulate(instance, network);
    const gapM = 40 - (instance.ego.size.lengthM + instance.actors[0].size.lengthM) / 2;
    const contactTick = Math.ceil(gapM / speedMps / instance.simulation.dtS);
    const hits = r.events.filter((e) => e.kind === 'collision');
    expect(hits.length).toBeGreaterThanOrEqual(1);
    const hit = hits[0];
    expect(hit.kind === 'collision' && [hit.a, hit.b].sort()).toEqual(['ego', 'stalled']);
    expect(Math.abs(hit.tick - contactTick)).toBeLessThanOrEqual(1);
    expect(hit.kind === 'collision' && Math.abs(hit.relativeSpeedMps - speedMps)).toBeLessThan(0.5);
    expect(r.metrics.collisions).toBeGreaterThanOrEqual(1);
    expect(r.metrics.nearMiss).toBe(false);
  });
});
