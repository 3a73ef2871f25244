/** park: stand still with the brake on, hazard lights if asked. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const park: BehaviourModule<Extract<Behaviour, { do: 'park' }>> = {
  start(_ctx, actor, b) {
    actor.intent.parked = true;
    actor.intent.override = null;
    actor.intent.desiredSpeedMps = 0;
    if (b.hazardLights !== undefined) actor.intent.hazard = b.hazardLights;
  },
};
