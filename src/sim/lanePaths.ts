/**
 * Reference paths built from the road network's lanes: a lane and the lanes it continues
 * onto, a lane driven backwards (wrong way), or a route through a junction.
 */
import type { Lane, RoadNetwork, Vec2 } from '../road/types.js';
import { Path, type PathPiece } from './path.js';
import { wrapAngleTrig } from '../math/angles.js';

/** Lanes chained beyond this many are not needed by any plausible run. */
const MAX_CHAIN = 64;

/** The continuation of `lane`: same road and index first, then same road, then straightest. */
function pickNext(network: RoadNetwork, lane: Lane, candidates: readonly string[], visited: Set<string>): Lane | null {
  let best: Lane | null = null;
  let bestScore = Infinity;
  const endHeading = lane.headingAt(lane.lengthM);
  for (const id of candidates) {
    if (visited.has(id)) continue;
    const next = network.lanes.get(id);
    if (!next) continue;
    const turn = Math.abs(wrapAngleTrig(next.headingAt(0) - endHeading));
    const score = (next.roadId === lane.roadId ? 0 : 10) + (next.index === lane.index ? 0 : 5) + turn;
    if (score < bestScore) {
      bestScore = score;
      best = next;
    }
  }
  return best;
}

/** Lanes that continue onto `lane` (its predecessors). */
function predecessors(network: RoadNetwork, lane: Lane): string[] {
  const out: string[] = [];
  for (const l of network.lanes.values()) if (l.next.includes(lane.id)) out.push(l.id);
  return out;
}

export interface LanePath {
  path: Path;
  /** True if the last lane leads nowhere (a dead end the actor must stop before). */
  endsAtRoadEnd: boolean;
}

/** Paths already built in one run, by lane (paths are immutable, so actors share them). */
export type LanePathCache = Map<string, LanePath>;

/**
 * `lane` from its start, then the lanes it continues onto until the path reaches `minLengthM`.
 * With a cache, a long enough path built before for the same lane is reused.
 */
export function lanePath(network: RoadNetwork, lane: Lane, minLengthM: number, cache?: LanePathCache): LanePath {
  const cached = cache?.get(lane.id);
  if (cached && (cached.path.lengthM >= minLengthM || cached.endsAtRoadEnd)) return cached;
  const built = buildLanePath(network, lane, minLengthM);
  cache?.set(lane.id, built);
  return built;
}

/**
 * Adds to `pieces` (totalM [m] long, ending with lane `last`) the lanes traffic continues onto,
 * whole, until the pieces are minLengthM long. Returns whether the last lane is a dead end.
 */
function continueForward(network: RoadNetwork, pieces: PathPiece[], visited: Set<string>, last: Lane, totalM: number, minLengthM: number): boolean {
  while (totalM < minLengthM && pieces.length < MAX_CHAIN) {
    const next = pickNext(network, last, last.next, visited);
    if (!next) break;
    pieces.push({ curve: next, fromS: 0, toS: next.lengthM, laneId: next.id });
    visited.add(next.id);
    totalM += next.lengthM;
    last = next;
  }
  return pickNext(network, last, last.next, visited) === null;
}

function buildLanePath(network: RoadNetwork, lane: Lane, minLengthM: number): LanePath {
  const pieces: PathPiece[] = [{ curve: lane, fromS: 0, toS: lane.lengthM, laneId: lane.id }];
  const endsAtRoadEnd = continueForward(network, pieces, new Set([lane.id]), lane, lane.lengthM, minLengthM);
  return { path: Path.fromPieces(pieces), endsAtRoadEnd };
}

/**
 * `lane` driven against its direction from its end, then its predecessors backwards, until the
 * path reaches `minLengthM`.
 */
export function reversedLanePath(network: RoadNetwork, lane: Lane, minLengthM: number): LanePath {
  const pieces: PathPiece[] = [{ curve: lane, fromS: lane.lengthM, toS: 0, laneId: lane.id }];
  const visited = new Set([lane.id]);
  let total = lane.lengthM;
  let last = lane;
  const previousOf = (lane: Lane): Lane | null => {
    let best: Lane | null = null;
    let bestScore = Infinity;
    for (const id of predecessors(network, lane)) {
      if (visited.has(id)) continue;
      const prev = network.lanes.get(id)!;
      const turn = Math.abs(wrapAngleTrig(prev.headingAt(prev.lengthM) - lane.headingAt(0)));
      const score = (prev.roadId === lane.roadId ? 0 : 10) + (prev.index === lane.index ? 0 : 5) + turn;
      if (score < bestScore) {
        bestScore = score;
        best = prev;
      }
    }
    return best;
  };
  while (total < minLengthM && pieces.length < MAX_CHAIN) {
    const best = previousOf(last);
    if (!best) break;
    pieces.push({ curve: best, fromS: best.lengthM, toS: 0, laneId: best.id });
    visited.add(best.id);
    total += best.lengthM;
    last = best;
  }
  return { path: Path.fromPieces(pieces), endsAtRoadEnd: previousOf(last) === null };
}

/**
 * From the start of `lane` to where the first route lane leaves it, then the route lanes, then
 * the outgoing lane's continuations up to `minLengthM`.
 */
export function routePath(network: RoadNetwork, lane: Lane, route: readonly Lane[], minLengthM: number): LanePath & { routeFromS: number; routeToS: number } {
  const first = route[0];
  const join = lane.localCoordinates(first.position(0, 0));
  const joinS = Math.max(0, Math.min(lane.lengthM, join.s));
  const pieces: PathPiece[] = [{ curve: lane, fromS: 0, toS: joinS, laneId: lane.id }];
  const visited = new Set([lane.id]);
  for (const r of route) {
    pieces.push({ curve: r, fromS: 0, toS: r.lengthM, laneId: r.id });
    visited.add(r.id);
  }
  const deadEnd = continueForward(network, pieces, visited, route[route.length - 1], joinS + route.reduce((a, r) => a + r.lengthM, 0), minLengthM);
  const path = Path.fromPieces(pieces);
  // The route spans from the end of the first piece to the end of the outgoing lane's start;
  // the connectors are the route lanes except the last.
  const routeFromS = path.spans[0].toPathS;
  const routeToS = path.spans[Math.max(1, route.length - 1)]?.toPathS ?? routeFromS;
  return { path, endsAtRoadEnd: deadEnd, routeFromS, routeToS };
}

/**
 * The lane under a point whose direction agrees with `headingRad` (within 90 deg), nearest to
 * its centre; null if the point is on no lane.
 */
export function laneAt(network: RoadNetwork, p: Vec2, headingRad: number): Lane | null {
  let best: Lane | null = null;
  let bestT = Infinity;
  for (const lane of network.lanes.values()) {
    const { s, t } = lane.localCoordinates(p);
    if (s < -0.5 || s > lane.lengthM + 0.5) continue;
    if (Math.abs(t) > lane.widthAt(Math.max(0, Math.min(lane.lengthM, s))) / 2 + 0.25) continue;
    if (Math.cos(lane.headingAt(Math.max(0, Math.min(lane.lengthM, s))) - headingRad) <= 0) continue;
    const penalty = lane.index === 0 ? 0.5 : 0; // prefer driving lanes over strips and connectors
    if (Math.abs(t) + penalty < bestT) {
      bestT = Math.abs(t) + penalty;
      best = lane;
    }
  }
  return best;
}
