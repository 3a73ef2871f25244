import type { LanePlacement } from '../scenario/types.js';
import type { RoadNetwork } from './types.js';
import { OffsetLane } from './OffsetLane.js';
import { wrapAngleTrig } from '../math/angles.js';

export interface PlacementPose {
  x: number;
  y: number;
  /** World heading [rad], counter-clockwise from +x. */
  yawRad: number;
  laneId: string;
  /** s on the lane, in the lane's own direction of travel [m]. */
  s: number;
}

/**
 * World pose of a lane placement. `s` is along the road's reference line; `offsetM` is added
 * to the lane centre's t on the road (positive to the left of the road direction); the heading
 * is the lane's direction of travel plus headingDeg (so on oncoming lanes 0 faces the
 * oncoming way). Named lanes (parking-right, sidewalk-left, ...) work alike. Throws an Error
 * naming the road, the lane and what exists when either is unknown.
 */
export function placementPose(network: RoadNetwork, placement: LanePlacement): PlacementPose {
  const road = network.roads.get(placement.road);
  if (!road) {
    throw new Error(`placement on road "${placement.road}": no such road; roads: ${[...network.roads.keys()].join(', ')}`);
  }
  const lane = network.lane(placement.road, placement.lane);
  const t = road.laneCentreT(placement.lane) + placement.offsetM;
  const p = road.position(placement.s, t);
  const reversed = lane instanceof OffsetLane && lane.reversed;
  const laneS = lane instanceof OffsetLane ? lane.laneS(placement.s) : placement.s;
  const yaw = road.headingAt(placement.s) + (reversed ? Math.PI : 0) + (placement.headingDeg * Math.PI) / 180;
  return { x: p.x, y: p.y, yawRad: wrapAngleTrig(yaw), laneId: lane.id, s: laneS };
}
