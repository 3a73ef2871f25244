/** signals: obey traffic lights (stop on red, on yellow if comfortable) or run them. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourModule } from './module.js';

export const signals: BehaviourModule<Extract<Behaviour, { do: 'signals' }>> = {
  start(_ctx, actor, b) {
    actor.intent.obeySignals = b.obey;
  },
};
