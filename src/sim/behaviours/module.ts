/** The shape of a behaviour module: when it may start (besides its trigger) and what it does. */
import type { Behaviour } from '../../scenario/types.js';
import type { BehaviourSlot, SimActor } from '../actor.js';
import type { SimContext } from '../context.js';

export interface BehaviourModule<B extends Behaviour = Behaviour> {
  /** An extra start condition built into the behaviour (e.g. the cut-in gap). */
  ready?(ctx: SimContext, actor: SimActor, b: B, slot: BehaviourSlot): boolean;
  /** Applies the behaviour to the actor; may register per-tick updaters. */
  start(ctx: SimContext, actor: SimActor, b: B): void;
}
