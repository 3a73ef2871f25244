import type { Lane } from './types.js';
import type { Pose } from './curves/Pose.js';
import type { OffsetLane } from './OffsetLane.js';

/** A lane at the edge of a junction or roundabout: where it enters or leaves the area. */
export interface ApproachLane {
  lane: Lane;
  /** Lane index on its road (1.. forward, -1.. oncoming). */
  index: number;
  /** Lane s at the edge [m]. */
  s: number;
  /** Centre-line pose at the edge, heading in the lane's direction of travel. */
  pose: Pose;
}

/** The approach lane of `lane` at reference-line s `roadS` [m]. */
export function approachAt(lane: OffsetLane, roadS: number): ApproachLane {
  const s = lane.laneS(roadS);
  const p = lane.position(s, 0);
  return { lane, index: lane.index, s, pose: { x: p.x, y: p.y, headingRad: lane.headingAt(s) } };
}

/** One side of a junction: the lanes that enter from it and the lanes that leave by it. */
export interface JunctionSide {
  key: string;
  incoming: ApproachLane[];
  outgoing: ApproachLane[];
  /** Phase group of this side's signal head. */
  group: number;
}

/** The outgoing lane a lane of index `index` keeps to: same rank from the centre line, clamped. */
export function matchingLane(index: number, outgoing: ApproachLane[]): ApproachLane | undefined {
  const rank = Math.abs(index);
  let best: ApproachLane | undefined;
  for (const o of outgoing) if (Math.abs(o.index) <= rank && (!best || Math.abs(o.index) > Math.abs(best.index))) best = o;
  return best;
}
