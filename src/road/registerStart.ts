import type { NetworkParts } from './NetworkParts.js';
import { OffsetLane } from './OffsetLane.js';

/** Records a connector leaving a lane: as its successor at the lane end, else as a branch. */
export function registerStart(parts: NetworkParts, laneId: string, s: number, connectorId: string): void {
  const lane = parts.lanes.get(laneId);
  if (!lane) return;
  if (Math.abs(s - lane.lengthM) < 1e-6) {
    if (!lane.next.includes(connectorId)) lane.next.push(connectorId);
  } else if (lane instanceof OffsetLane) {
    lane.branches.push({ s, laneId: connectorId });
  }
}
