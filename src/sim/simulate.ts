/**
 * simulate(instance, network) -> trajectory, events and metrics. Fixed time step; every tick:
 * triggers fire, controllers act, cannon-es steps, states are read back, metrics gathered,
 * sanity checked, and the tick recorded. Same instance and network: bit-identical result.
 */
import type { RoadNetwork } from '../road/types.js';
import type { ScenarioInstance } from '../scenario/types.js';
import { buildWorld, GRAVITY_MPS2 } from './buildWorld.js';
import type { SimContext } from './context.js';
import { controlActor } from './control.js';
import { SimulationError } from './errors.js';
import { lightBits } from './lights.js';
import { MetricsTracker } from './metrics.js';
import { readBack } from './readback.js';
import { Recorder } from './recorder.js';
import { checkActor, type SanityInput } from './sanity.js';
import { signalHeadsOf } from './signalHeads.js';
import { fireTriggers } from './triggers.js';
import type { SimEvent, SimResult } from './types.js';

export interface SimulateOptions {
  /** Simulated time [s]; default instance.simulation.durationS. */
  durationS?: number;
}

/** Most steps of one simulation: 600 s (the longest duration) at 1 ms. */
export const MAX_STEPS = 600_000;

export function simulate(instance: ScenarioInstance, network: RoadNetwork, options: SimulateOptions = {}): SimResult {
  const dtS = instance.simulation.dtS;
  const durationS = options.durationS ?? instance.simulation.durationS;
  if (!(dtS > 0) || !(durationS > 0)) throw new SimulationError(`simulation needs dtS > 0 and durationS > 0 (got dtS ${dtS}, durationS ${durationS})`);
  const steps = Math.round(durationS / dtS);
  // The trajectory holds every tick: a step far below a millisecond (dtS 1e-9 validates as
  // "above 0") would ask for billions of ticks and hang or exhaust memory.
  if (steps > MAX_STEPS) {
    throw new SimulationError(
      `simulation of ${durationS} s at dtS ${dtS} s would take ${steps.toExponential(1)} steps, more than ${MAX_STEPS}; use dtS of at least ${Math.ceil((durationS / MAX_STEPS) * 1e6) / 1e6} s (0.01 is the default)`,
      undefined,
      undefined,
      '/simulation/dtS',
    );
  }
  const { world, actors } = buildWorld(instance, network, { durationS });
  const events: SimEvent[] = [];
  const n = actors.length;
  const ctx: SimContext = {
    network,
    instance,
    actors,
    ego: actors[0],
    byId: new Map(actors.map((a) => [a.id, a])),
    dtS,
    durationS,
    muG: network.frictionMu * GRAVITY_MPS2,
    tick: 0,
    timeS: 0,
    ttcWithEgoS: new Float64Array(n).fill(Infinity),
    events,
  };
  const heads = signalHeadsOf(network);
  const recorder = new Recorder(actors, heads, steps + 1);
  let ttcOfInterestS = instance.simulation.nearMissTtcS;
  for (const a of actors) for (const slot of a.behaviours) ttcOfInterestS = Math.max(ttcOfInterestS, slot.behaviour.trigger?.ttcBelowS ?? 0);
  const metrics = new MetricsTracker(actors, instance.simulation.nearMissTtcS, ttcOfInterestS);
  const bodyIndex = new Map(actors.map((a) => [a.body.id, a.index]));
  const sanity: SanityInput = {
    tick: 0,
    timeS: 0,
    dtS,
    bounds: network.bounds,
    prevVelocity: new Float64Array(2 * n),
    lastContactS: metrics.lastCollisionS,
  };

  const observe = (tick: number, timeS: number): void => {
    for (const a of actors) readBack(a, tick === 0 ? dtS : dtS, timeS);
    if (tick === 0) for (const a of actors) a.accelMps2 = a.accelFilteredMps2 = 0;
    metrics.update(tick, timeS, events, ctx.ttcWithEgoS);
    // Physics contacts between actors (not with the ground) also excuse crash accelerations.
    for (const c of world.contacts) {
      const i = bodyIndex.get(c.bi.id);
      const j = bodyIndex.get(c.bj.id);
      if (i !== undefined && j !== undefined) sanity.lastContactS[i] = sanity.lastContactS[j] = timeS;
    }
    sanity.tick = tick;
    sanity.timeS = timeS;
    for (const a of actors) {
      if (tick > 0) checkActor(a, sanity);
      sanity.prevVelocity[2 * a.index] = a.vx;
      sanity.prevVelocity[2 * a.index + 1] = a.vy;
      a.lights = lightBits(a, timeS);
    }
    recorder.record(tick, timeS);
  };

  // Tick 0 is the initial state; the speeds read back there are the initial speeds.
  for (const a of actors) a.speedMps = a.control === 'static' ? 0 : Math.hypot(a.vx, a.vy);
  // Behaviours due at time 0 show in the initial state (hazards of a parked car, say).
  for (const a of actors) fireTriggers(ctx, a);
  observe(0, 0);
  for (let tick = 1; tick <= steps; tick++) {
    ctx.tick = tick - 1;
    ctx.timeS = (tick - 1) * dtS;
    for (const a of actors) fireTriggers(ctx, a);
    for (const a of actors) controlActor(ctx, a);
    world.step(dtS);
    ctx.tick = tick;
    ctx.timeS = tick * dtS;
    observe(tick, ctx.timeS);
  }
  return { trajectory: recorder.trajectory(dtS), events, metrics: metrics.result() };
}
