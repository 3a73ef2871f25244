import type { RoadLine } from './RoadLine.js';
import type { NetworkParts } from './NetworkParts.js';
import { addLane } from './NetworkParts.js';
import { OffsetLane } from './OffsetLane.js';

/** Lane id of a numbered or named lane of a road: "<roadId>/<lane>". */
export function laneId(roadId: string, lane: number | string): string {
  return `${roadId}/${lane}`;
}

/**
 * Creates every lane of a road: numbered lanes 1..n (forward), -1..-m (oncoming, reversed) and
 * the named strips (index 0). Parking and shoulder strips on the left carry oncoming traffic's
 * direction when the road has oncoming lanes; sidewalks always follow the reference line.
 */
export function buildRoadLanes(parts: NetworkParts, road: RoadLine): Map<number, OffsetLane> {
  const numbered = new Map<number, OffsetLane>();
  const section = road.section;
  for (const index of section.laneIndices()) {
    const lane = new OffsetLane(road.reference, {
      id: laneId(road.id, index),
      roadId: road.id,
      index,
      offsetT: road.laneCentreT(index),
      reversed: index < 0,
      widthM: section.laneWidthM,
    });
    addLane(parts, lane);
    numbered.set(index, lane);
  }
  for (const name of section.namedLanes()) {
    const strip = section.strip(name)!;
    const reversed = strip.side === 'left' && strip.kind !== 'sidewalk' && section.backwardLanes > 0;
    addLane(
      parts,
      new OffsetLane(road.reference, {
        id: laneId(road.id, name),
        roadId: road.id,
        index: 0,
        offsetT: (strip.innerT + strip.outerT) / 2,
        reversed,
        widthM: Math.abs(strip.outerT - strip.innerT),
      }),
    );
  }
  return numbered;
}
