/**
 * cutIn: when the gap between the ego's front bumper and this actor's rear reaches gapM
 * (closing from either side), change into the ego's lane, at the ego's speed plus
 * relativeSpeedMps while the manoeuvre runs.
 */
import type { Behaviour } from '../../scenario/types.js';
import type { SimActor } from '../actor.js';
import type { SimContext } from '../context.js';
import { currentLane } from './lanes.js';
import { shiftOntoLane } from './laneChange.js';
import type { BehaviourModule } from './module.js';

/** Gap from the ego's front bumper to the actor's rear along the ego's path [m]. */
export function gapAheadOfEgoM(ctx: SimContext, actor: SimActor): number {
  const ego = ctx.ego;
  if (!ego.intent.path) return Math.hypot(actor.state.x - ego.state.x, actor.state.y - ego.state.y) - ego.state.box.halfL - actor.state.box.halfL;
  const along = (actor.state.x - ego.state.x) * Math.cos(ego.state.yawRad) + (actor.state.y - ego.state.y) * Math.sin(ego.state.yawRad);
  const s = ego.intent.path.localCoordinates(actor.state, ego.state.pathS + along).s;
  return s - ego.state.pathS - ego.state.box.halfL - actor.state.box.halfL;
}

export const cutIn: BehaviourModule<Extract<Behaviour, { do: 'cutIn' }>> = {
  ready(ctx, actor, b, slot) {
    const gap = gapAheadOfEgoM(ctx, actor);
    // The side it starts on decides the crossing: ahead and closing, or behind and passing.
    if (Number.isNaN(slot.memo)) slot.memo = gap > b.gapM ? 1 : -1;
    return slot.memo > 0 ? gap <= b.gapM : gap >= b.gapM;
  },
  start(ctx, actor, b) {
    shiftOntoLane(ctx, actor, currentLane(ctx, ctx.ego), { lateralSpeedMps: b.lateralSpeedMps });
    const rel = b.relativeSpeedMps;
    if (rel === undefined) return;
    const endS = actor.intent.manoeuvres[0].startS + actor.intent.manoeuvres[0].durationS;
    actor.intent.override = null;
    actor.intent.desiredSpeedMps = Math.max(0, ctx.ego.state.speedMps + rel);
    actor.updaters.push((intent, timeS) => {
      intent.desiredSpeedMps = Math.max(0, ctx.ego.state.speedMps + rel);
      return timeS < endS;
    });
  },
};
