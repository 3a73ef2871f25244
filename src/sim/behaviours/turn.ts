/**
 * turn: follow the network's route through a junction or roundabout at a turning speed,
 * yielding at a roundabout entry (or wherever gapAcceptanceS is given) until the conflicting
 * traffic leaves a gap of at least gapAcceptanceS.
 */
import type { Behaviour } from '../../scenario/types.js';
import { setActorPath } from '../actorPath.js';
import { SimulationError } from '../errors.js';
import { routePath } from '../lanePaths.js';
import { currentLane } from './lanes.js';
import type { BehaviourModule } from './module.js';

/** Turning speeds when the scenario gives none [m/s]. */
const TURN_SPEED_MPS = 7;
const ROUNDABOUT_SPEED_MPS = 8;
/** Accepted gap at a roundabout entry when the scenario gives none [s]. */
const ROUNDABOUT_GAP_S = 3;

export const turn: BehaviourModule<Extract<Behaviour, { do: 'turn' }>> = {
  start(ctx, actor, b) {
    const junction = ctx.network.junctions.find((j) => j.id === b.at);
    if (!junction) {
      throw new SimulationError(
        `actor "${actor.id}": turn at "${b.at}": no such junction or roundabout (have: ${ctx.network.junctions.map((j) => j.id).join(', ') || 'none'})`,
        actor.id,
        ctx.tick,
      );
    }
    const lane = currentLane(ctx, actor);
    let route: ReturnType<typeof ctx.network.route>;
    try {
      route = ctx.network.route(lane.id, b.at, { direction: b.direction, exit: b.exit });
    } catch (err) {
      const way = b.exit !== undefined ? `to exit ${b.exit}` : (b.direction ?? 'through');
      throw new SimulationError(
        `actor "${actor.id}": cannot turn ${way} at "${b.at}" from ${lane.index === 0 ? `inside the junction (connector ${lane.id})` : `lane ${lane.index} of road "${lane.roadId}"`}, where it drives when the turn starts (t = ${ctx.timeS.toFixed(2)} s): ${(err as Error).message}`,
        actor.id,
        ctx.tick,
      );
    }
    if (route.length === 0) throw new SimulationError(`actor "${actor.id}": turn at "${b.at}": the network gives no route from lane ${lane.id}`, actor.id, ctx.tick);
    const need = Math.max(actor.state.speedMps, actor.intent.desiredSpeedMps, 10) * Math.max(1, ctx.durationS - ctx.timeS) * 1.2 + 100;
    const built = routePath(ctx.network, lane, route, need);
    // The path starts at the start of the current lane, so lane s is a good hint.
    const hint = lane.localCoordinates(actor.state).s;
    setActorPath(actor, ctx.network, built, hint);
    const roundabout = junction.kind === 'roundabout';
    const cap = b.speedMps ?? (roundabout ? ROUNDABOUT_SPEED_MPS : b.direction === 'straight' ? Math.max(actor.intent.desiredSpeedMps, TURN_SPEED_MPS) : TURN_SPEED_MPS);
    actor.intent.speedZones = [{ fromS: built.routeFromS, toS: built.routeToS, capMps: cap }];
    // The turn is driven at its speed: an actor standing or slower sets off to reach it (the
    // zone caps a faster one); without it an actor at rest would wait at the junction forever.
    if (b.speedMps !== undefined || actor.intent.desiredSpeedMps < 0.5) actor.intent.desiredSpeedMps = Math.max(actor.intent.desiredSpeedMps, cap);
    actor.intent.parked = false;
    if (roundabout || b.gapAcceptanceS !== undefined) {
      const entry = built.path.position(built.routeFromS, 0);
      const conflict = roundabout ? entry : junction.centre;
      actor.intent.yieldPoints = [
        {
          pathS: built.routeFromS,
          conflictX: conflict.x,
          conflictY: conflict.y,
          gapAcceptanceS: b.gapAcceptanceS ?? ROUNDABOUT_GAP_S,
          radiusM: roundabout ? 4 : junction.radiusM,
        },
      ];
    }
    const side = b.direction === 'left' ? 1 : b.direction === 'right' || roundabout ? -1 : 0;
    actor.intent.turnIndicator = side === 0 ? null : { side, untilS: built.routeToS };
    actor.intent.baseT = actor.state.pathT;
    actor.intent.manoeuvres = [{ shape: 'shift', startS: ctx.timeS, durationS: 1.5, deltaTM: -actor.state.pathT }];
  },
};
