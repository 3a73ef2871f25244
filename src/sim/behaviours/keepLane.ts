/** keepLane: follow the lane at a desired speed, car-following (IDM) behind whatever is ahead. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const keepLane: BehaviourModule<Extract<Behaviour, { do: 'keepLane' }>> = {
  start(ctx, actor, b) {
    const defaultAccel = actor.params.vehicle?.maxAccelMps2 ?? actor.params.moverAccelMps2;
    actor.intent.idm = {
      timeGapS: b.timeGapS ?? 1.5,
      minGapM: b.minGapM ?? 2,
      maxAccelMps2: b.maxAccelMps2 ?? Math.min(1.5, defaultAccel),
      comfortDecelMps2: b.comfortDecelMps2 ?? 2,
    };
    actor.intent.desiredSpeedMps = b.speedMps ?? (actor.state.speedMps > 0.5 ? actor.state.speedMps : ctx.instance.road.speedLimitMps);
    actor.intent.parked = false;
  },
};
