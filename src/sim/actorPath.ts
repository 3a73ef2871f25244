/**
 * Giving an actor a new reference path: where it now stands on it, and the stop lines of the
 * signal heads that control the path's lanes.
 */
import type { RoadNetwork } from '../road/types.js';
import type { SimActor, StopLine } from './actor.js';
import type { LanePath } from './lanePaths.js';
import type { Path } from './path.js';

/** Stop lines of every signal head on the lanes of `path`, in path s [m]. */
export function stopLinesOn(path: Path, network: RoadNetwork): StopLine[] {
  const out: StopLine[] = [];
  for (const junction of network.junctions) {
    for (const head of junction.signalHeads) {
      for (const line of head.stopLines) {
        for (const span of path.spans) {
          if (span.laneId !== line.laneId) continue;
          const pathS = span.fromPathS + (line.s - span.curveFromS) * span.direction;
          if (pathS >= span.fromPathS - 0.5 && pathS <= span.toPathS + 0.5) out.push({ pathS, junctionId: junction.id, group: head.group });
        }
      }
    }
  }
  return out.sort((a, b) => a.pathS - b.pathS);
}

/** Puts the actor on `built`, keeping its current position; returns its t on the new path [m]. */
export function setActorPath(actor: SimActor, network: RoadNetwork, built: LanePath, hintS = Number.NaN): number {
  const path = built.path;
  const p = { x: actor.state.x, y: actor.state.y };
  const hint = Number.isFinite(hintS) ? hintS : nearestS(path, p);
  const local = path.localCoordinates(p, hint);
  actor.intent.path = path;
  actor.intent.pathEndsAtRoadEnd = built.endsAtRoadEnd;
  actor.state.pathS = local.s;
  actor.state.pathT = local.t;
  actor.intent.stopLines = stopLinesOn(path, network);
  actor.intent.yieldPoints = [];
  actor.intent.speedZones = [];
  return local.t;
}

/** Path s nearest to a point, by a coarse scan then refinement [m]. */
export function nearestS(path: Path, p: { x: number; y: number }): number {
  let best = 0;
  let bestD = Infinity;
  const step = 4;
  for (let s = 0; s <= path.lengthM + step; s += step) {
    const q = path.position(Math.min(s, path.lengthM), 0);
    const d = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = Math.min(s, path.lengthM);
    }
  }
  return path.localCoordinates(p, best).s;
}
