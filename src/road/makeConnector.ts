import type { Pose } from './curves/Pose.js';
import type { BaseCurve } from './curves/BaseCurve.js';
import type { NetworkParts } from './NetworkParts.js';
import { addLane } from './NetworkParts.js';
import { ConnectorLane, type ConnectorEnds } from './ConnectorLane.js';
import { CubicBezierCurve } from './curves/CubicBezierCurve.js';

/**
 * Adds a connector lane `<blockId>:<from>-><to>` from one pose to another: a cubic Bezier
 * tangent to both (or the given curve), and links it as the successor of `from` when the
 * connector starts at that lane's end.
 */
export function makeConnector(
  parts: NetworkParts,
  blockId: string,
  from: { laneId: string; s: number; pose: Pose },
  to: { laneId: string; s: number; pose: Pose },
  widthM: number,
  curve?: BaseCurve,
): ConnectorLane {
  const ends: ConnectorEnds = { fromLaneId: from.laneId, fromS: from.s, toLaneId: to.laneId, toS: to.s };
  const geometry = curve ?? CubicBezierCurve.between(from.pose, to.pose, widthM);
  const lane = new ConnectorLane(`${blockId}:${from.laneId}->${to.laneId}`, blockId, geometry, ends, widthM);
  lane.next.push(to.laneId);
  addLane(parts, lane);
  return lane;
}
