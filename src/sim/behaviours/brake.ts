/** brake: decelerate at the requested rate, capped by tyre friction, down to a speed. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const brake: BehaviourModule<Extract<Behaviour, { do: 'brake' }>> = {
  start(_ctx, actor, b) {
    actor.intent.override = { kind: 'brake', decelMps2: b.decelMps2, toSpeedMps: b.toSpeedMps ?? 0 };
    actor.intent.parked = false;
  },
};
