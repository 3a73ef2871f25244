import type { Lane, RoadNetwork } from './types.js';
import type { JunctionArea } from './JunctionArea.js';
import type { RoadLine } from './RoadLine.js';
import { laneId } from './buildRoadLanes.js';

/** The assembled network: lookups and routing over the parts built by buildRoadNetwork. */
export class LaneNetwork implements RoadNetwork {
  constructor(
    readonly roads: ReadonlyMap<string, RoadLine>,
    readonly lanes: ReadonlyMap<string, Lane>,
    readonly junctions: readonly JunctionArea[],
    readonly bounds: { minX: number; minY: number; maxX: number; maxY: number },
    readonly frictionMu: number,
    /** Zebra crossings on the main road: centre s and width along the road [m]. */
    readonly crosswalks: readonly { s: number; widthM: number }[] = [],
  ) {}

  road(roadId: string): RoadLine {
    const road = this.roads.get(roadId);
    if (!road) throw new Error(`no road "${roadId}"; roads: ${[...this.roads.keys()].join(', ')}`);
    return road;
  }

  lane(roadId: string, lane: number | string): Lane {
    const road = this.road(roadId);
    const found = this.lanes.get(laneId(roadId, lane));
    if (!found) throw new Error(`road "${roadId}" has no lane ${JSON.stringify(lane)}; it has lanes: ${road.section.describeLanes()}`);
    return found;
  }

  junction(id: string): JunctionArea {
    const j = this.junctions.find((x) => x.id === id);
    if (!j) {
      const ids = this.junctions.map((x) => x.id);
      throw new Error(`no junction or roundabout "${id}"; ${ids.length ? `there are: ${ids.join(', ')}` : 'the road has none'}`);
    }
    return j;
  }

  route(fromLaneId: string, at: string, turn: { direction?: 'left' | 'right' | 'straight'; exit?: number }): Lane[] {
    return this.junction(at)
      .route(fromLaneId, turn)
      .map((id) => this.lanes.get(id)!);
  }
}
