/**
 * laneChange: move onto another lane of the same road with a quintic lateral profile; its
 * peak lateral speed is lateralSpeedMps (or it lasts durationS).
 */
import type { Lane } from '../../road/types.js';
import type { Behaviour } from '../../scenario/types.js';
import type { SimActor } from '../actor.js';
import { setActorPath } from '../actorPath.js';
import type { SimContext } from '../context.js';
import { lanePath } from '../lanePaths.js';
import { SimulationError } from '../errors.js';
import { currentLane } from './lanes.js';
import type { BehaviourModule } from './module.js';

/** Peak lateral speed when the scenario gives neither speed nor duration [m/s]. */
export const DEFAULT_LATERAL_SPEED_MPS = 1.5;
/** Peak slope of the quintic profile: peak lateral speed = 1.875 * offset / duration. */
const QUINTIC_PEAK = 1.875;

/** Re-bases the actor on `lane` and shifts it from where it is onto the lane centre. */
export function shiftOntoLane(ctx: SimContext, actor: SimActor, lane: Lane, timing: { lateralSpeedMps?: number; durationS?: number }): void {
  const need = Math.max(actor.state.speedMps, actor.intent.desiredSpeedMps, 10) * Math.max(1, ctx.durationS - ctx.timeS) * 1.2 + 100;
  const built = lanePath(ctx.network, lane, need + lane.localCoordinates(actor.state).s);
  const t0 = setActorPath(actor, ctx.network, built);
  const durationS = timing.durationS ?? Math.max(0.5, (QUINTIC_PEAK * Math.abs(t0)) / (timing.lateralSpeedMps ?? DEFAULT_LATERAL_SPEED_MPS));
  actor.intent.baseT = t0;
  actor.intent.manoeuvres = [{ shape: 'shift', startS: ctx.timeS, durationS, deltaTM: -t0 }];
}

export const laneChange: BehaviourModule<Extract<Behaviour, { do: 'laneChange' }>> = {
  start(ctx, actor, b) {
    const from = currentLane(ctx, actor);
    let lane: Lane;
    try {
      lane = ctx.network.lane(from.roadId, b.toLane);
    } catch (err) {
      throw new SimulationError(`actor "${actor.id}": laneChange toLane ${b.toLane}: ${(err as Error).message}`, actor.id, ctx.tick);
    }
    shiftOntoLane(ctx, actor, lane, b);
  },
};
