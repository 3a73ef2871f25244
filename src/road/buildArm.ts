import type { Vec2 } from './types.js';
import type { CrossSection } from './CrossSection.js';
import type { NetworkParts } from './NetworkParts.js';
import type { OffsetLane } from './OffsetLane.js';
import { approachAt, type ApproachLane } from './ApproachLane.js';
import { buildRoadLanes } from './buildRoadLanes.js';
import { CompositeCurve } from './curves/CompositeCurve.js';
import { RoadLine } from './RoadLine.js';

/**
 * A side road of a junction or roundabout: a straight reference line that starts
 * `nearM + lengthM` from `centre` in direction `angleRad` and points into the centre, ending
 * `nearM` from it. Returns its incoming (forward) and outgoing (oncoming) lanes at the near end.
 */
export function buildArm(
  parts: NetworkParts,
  id: string,
  section: CrossSection,
  centre: Vec2,
  angleRad: number,
  nearM: number,
  lengthM: number,
): { incoming: ApproachLane[]; outgoing: ApproachLane[] } {
  const far = nearM + lengthM;
  const start = { x: centre.x + far * Math.cos(angleRad), y: centre.y + far * Math.sin(angleRad), headingRad: angleRad + Math.PI };
  const reference = new CompositeCurve(start, section.carriagewayT.left - section.carriagewayT.right).straight(lengthM);
  const road = new RoadLine(id, reference, section);
  parts.roads.set(road.id, road);
  return endsAt(buildRoadLanes(parts, road), road.lengthM, road.lengthM);
}

/**
 * Incoming and outgoing lanes of one side of a junction: forward lanes enter at reference s
 * `forwardS`, oncoming lanes at `backwardS` (swap the two lists for the far side of a road).
 */
export function endsAt(lanes: Map<number, OffsetLane>, forwardS: number, backwardS: number): { incoming: ApproachLane[]; outgoing: ApproachLane[] } {
  const all = [...lanes.values()];
  return {
    incoming: all.filter((l) => l.index > 0).map((l) => approachAt(l, forwardS)),
    outgoing: all.filter((l) => l.index < 0).map((l) => approachAt(l, backwardS)),
  };
}
