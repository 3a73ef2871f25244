/**
 * cross: a person or animal crosses the road it stands on, from where it is to the far side
 * (onto the far sidewalk, or to the far edge), along a line at angleDeg to the road normal.
 */
import { KERB_WIDTH_M } from '../../road/CrossSection.js';
import type { Road } from '../../road/types.js';
import type { Behaviour, Gait, RoadSpec } from '../../scenario/types.js';
import type { SimActor } from '../actor.js';
import { SimulationError } from '../errors.js';
import { Path } from '../path.js';
import { roadAt } from './lanes.js';
import type { BehaviourModule } from './module.js';

/** Speeds when the scenario gives none [m/s]. */
export const WALK_SPEED_MPS = 1.4;
export const RUN_SPEED_MPS = 3.2;
/** How far past the kerb a crossing ends, onto the sidewalk [m]. */
const BEYOND_KERB_M = 0.6;
/** Without a sidewalk, how far past the road's outer edge a crossing ends (the verge) [m]. */
const BEYOND_EDGE_M = 1.5;

/** Lateral position of the kerb line on one side: the edge of the roadway [m]. */
export function kerbT(road: Road, spec: RoadSpec, side: 'left' | 'right'): number {
  const sign = side === 'left' ? 1 : -1;
  const sidewalk = spec.sidewalks[side] ? spec.sidewalks.widthM + KERB_WIDTH_M : 0;
  return road.outerT[side] - sign * sidewalk;
}

/** Where a crossing ends on the far side: on the sidewalk, or else on the verge [m]. */
export function crossingEndT(road: Road, spec: RoadSpec, fromT: number): number {
  const side = fromT < (road.carriagewayT.left + road.carriagewayT.right) / 2 ? 'left' : 'right';
  const sign = side === 'left' ? 1 : -1;
  return spec.sidewalks[side] ? kerbT(road, spec, side) + sign * BEYOND_KERB_M : road.outerT[side] + sign * BEYOND_EDGE_M;
}

export const cross: BehaviourModule<Extract<Behaviour, { do: 'cross' }>> = {
  start(ctx, actor, b) {
    const on = roadAt(ctx.network, actor.state);
    if (!on) throw new SimulationError(`actor "${actor.id}": cross needs a road under the actor at (${actor.state.x.toFixed(1)}, ${actor.state.y.toFixed(1)})`, actor.id, ctx.tick);
    const endT = b.stopAtT ?? crossingEndT(on.road, ctx.instance.road, on.t);
    const dt = endT - on.t;
    const ds = Math.abs(dt) * Math.tan(((b.angleDeg ?? 0) * Math.PI) / 180);
    const steps = Math.max(2, Math.ceil(Math.hypot(dt, ds) / 0.5));
    const points = [{ x: actor.state.x, y: actor.state.y }];
    for (let k = 1; k <= steps; k++) points.push(on.road.position(on.s + (ds * k) / steps, on.t + (dt * k) / steps));
    followOnFoot(actor, points, b.gait, b.speedMps);
  },
};

/**
 * Sends a person or animal along a path of world points at its gait's speed; walk and cross
 * differ only in how they make the points.
 */
export function followOnFoot(actor: SimActor, points: { x: number; y: number }[], gait: Gait | undefined, speedMps: number | undefined): void {
  actor.intent.gait = gait ?? 'walk';
  actor.intent.path = Path.fromPoints(points);
  actor.state.pathS = 0;
  actor.state.pathT = 0;
  actor.intent.baseT = 0;
  actor.intent.manoeuvres = [];
  actor.intent.pathEndsAtRoadEnd = true;
  actor.controller.arrived = false;
  actor.intent.override = null;
  actor.intent.desiredSpeedMps = speedMps ?? (actor.intent.gait === 'run' ? RUN_SPEED_MPS : WALK_SPEED_MPS);
}
