import { describe, expect, it } from 'vitest';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { applyDefaults } from '../../src/scenario/defaults.js';
import { simulate } from '../../src/sim/simulate.js';
import { readState, type SimResult, type StateField } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

function runStraight(actor: { [key: string]: unknown }, durationS: number): SimResult {
  const { instance, network } = straightRoadScenario({
    simulation: { durationS },
    ego: { place: { lane: 1, s: 5 }, speedMps: 0 },
    actors: [{ id: 'a', ...actor } as never],
  });
  return simulate(instance, network);
}

const at = (r: SimResult, k: number, field: StateField): number => readState(r.trajectory, k, 1, field);
const tickOf = (r: SimResult, timeS: number): number => Math.round(timeS / r.trajectory.dtS);

describe('behaviours', () => {
  it('openDoor swings the door from 0 to 1 over its duration', () => {
    const r = runStraight({ kind: 'car', place: { lane: -1, s: 50 }, behaviours: [{ do: 'park' }, { do: 'openDoor', durationS: 1, trigger: { atS: 1 } }] }, 3);
    expect(at(r, tickOf(r, 0.9), 'door')).toBe(0);
    expect(at(r, tickOf(r, 1.5), 'door')).toBeCloseTo(0.5, 1);
    expect(at(r, tickOf(r, 2.5), 'door')).toBe(1);
  });

  it('swerve moves out by offsetM and comes back to the lane', () => {
    const r = runStraight({ kind: 'car', place: { lane: 1, s: 40 }, speedMps: 10, behaviours: [{ do: 'swerve', offsetM: 1.5, durationS: 4, trigger: { atS: 1 } }] }, 8);
    const y0 = at(r, 0, 'y');
    let peak = 0;
    for (let k = 0; k < r.trajectory.ticks; k++) peak = Math.max(peak, at(r, k, 'y') - y0);
    expect(peak).toBeGreaterThan(1.2);
    expect(peak).toBeLessThan(1.7);
    expect(Math.abs(at(r, r.trajectory.ticks - 1, 'y') - y0)).toBeLessThan(0.1);
  });

  it('wrongWay drives against the direction of its lane', () => {
    const r = runStraight({ kind: 'car', place: { lane: 1, s: 200 }, speedMps: 12, behaviours: [{ do: 'wrongWay' }] }, 4);
    expect(Math.abs(Math.cos(at(r, r.trajectory.ticks - 1, 'yawRad')) + 1)).toBeLessThan(0.01);
    expect(at(r, r.trajectory.ticks - 1, 'x')).toBeLessThan(200 - 40);
    expect(Math.abs(at(r, r.trajectory.ticks - 1, 'y') - at(r, 0, 'y'))).toBeLessThan(0.2);
  });

  it('stop halts a vehicle, stands for its duration, then it drives on', () => {
    const r = runStraight({ kind: 'car', place: { lane: 1, s: 40 }, speedMps: 10, behaviours: [{ do: 'stop', durationS: 3, trigger: { atS: 1 } }] }, 14);
    const speed = (k: number): number => Math.hypot(at(r, k, 'vx'), at(r, k, 'vy'));
    // 10 m/s at 3 m/s^2 takes 3.3 s: standing from about 4.4 s to 7.4 s.
    expect(speed(tickOf(r, 4.6))).toBeLessThan(0.1);
    expect(speed(tickOf(r, 7.2))).toBeLessThan(0.1);
    expect(speed(r.trajectory.ticks - 1)).toBeGreaterThan(9);
  });

  it('accelerate reaches its target speed at its rate', () => {
    const r = runStraight({ kind: 'car', place: { lane: 1, s: 40 }, speedMps: 10, behaviours: [{ do: 'accelerate', toSpeedMps: 16, accelMps2: 2, trigger: { atS: 1 } }] }, 8);
    expect(at(r, tickOf(r, 2.5), 'vx')).toBeCloseTo(13, 0);
    expect(at(r, r.trajectory.ticks - 1, 'vx')).toBeCloseTo(16, 1);
  });

  it('walking advances the gait phase one cycle per stride', () => {
    const r = runStraight({ kind: 'pedestrian', place: { lane: 'sidewalk-right', s: 30 }, speedMps: 1.4 }, 5);
    const phases = Array.from({ length: r.trajectory.ticks }, (_, k) => at(r, k, 'gaitPhase'));
    expect(phases.every((p) => p >= 0 && p < 1)).toBe(true);
    let cycles = 0;
    for (let k = 1; k < phases.length; k++) if (phases[k] < phases[k - 1]) cycles++;
    // An adult (1.75 m) strides 0.8 x height = 1.4 m per gait cycle.
    const walked = at(r, r.trajectory.ticks - 1, 'x') - at(r, 0, 'x');
    expect(cycles).toBe(Math.floor(walked / 1.4));
  });

  it('turn left at a junction leaves on the left arm', () => {
    const instance = applyDefaults({
      version: 1,
      name: 'turn',
      simulation: { durationS: 14 },
      road: {
        blocks: [
          { kind: 'straight', lengthM: 80 },
          { kind: 'junction', id: 'J1', shape: 'four-way', armLengthM: 60 },
          { kind: 'straight', lengthM: 100 },
        ],
      },
      ego: {
        place: { lane: 1, s: 30 },
        speedMps: 8,
        behaviours: [
          { do: 'keepLane', speedMps: 8 },
          { do: 'turn', at: 'J1', direction: 'left' },
        ],
      },
    });
    const network = buildRoadNetwork(instance.road, instance.weather);
    const t = simulate(instance, network).trajectory;
    const k = t.ticks - 1;
    const arm = network.roads.get('J1.left')!;
    const p = { x: readState(t, k, 0, 'x'), y: readState(t, k, 0, 'y') };
    const local = arm.localCoordinates(p);
    expect(local.s).toBeGreaterThan(5);
    expect(local.t).toBeGreaterThan(arm.carriagewayT.right);
    expect(local.t).toBeLessThan(arm.carriagewayT.left);
  });
});
