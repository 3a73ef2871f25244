import { describe, expect, it } from 'vitest';
import { kerbT } from '../../src/sim/behaviours/cross.js';
import { simulate } from '../../src/sim/simulate.js';
import { readState } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

describe('pedestrian crossing', () => {
  it('reaches the far kerb in the time its speed gives', () => {
    const speedMps = 1.4;
    const { instance, network } = straightRoadScenario({
      simulation: { durationS: 14 },
      road: { sidewalks: { left: true, right: true, widthM: 2 } },
      ego: { place: { lane: 1, s: 5 }, speedMps: 0 },
      actors: [
        {
          id: 'ped',
          kind: 'pedestrian',
          place: { lane: 'sidewalk-right', s: 60, headingDeg: 90 },
          behaviours: [{ do: 'cross', speedMps, trigger: { atS: 1 } }],
        },
      ],
    });
    const r = simulate(instance, network);
    const t = r.trajectory;
    const road = network.roads.get('main')!;
    const kerb = kerbT(road, instance.road, 'left');
    const y0 = readState(t, 0, 1, 'y');
    let k = 0;
    while (k < t.ticks && readState(t, k, 1, 'y') < kerb) k++;
    expect(k).toBeLessThan(t.ticks);
    const start = r.events.find((e) => e.kind === 'behaviour' && e.actor === 'ped')!.timeS;
    // Constant speed after a start at the pedestrian's acceleration limit (3 m/s^2).
    const expected = (kerb - y0) / speedMps + speedMps / (2 * 3);
    expect(Math.abs(k * t.dtS - start - expected) / expected).toBeLessThan(0.02);
  });
});
