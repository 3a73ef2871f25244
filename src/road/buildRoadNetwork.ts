import type { RoadSpec, Weather } from '../scenario/types.js';
import type { RoadNetwork } from './types.js';
import type { NetworkParts } from './NetworkParts.js';
import type { RoadLine } from './RoadLine.js';
import { buildJunction } from './buildJunction.js';
import { buildMainRoad } from './buildMainRoad.js';
import { buildRoadLanes } from './buildRoadLanes.js';
import { buildRoundabout } from './buildRoundabout.js';
import { frictionFor } from './frictionFor.js';
import { LaneNetwork } from './LaneNetwork.js';

/** Margin around everything built; leaving it ends a simulation [m]. */
const BOUNDS_MARGIN_M = 50;
/** Sampling step for bounds [m]. */
const BOUNDS_STEP_M = 2;

/**
 * Builds the road network of a scenario: the main road from its blocks (origin, heading +x),
 * junction and roundabout arms, every lane and connector, signals, bounds and friction.
 * Throws Error with a message naming the block and the fix when the geometry is impossible.
 */
export function buildRoadNetwork(road: RoadSpec, weather: Weather): RoadNetwork {
  const parts: NetworkParts = { roads: new Map(), lanes: new Map(), junctions: [] };
  const { road: main, anchors } = buildMainRoad(road);
  parts.roads.set(main.id, main);
  const mainLanes = buildRoadLanes(parts, main);
  for (const anchor of anchors) {
    parts.junctions.push(anchor.kind === 'junction' ? buildJunction(parts, road, main, mainLanes, anchor) : buildRoundabout(parts, main, mainLanes, anchor));
  }
  return new LaneNetwork(parts.roads, parts.lanes, parts.junctions, boundsOf(parts), frictionFor(road.surface, weather, road.frictionMu), road.crosswalks);
}

function boundsOf(parts: NetworkParts): { minX: number; minY: number; maxX: number; maxY: number } {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const add = (x: number, y: number): void => {
    b.minX = Math.min(b.minX, x);
    b.minY = Math.min(b.minY, y);
    b.maxX = Math.max(b.maxX, x);
    b.maxY = Math.max(b.maxY, y);
  };
  const addRoad = (r: RoadLine): void => {
    const n = Math.max(1, Math.ceil(r.lengthM / BOUNDS_STEP_M));
    for (let i = 0; i <= n; i++) {
      const s = (r.lengthM * i) / n;
      for (const t of [r.outerT.right, r.outerT.left]) {
        const p = r.position(s, t);
        add(p.x, p.y);
      }
    }
  };
  for (const r of parts.roads.values()) addRoad(r);
  for (const j of parts.junctions) for (const p of j.areaPolygon) add(p.x, p.y);
  return { minX: b.minX - BOUNDS_MARGIN_M, minY: b.minY - BOUNDS_MARGIN_M, maxX: b.maxX + BOUNDS_MARGIN_M, maxY: b.maxY + BOUNDS_MARGIN_M };
}
