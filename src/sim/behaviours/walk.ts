/** walk: a person or animal walks or runs along a path of (s, t) points of the road it is on. */
import type { Behaviour } from '../../scenario/types.js';
import { SimulationError } from '../errors.js';
import { Path } from '../path.js';
import { RUN_SPEED_MPS, WALK_SPEED_MPS } from './cross.js';
import { roadAt } from './lanes.js';
import type { BehaviourModule } from './module.js';

export const walk: BehaviourModule<Extract<Behaviour, { do: 'walk' }>> = {
  start(ctx, actor, b) {
    const on = roadAt(ctx.network, actor);
    const road = on?.road ?? ctx.network.roads.get('main');
    if (!road) throw new SimulationError(`actor "${actor.id}": walk needs a road`, actor.id, ctx.tick);
    const points = [{ x: actor.x, y: actor.y }, ...b.path.map((p) => road.position(p.s, p.t))];
    actor.gait = b.gait ?? 'walk';
    actor.path = Path.fromPoints(points);
    actor.pathS = 0;
    actor.pathT = 0;
    actor.baseT = 0;
    actor.manoeuvres = [];
    actor.pathEndsAtRoadEnd = true;
    actor.arrived = false;
    actor.override = null;
    actor.desiredSpeedMps = b.speedMps ?? (actor.gait === 'run' ? RUN_SPEED_MPS : WALK_SPEED_MPS);
  },
};
