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
import { STATE_STRIDE, type SimEvent, type SimResult } from './types.js';

export interface SimulateOptions {
  /** Simulated time [s]; default instance.simulation.durationS. */
  durationS?: number;
}

/**
 * The budget of one simulation, in this thread or a worker, in the studio and the CLI alike:
 * at most MAX_STEPS ticks (600 s at 5 ms, 120 s at 1 ms) and a recorded trajectory of at most
 * MAX_TRAJECTORY_BYTES. Past it a run would take minutes and gigabytes before failing.
 */
export const MAX_STEPS = 120_000;
/** Largest trajectory one simulation may record (states of every actor at every tick) [bytes]. */
export const MAX_TRAJECTORY_BYTES = 128 * 1024 * 1024;
const BYTES_PER_ACTOR_TICK = STATE_STRIDE * 8;

/** Why a simulation of `durationS` at `dtS` with `actorCount` actors is over the budget, or null. */
export function simulationBudgetError(durationS: number, dtS: number, actorCount: number): SimulationError | null {
  const steps = Math.round(durationS / dtS);
  const minDtS = (ticks: number): number => Math.ceil((durationS / ticks) * 1e6) / 1e6;
  if (steps > MAX_STEPS) {
    return new SimulationError(
      `simulation of ${durationS} s at dtS ${dtS} s would take ${steps.toExponential(1)} ticks, more than the budget of ${MAX_STEPS}; use dtS of at least ${minDtS(MAX_STEPS)} s (0.01 is the default) or a shorter durationS`,
      undefined,
      undefined,
      '/simulation/dtS',
    );
  }
  const bytes = (steps + 1) * Math.max(1, actorCount) * BYTES_PER_ACTOR_TICK;
  if (bytes > MAX_TRAJECTORY_BYTES) {
    const maxTicks = Math.floor(MAX_TRAJECTORY_BYTES / (Math.max(1, actorCount) * BYTES_PER_ACTOR_TICK));
    return new SimulationError(
      `simulation of ${durationS} s at dtS ${dtS} s with ${actorCount} actors would record a ${Math.round(bytes / 2 ** 20)} MB trajectory, more than the budget of ${MAX_TRAJECTORY_BYTES / 2 ** 20} MB; use dtS of at least ${minDtS(maxTicks)} s, a shorter durationS or fewer actors`,
      undefined,
      undefined,
      '/simulation/dtS',
    );
  }
  return null;
}

export function simulate(instance: ScenarioInstance, network: RoadNetwork, options: SimulateOptions = {}): SimResult {
  const dtS = instance.simulation.dtS;
  const durationS = options.durationS ?? instance.simulation.durationS;
  if (!(dtS > 0) || !(durationS > 0)) throw new SimulationError(`simulation needs dtS > 0 and durationS > 0 (got dtS ${dtS}, durationS ${durationS})`);
  const steps = Math.round(durationS / dtS);
  // The trajectory holds every tick: a tiny step (dtS 1e-9 validates as "above 0") would ask
  // for billions of ticks and hang or exhaust memory.
  const over = simulationBudgetError(durationS, dtS, 1 + instance.actors.length);
  if (over) throw over;
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
    if (tick === 0) for (const a of actors) a.state.accelMps2 = a.state.accelFilteredMps2 = 0;
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
      sanity.prevVelocity[2 * a.index] = a.state.vx;
      sanity.prevVelocity[2 * a.index + 1] = a.state.vy;
      a.state.lights = lightBits(a, timeS);
    }
    recorder.record(tick, timeS);
  };

  // Tick 0 is the initial state; the speeds read back there are the initial speeds.
  for (const a of actors) a.state.speedMps = a.control === 'static' ? 0 : Math.hypot(a.state.vx, a.state.vy);
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
