/** swerve: a there-and-back lateral detour (around an open door, say). */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const swerve: BehaviourModule<Extract<Behaviour, { do: 'swerve' }>> = {
  start(ctx, actor, b) {
    actor.intent.manoeuvres.push({ shape: 'bump', startS: ctx.timeS, durationS: b.durationS ?? 3, deltaTM: b.offsetM });
  },
};
