/** walk: a person or animal walks or runs along a path of (s, t) points of the road it is on. */
import type { Behaviour } from '../../scenario/types.js';
import { SimulationError } from '../errors.js';
import { followOnFoot } from './cross.js';
import { roadAt } from './lanes.js';
import type { BehaviourModule } from './module.js';

export const walk: BehaviourModule<Extract<Behaviour, { do: 'walk' }>> = {
  start(ctx, actor, b) {
    const on = roadAt(ctx.network, actor.state);
    const road = on?.road ?? ctx.network.roads.get('main');
    if (!road) throw new SimulationError(`actor "${actor.id}": walk needs a road`, actor.id, ctx.tick);
    const points = [{ x: actor.state.x, y: actor.state.y }, ...b.path.map((p) => road.position(p.s, p.t))];
    followOnFoot(actor, points, b.gait, b.speedMps);
  },
};
