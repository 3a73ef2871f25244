/** wrongWay: drive against the direction of the lane it stands on. */
import type { Behaviour } from '../../scenario/types.js';
import { setActorPath } from '../actorPath.js';
import { SimulationError } from '../errors.js';
import { laneAt, reversedLanePath } from '../lanePaths.js';
import type { BehaviourModule } from './module.js';

export const wrongWay: BehaviourModule<Extract<Behaviour, { do: 'wrongWay' }>> = {
  start(ctx, actor, b) {
    actor.intent.desiredSpeedMps = b.speedMps ?? Math.max(actor.state.speedMps, actor.intent.desiredSpeedMps);
    actor.intent.parked = false;
    // Set up facing the wrong way already (buildWorld does that for a behaviour from t = 0).
    if (actor.intent.path && actor.intent.path.spans[0]?.direction === -1) return;
    const lane = laneAt(ctx.network, actor.state, actor.state.yawRad + Math.PI) ?? laneAt(ctx.network, actor.state, actor.state.yawRad);
    if (!lane) throw new SimulationError(`actor "${actor.id}": wrongWay needs a lane under the actor`, actor.id, ctx.tick);
    const need = actor.intent.desiredSpeedMps * Math.max(1, ctx.durationS - ctx.timeS) * 1.2 + 100;
    const t = setActorPath(actor, ctx.network, reversedLanePath(ctx.network, lane, need + lane.lengthM));
    actor.intent.baseT = t;
    actor.intent.manoeuvres = [{ shape: 'shift', startS: ctx.timeS, durationS: 2, deltaTM: -t }];
  },
};
