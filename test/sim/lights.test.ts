import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.js';
import { LIGHT, readState } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

describe('vehicle lights', () => {
  const { instance, network } = straightRoadScenario({
    simulation: { durationS: 4 },
    light: { timeOfDayH: 23 },
    ego: { place: { lane: 1, s: 20 }, speedMps: 15, behaviours: [{ do: 'brake', decelMps2: 5, trigger: { atS: 1 } }] },
    actors: [{ id: 'broken', kind: 'car', place: { lane: -1, s: 150 }, behaviours: [{ do: 'park', hazardLights: true }] }],
  });
  const t = simulate(instance, network).trajectory;
  const lights = (k: number, a: number): number => readState(t, k, a, 'lights');

  it('burn head and tail lights by themselves at night', () => {
    expect(lights(0, 0) & (LIGHT.head | LIGHT.tail)).toBe(LIGHT.head | LIGHT.tail);
  });

  it('show brake lights while braking and not before', () => {
    expect(lights(50, 0) & LIGHT.brake).toBe(0);
    expect(lights(150, 0) & LIGHT.brake).toBe(LIGHT.brake);
  });

  it('blink hazards: both indicators on and off at 1.5 Hz', () => {
    const both = LIGHT.indicatorLeft | LIGHT.indicatorRight;
    const on: boolean[] = [];
    // Ticks 0..399 span [0, 3.99] s; the 4 s tick would open a 13th half period.
    for (let k = 0; k < t.ticks - 1; k++) {
      expect(lights(k, 1) & LIGHT.hazard).toBe(LIGHT.hazard);
      on.push((lights(k, 1) & both) === both);
    }
    let flips = 0;
    for (let k = 1; k < on.length; k++) if (on[k] !== on[k - 1]) flips++;
    // 4 s at 1.5 Hz: 12 half periods of 1/3 s, 11 changes between them.
    expect(flips).toBe(11);
  });
});
