/** wrongWay: drive against the direction of the lane it stands on. */
import type { Behaviour } from '../../scenario/types.js';
import { setActorPath } from '../actorPath.js';
import { SimulationError } from '../errors.js';
import { laneAt, reversedLanePath } from '../lanePaths.js';
import type { BehaviourModule } from './module.js';

export const wrongWay: BehaviourModule<Extract<Behaviour, { do: 'wrongWay' }>> = {
  start(ctx, actor, b) {
    actor.desiredSpeedMps = b.speedMps ?? Math.max(actor.speedMps, actor.desiredSpeedMps);
    actor.parked = false;
    // Set up facing the wrong way already (buildWorld does that for a behaviour from t = 0).
    if (actor.path && actor.path.spans[0]?.direction === -1) return;
    const lane = laneAt(ctx.network, actor, actor.yawRad + Math.PI) ?? laneAt(ctx.network, actor, actor.yawRad);
    if (!lane) throw new SimulationError(`actor "${actor.id}": wrongWay needs a lane under the actor`, actor.id, ctx.tick);
    const need = actor.desiredSpeedMps * Math.max(1, ctx.durationS - ctx.timeS) * 1.2 + 100;
    const t = setActorPath(actor, ctx.network, reversedLanePath(ctx.network, lane, need + lane.lengthM));
    actor.baseT = t;
    actor.manoeuvres = [{ shape: 'shift', startS: ctx.timeS, durationS: 2, deltaTM: -t }];
  },
};
