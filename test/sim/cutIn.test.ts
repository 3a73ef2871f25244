import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { LIGHT } from '../../src/sim/types.js';
import { stateAt, straightRoadScenario } from './fixtures.js';

describe('cut-in', () => {
  const gapM = 15;
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 14 },
    road: { lanes: { forward: 2, backward: 1 } },
    ego: { place: { lane: 1, s: 20 }, speedMps: 20, behaviours: [{ do: 'keepLane', speedMps: 20 }] },
    actors: [{ id: 'cutter', kind: 'car', place: { lane: 2, s: 55 }, speedMps: 16, behaviours: [{ do: 'cutIn', gapM, lateralSpeedMps: 1.2 }] }],
  });
  const r = simulate(instance, network);
  const t = r.trajectory;
  const n = t.actors.length;
  const length = (t.actors[0].size.lengthM + t.actors[1].size.lengthM) / 2;
  const gapAt = (k: number): number => stateAt(t.states, n, k, 1, 0) - stateAt(t.states, n, k, 0, 0) - length;

  it('starts at the tick the gap ahead of the ego reaches gapM', () => {
    const start = r.events.find((e) => e.kind === 'behaviour' && e.actor === 'cutter')!.tick;
    expect(gapAt(start)).toBeLessThanOrEqual(gapM);
    expect(gapAt(start - 1)).toBeGreaterThan(gapM);
  });

  it('ends in the ego lane, signalling towards it on the way', () => {
    const egoLaneY = stateAt(t.states, n, 0, 0, 1);
    expect(Math.abs(stateAt(t.states, n, t.ticks - 1, 1, 1) - egoLaneY)).toBeLessThan(0.15);
    let lit = 0;
    for (let k = 0; k < t.ticks; k++) if (stateAt(t.states, n, k, 1, 11) & LIGHT.indicatorLeft) lit++;
    expect(lit).toBeGreaterThan(10);
  });
});
