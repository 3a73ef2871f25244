/** stop: come to a comfortable stop and stand, for a while or for good. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const stop: BehaviourModule<Extract<Behaviour, { do: 'stop' }>> = {
  start(_ctx, actor, b) {
    actor.intent.override = { kind: 'hold', durationS: b.durationS ?? Infinity, untilS: Infinity };
  },
};
