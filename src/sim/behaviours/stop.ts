/** stop: come to a comfortable stop and stand, for a while or for good. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const stop: BehaviourModule<Extract<Behaviour, { do: 'stop' }>> = {
  start(ctx, actor, b) {
    actor.override = { kind: 'hold', untilS: b.durationS === undefined ? Infinity : ctx.timeS + b.durationS };
  },
};
