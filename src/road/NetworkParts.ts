import type { Lane } from './types.js';
import type { JunctionArea } from './JunctionArea.js';
import type { RoadLine } from './RoadLine.js';

/** Mutable collections filled while a network is assembled. */
export interface NetworkParts {
  roads: Map<string, RoadLine>;
  lanes: Map<string, Lane>;
  junctions: JunctionArea[];
}

export function addLane(parts: NetworkParts, lane: Lane): void {
  if (parts.lanes.has(lane.id)) throw new Error(`duplicate lane id "${lane.id}" (are two blocks sharing an id?)`);
  parts.lanes.set(lane.id, lane);
}
