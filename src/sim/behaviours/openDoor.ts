/** openDoor: swing a door of a standing vehicle from 0 to 1 over durationS. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

/** Time a door takes to swing open when the scenario does not say [s]. */
const DEFAULT_DOOR_S = 1.2;

export const openDoor: BehaviourModule<Extract<Behaviour, { do: 'openDoor' }>> = {
  start(ctx, actor, b) {
    actor.intent.doorOpening = { startS: ctx.timeS, durationS: b.durationS ?? DEFAULT_DOOR_S };
  },
};
