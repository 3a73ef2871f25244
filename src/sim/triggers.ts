/**
 * When behaviours start. All conditions of a trigger must hold together; `delayS` then adds a
 * wait; `afterPreviousS` counts from the start of the previous behaviour in the actor's list.
 * A behaviour without a trigger starts at time 0. Each start emits a BehaviourEvent.
 */
import type { Trigger } from '../scenario/types.js';
import type { BehaviourSlot, SimActor } from './actor.js';
import { behaviourModule } from './behaviours/index.js';
import type { SimContext } from './context.js';
import { SimulationError } from './errors.js';

/** Distance the ego is behind `actor` along the ego's path, centre to centre [m]. */
function egoBehindM(ctx: SimContext, actor: SimActor): number {
  const ego = ctx.ego;
  const along = (actor.state.x - ego.state.x) * Math.cos(ego.state.yawRad) + (actor.state.y - ego.state.y) * Math.sin(ego.state.yawRad);
  if (!ego.intent.path) return along;
  return ego.intent.path.localCoordinates(actor.state, ego.state.pathS + along).s - ego.state.pathS;
}

/** True if every condition of the trigger holds now (delayS aside). */
export function conditionHolds(ctx: SimContext, actor: SimActor, trigger: Trigger, previous: BehaviourSlot | undefined): boolean {
  const ego = ctx.ego;
  if (trigger.atS !== undefined && ctx.timeS < trigger.atS - 1e-9) return false;
  if (trigger.egoWithinM !== undefined && Math.hypot(actor.state.x - ego.state.x, actor.state.y - ego.state.y) > trigger.egoWithinM) return false;
  if (trigger.egoAheadWithinM !== undefined) {
    const d = egoBehindM(ctx, actor);
    if (d < 0 || d > trigger.egoAheadWithinM) return false;
  }
  if (trigger.ttcBelowS !== undefined && !(ctx.ttcWithEgoS[actor.index] < trigger.ttcBelowS)) return false;
  if (trigger.actorWithinM !== undefined) {
    const other = ctx.byId.get(trigger.actorWithinM.actor);
    if (!other) {
      throw new SimulationError(`actor "${actor.id}": trigger actorWithinM.actor "${trigger.actorWithinM.actor}" is not an actor id`, actor.id, ctx.tick);
    }
    if (Math.hypot(actor.state.x - other.state.x, actor.state.y - other.state.y) > trigger.actorWithinM.distanceM) return false;
  }
  if (trigger.afterPreviousS !== undefined) {
    if (!previous || Number.isNaN(previous.startedS)) return false;
    if (ctx.timeS < previous.startedS + trigger.afterPreviousS - 1e-9) return false;
  }
  return true;
}

/** Starts every behaviour of the actor whose trigger fires at this tick. */
export function fireTriggers(ctx: SimContext, actor: SimActor): void {
  const slots = actor.behaviours;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (!Number.isNaN(slot.startedS)) continue;
    const b = slot.behaviour;
    const module = behaviourModule(b.do);
    if (Number.isNaN(slot.conditionSinceS)) {
      const trigger = b.trigger ?? {};
      if (!conditionHolds(ctx, actor, trigger, slots[i - 1])) continue;
      if (module.ready && !module.ready(ctx, actor, b, slot)) continue;
      slot.conditionSinceS = ctx.timeS;
    }
    if (ctx.timeS < slot.conditionSinceS + (b.trigger?.delayS ?? 0) - 1e-9) continue;
    slot.startedS = ctx.timeS;
    try {
      module.start(ctx, actor, b);
    } catch (err) {
      // A behaviour that cannot start is reported at its place in the scenario file.
      if (err instanceof SimulationError && err.pointer === undefined) {
        const owner = actor.index === 0 ? '/ego' : `/actors/${actor.index - 1}`;
        throw new SimulationError(err.message, err.actor ?? actor.id, err.tick ?? ctx.tick, `${owner}/behaviours/${i}`);
      }
      throw err;
    }
    ctx.events.push({ kind: 'behaviour', tick: ctx.tick, timeS: ctx.timeS, actor: actor.id, behaviour: b.do });
  }
}
