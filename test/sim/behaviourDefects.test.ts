/**
 * Behaviours and metrics that used to be wrong (issue 14): a turn ignoring its speed, a turn
 * after a lane change, crash decelerations counted as hard brakes, braking for a road end the
 * run never reaches, and near misses hidden by a collision with another actor.
 */
import { describe, expect, it } from 'vitest';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { applyDefaults } from '../../src/scenario/defaults.js';
import type { SpecNode } from '../../src/scenario/types.js';
import { SimulationError } from '../../src/sim/errors.js';
import { simulate } from '../../src/sim/simulate.js';
import { type HardBrakeEvent, readState, type SimResult } from '../../src/sim/types.js';
import { straightRoadScenario } from './fixtures.js';

/** Four-way junction J1 at s = 80 m of a road with two lanes each way. */
function junctionRun(spec: { [key: string]: SpecNode }, durationS: number): SimResult {
  const instance = applyDefaults({
    version: 1,
    name: 'junction',
    simulation: { durationS, dtS: 0.02 },
    road: {
      lanes: { forward: 2, backward: 2, widthM: 3.5 },
      blocks: [
        { kind: 'straight', id: 'approach', lengthM: 80 },
        { kind: 'junction', id: 'J1', shape: 'four-way', signals: false, armLengthM: 60 },
        { kind: 'straight', id: 'beyond', lengthM: 100 },
      ],
    },
    ego: { place: { lane: 1, s: 5 }, speedMps: 0 },
    ...spec,
  });
  return simulate(instance, buildRoadNetwork(instance.road, instance.weather));
}

function track(r: SimResult, id: string): { x: number[]; y: number[]; speed: number[] } {
  const t = r.trajectory;
  const a = t.actors.findIndex((info) => info.id === id);
  const out = { x: [] as number[], y: [] as number[], speed: [] as number[] };
  for (let k = 0; k < t.ticks; k++) {
    out.x.push(readState(t, k, a, 'x'));
    out.y.push(readState(t, k, a, 'y'));
    out.speed.push(Math.hypot(readState(t, k, a, 'vx'), readState(t, k, a, 'vy')));
  }
  return out;
}

const hardBrakes = (r: SimResult): HardBrakeEvent[] => r.events.filter((e): e is HardBrakeEvent => e.kind === 'hardBrake');

describe('behaviour defects of issue 14', () => {
  it('turn sets off an actor at rest and drives the turn at its speedMps', () => {
    const r = junctionRun(
      { actors: [{ id: 't', kind: 'car', place: { lane: 1, s: 70 }, speedMps: 0, behaviours: [{ do: 'turn', at: 'J1', direction: 'right', speedMps: 5 }] }] },
      8,
    );
    const t = track(r, 't');
    const moved = Math.hypot(t.x.at(-1)! - t.x[0], t.y.at(-1)! - t.y[0]);
    expect(moved).toBeGreaterThan(15);
    // It turned right: it left the main road's line sideways.
    expect(Math.abs(t.y.at(-1)! - t.y[0])).toBeGreaterThan(5);
    // ... at the turn's speed, not the 7 m/s default nor the road's speed limit.
    expect(Math.max(...t.speed)).toBeGreaterThan(4);
    expect(Math.max(...t.speed)).toBeLessThan(5.6);
  });

  it('turn at a lower speedMps than the cruise slows the actor to it through the junction', () => {
    const r = junctionRun(
      {
        actors: [
          {
            id: 't',
            kind: 'car',
            place: { lane: 1, s: 20 },
            speedMps: 10,
            behaviours: [
              { do: 'keepLane', speedMps: 10 },
              { do: 'turn', at: 'J1', direction: 'left', speedMps: 4 },
            ],
          },
        ],
      },
      12,
    );
    const t = track(r, 't');
    // Inside the junction (x between 80 and 100 m on the main road's line) it drives at about 4 m/s.
    const inside = t.speed.filter((_, k) => t.x[k] > 88 && t.x[k] < 96);
    expect(inside.length).toBeGreaterThan(0);
    expect(Math.max(...inside)).toBeLessThan(5.2);
  });

  for (const direction of ['left', 'right', 'straight'] as const) {
    it(`turn ${direction} after a lane change routes from the new lane`, () => {
      const r = junctionRun(
        {
          actors: [
            {
              id: 'lc',
              kind: 'car',
              place: { lane: 1, s: 20 },
              speedMps: 8,
              behaviours: [
                { do: 'keepLane', speedMps: 8 },
                { do: 'laneChange', toLane: 2, trigger: { atS: 0.5 } },
                { do: 'turn', at: 'J1', direction, trigger: { afterPreviousS: 1 } },
              ],
            },
          ],
        },
        12,
      );
      expect(r.events.filter((e) => e.kind === 'behaviour' && e.behaviour === 'turn')).toHaveLength(1);
      const t = track(r, 'lc');
      const sideways = t.y.at(-1)! - t.y[0];
      if (direction === 'left') expect(sideways).toBeGreaterThan(10);
      if (direction === 'right') expect(sideways).toBeLessThan(-10);
      if (direction === 'straight') expect(t.x.at(-1)!).toBeGreaterThan(110);
    });
  }

  it("a turn the junction does not offer from the lane a lane change led to names that lane and the behaviour's place", () => {
    const instance = applyDefaults({
      version: 1,
      name: 't junction',
      simulation: { durationS: 6, dtS: 0.02 },
      road: {
        lanes: { forward: 2, backward: 2, widthM: 3.5 },
        blocks: [
          { kind: 'straight', id: 'approach', lengthM: 80 },
          { kind: 'junction', id: 'J1', shape: 't', side: 'left', signals: false, armLengthM: 60 },
          { kind: 'straight', id: 'beyond', lengthM: 100 },
        ],
      },
      ego: { place: { lane: 1, s: 5 }, speedMps: 0 },
      actors: [
        {
          id: 'lc',
          kind: 'car',
          place: { lane: 2, s: 20 },
          speedMps: 8,
          behaviours: [
            { do: 'keepLane', speedMps: 8 },
            { do: 'laneChange', toLane: 1, trigger: { atS: 0.5 } },
            { do: 'turn', at: 'J1', direction: 'right', trigger: { afterPreviousS: 0.5 } },
          ],
        },
      ],
    });
    let caught: unknown;
    try {
      simulate(instance, buildRoadNetwork(instance.road, instance.weather));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SimulationError);
    const e = caught as SimulationError;
    expect(e.pointer).toBe('/actors/0/behaviours/2');
    expect(e.actor).toBe('lc');
    expect(e.message).toContain('cannot turn right at "J1" from lane 1 of road "main"');
    expect(e.message).toContain('possible: straight, left');
  });

  it('a motorcycle braking into a crash records the braking, not the crash deceleration', () => {
    // The ego stands in the lane; the motorcycle brakes too late and hits it.
    const { instance, network } = straightRoadScenario({
      simulation: { durationS: 5 },
      ego: { place: { lane: 1, s: 60 }, speedMps: 0 },
      actors: [{ id: 'moto', kind: 'motorcycle', place: { lane: 1, s: 20 }, speedMps: 15, behaviours: [{ do: 'brake', decelMps2: 5, trigger: { ttcBelowS: 1.2 } }] }],
    } as never);
    const r = simulate(instance, network);
    expect(r.events.some((e) => e.kind === 'collision')).toBe(true);
    const brakes = hardBrakes(r).filter((e) => e.actor === 'moto');
    expect(brakes.length).toBeGreaterThan(0);
    // Tyres on asphalt give about 1 g; anything far above is the impact.
    for (const b of brakes) expect(b.decelMps2).toBeLessThan(10.5);
  });

  it('a car with no behaviour keeps its speed on a road that ends beyond what the run covers', () => {
    const { instance, network } = straightRoadScenario(
      {
        simulation: { durationS: 2 },
        road: { lanes: { forward: 2, backward: 1 } },
        ego: { place: { lane: 1, s: 5 }, speedMps: 40 },
        actors: [{ id: 'c', kind: 'car', place: { lane: 2, s: 40 }, speedMps: 40 }],
      } as never,
      300,
    );
    const r = simulate(instance, network);
    expect(hardBrakes(r)).toEqual([]);
    const c = track(r, 'c');
    expect(c.x.at(-1)! - c.x[0]).toBeGreaterThan(78);
  });

  it('a car still stops for a road end it reaches within the run', () => {
    const { instance, network } = straightRoadScenario(
      {
        simulation: { durationS: 12 },
        ego: { place: { lane: 1, s: 5 }, speedMps: 0 },
        actors: [{ id: 'c', kind: 'car', place: { lane: 1, s: 40 }, speedMps: 15 }],
      } as never,
      150,
    );
    const r = simulate(instance, network);
    const c = track(r, 'c');
    expect(c.speed.at(-1)!).toBeLessThan(0.5);
    expect(c.x.at(-1)!).toBeLessThan(150);
  });

  it('a near miss with one actor counts although the ego hits another', () => {
    // The ego (no behaviour, so no braking) hits the crossing walker, then ends 0.5 m short of a parked car.
    const { instance, network } = straightRoadScenario(
      {
        simulation: { durationS: 6, nearMissTtcS: 1.5 },
        road: { sidewalks: { left: true, right: true } },
        ego: { place: { lane: 1, s: 5 }, speedMps: 10 },
        actors: [
          { id: 'walker', kind: 'pedestrian', place: { lane: 'sidewalk-right', s: 30 }, behaviours: [{ do: 'cross', speedMps: 2, trigger: { atS: 0 } }] },
          { id: 'parked', kind: 'car', place: { lane: 1, s: 70 }, speedMps: 0 },
        ],
      } as never,
      200,
    );
    const r = simulate(instance, network);
    expect(r.events.filter((e) => e.kind === 'collision').map((e) => e.kind === 'collision' && e.b)).toEqual(['walker']);
    expect(r.metrics.perActor.parked.minTtcS).toBeLessThan(0.1);
    expect(r.metrics.nearMiss).toBe(true);
  });

  it('the actor the ego hits is a collision, not a near miss', () => {
    const { instance, network } = straightRoadScenario(
      {
        simulation: { durationS: 4, nearMissTtcS: 1.5 },
        road: { sidewalks: { left: true, right: true } },
        ego: { place: { lane: 1, s: 5 }, speedMps: 10 },
        actors: [{ id: 'walker', kind: 'pedestrian', place: { lane: 'sidewalk-right', s: 30 }, behaviours: [{ do: 'cross', speedMps: 2, trigger: { atS: 0 } }] }],
      } as never,
      200,
    );
    const r = simulate(instance, network);
    expect(r.metrics.minTtcS).toBe(0);
    expect(r.metrics.collisions).toBe(1);
    expect(r.metrics.nearMiss).toBe(false);
  });
});
