/** accelerate: change speed at a rate to a target speed, then hold it. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const accelerate: BehaviourModule<Extract<Behaviour, { do: 'accelerate' }>> = {
  start(_ctx, actor, b) {
    actor.intent.override = { kind: 'rate', accelMps2: b.accelMps2 ?? 2, toSpeedMps: b.toSpeedMps };
    actor.intent.parked = false;
  },
};
