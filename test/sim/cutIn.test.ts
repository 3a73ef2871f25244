import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { LIGHT, readState } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

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
  const length = (t.actors[0].size.lengthM + t.actors[1].size.lengthM) / 2;
  const gapAt = (k: number): number => readState(t, k, 1, 'x') - readState(t, k, 0, 'x') - length;

  it('starts at the tick the gap ahead of the ego reaches gapM', () => {
    const start = r.events.find((e) => e.kind === 'behaviour' && e.actor === 'cutter')!.tick;
    expect(gapAt(start)).toBeLessThanOrEqual(gapM);
    expect(gapAt(start - 1)).toBeGreaterThan(gapM);
  });

  it('ends in the ego lane, signalling towards it on the way', () => {
    const egoLaneY = readState(t, 0, 0, 'y');
    expect(Math.abs(readState(t, t.ticks - 1, 1, 'y') - egoLaneY)).toBeLessThan(0.15);
    let lit = 0;
    for (let k = 0; k < t.ticks; k++) if (readState(t, k, 1, 'lights') & LIGHT.indicatorLeft) lit++;
    expect(lit).toBeGreaterThan(10);
  });
});
