/** park: stand still with the brake on, hazard lights if asked. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const park: BehaviourModule<Extract<Behaviour, { do: 'park' }>> = {
  start(_ctx, actor, b) {
    actor.parked = true;
    actor.override = null;
    actor.desiredSpeedMps = 0;
    if (b.hazardLights !== undefined) actor.hazard = b.hazardLights;
  },
};
