/** Lane and road look-ups shared by the behaviours. */
import type { Lane, Road, RoadNetwork, Vec2 } from '../../road/types.js';
import type { SimActor } from '../actor.js';
import type { SimContext } from '../context.js';
import { SimulationError } from '../errors.js';
import { laneAt } from '../lanePaths.js';

/** The lane the actor's path runs on at its current position, or the lane under it. */
export function currentLane(ctx: SimContext, actor: SimActor): Lane {
  if (actor.intent.path) {
    for (const span of actor.intent.path.spans) {
      if (span.laneId && actor.state.pathS >= span.fromPathS - 0.01 && actor.state.pathS <= span.toPathS + 0.01) {
        const lane = ctx.network.lanes.get(span.laneId);
        if (lane) return lane;
      }
    }
  }
  const lane = laneAt(ctx.network, actor.state, actor.state.yawRad);
  if (!lane) throw new SimulationError(`actor "${actor.id}" at (${actor.state.x.toFixed(1)}, ${actor.state.y.toFixed(1)}) is on no lane`, actor.id, ctx.tick);
  return lane;
}

/** How far beside a road's outer edge an actor still counts as beside that road [m]. */
const BESIDE_ROAD_M = 30;

/**
 * The road under the point or beside it (within BESIDE_ROAD_M of its outer edge), the one whose
 * outer extents it is nearest to (0 when inside).
 */
export function roadAt(network: RoadNetwork, p: Vec2): { road: Road; s: number; t: number } | null {
  let best: { road: Road; s: number; t: number } | null = null;
  let bestOut = Infinity;
  for (const road of network.roads.values()) {
    const { s, t } = road.localCoordinates(p);
    if (s < -0.5 || s > road.lengthM + 0.5) continue;
    const outside = Math.max(0, road.outerT.right - t, t - road.outerT.left);
    if (outside > BESIDE_ROAD_M) continue;
    if (outside < bestOut || (outside === bestOut && best && Math.abs(t) < Math.abs(best.t))) {
      bestOut = outside;
      best = { road, s, t };
    }
  }
  return best;
}
