import { describe, expect, it } from 'vitest';
import { buildWorld, GRAVITY_MPS2 } from '../../src/sim/buildWorld.js';
import type { SimContext } from '../../src/sim/context.js';
import { decideLongitudinal, newLongitudinalDecision } from '../../src/sim/controllers/longitudinal.js';
import { straightRoadScenario } from './fixtures.js';

function world(speedMps: number): SimContext {
  const { instance, network } = straightRoadScenario({ ego: { place: { lane: 1, s: 10 }, speedMps } });
  const { actors } = buildWorld(instance, network, { durationS: 5 });
  return {
    network,
    instance,
    actors,
    ego: actors[0],
    byId: new Map(actors.map((a) => [a.id, a])),
    dtS: instance.simulation.dtS,
    durationS: 5,
    muG: network.frictionMu * GRAVITY_MPS2,
    tick: 10,
    timeS: 0.1,
    ttcWithEgoS: new Float64Array(actors.length).fill(Infinity),
    events: [],
  };
}

describe('longitudinal decision', () => {
  it('ends a brake override that reached its speed in the decision, leaving the actor as it was', () => {
    const ctx = world(5);
    const brake = { kind: 'brake', decelMps2: 4, toSpeedMps: 5 } as const;
    ctx.ego.intent.override = brake;
    ctx.ego.intent.desiredSpeedMps = 12;
    const d = decideLongitudinal(ctx, ctx.ego, newLongitudinalDecision());
    expect([d.override, d.desiredSpeedMps]).toEqual([null, 5]);
    expect([ctx.ego.intent.override, ctx.ego.intent.desiredSpeedMps]).toEqual([brake, 12]);
  });

  it('times a stop from standing still in the decision only', () => {
    const ctx = world(0);
    const hold = { kind: 'hold', durationS: 2, untilS: Infinity } as const;
    ctx.ego.intent.override = hold;
    ctx.ego.intent.parked = false; // a vehicle placed standing without behaviours starts parked
    const d = decideLongitudinal(ctx, ctx.ego, newLongitudinalDecision());
    expect(d.override).toEqual({ kind: 'hold', durationS: 2, untilS: 2.1 });
    expect(hold.untilS).toBe(Infinity);
  });
});
