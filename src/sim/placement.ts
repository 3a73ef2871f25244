/**
 * Where every actor stands at time 0. Lane placements come from the road; relative placements
 * from the already-placed actor they refer to, so they are resolved in dependency order.
 */
import type { RoadNetwork } from '../road/types.js';
import type { LanePlacement, Placement } from '../scenario/types.js';
import { placementPose } from '../road/placementPose.js';
import { SimulationError } from './errors.js';

export interface Pose {
  x: number;
  y: number;
  yawRad: number;
  /** The lane of a lane placement. */
  laneId?: string;
}

const DEG = Math.PI / 180;

/** Pose in the frame of another actor: ahead along its heading, left across it. */
export function relativePose(of: Pose, aheadM: number, leftM: number, headingDeg: number): Pose {
  const c = Math.cos(of.yawRad);
  const s = Math.sin(of.yawRad);
  return { x: of.x + c * aheadM - s * leftM, y: of.y + s * aheadM + c * leftM, yawRad: of.yawRad + headingDeg * DEG };
}

/**
 * Poses of all actors, in input order. `ids[i]` names actor i; `places[i]` says where it stands.
 * Throws a SimulationError naming the actor for an unknown reference or a cycle.
 */
export function resolvePlacements(
  network: RoadNetwork,
  ids: readonly string[],
  places: readonly Placement[],
  lanePose: (network: RoadNetwork, place: LanePlacement) => Pose = placementPose,
): Pose[] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const poses: (Pose | undefined)[] = new Array(ids.length);
  const visiting = new Set<number>();
  const resolve = (i: number): Pose => {
    const done = poses[i];
    if (done) return done;
    if (visiting.has(i)) {
      throw new SimulationError(`actor "${ids[i]}": relative placements form a cycle (${[...visiting].map((k) => ids[k]).join(' -> ')} -> ${ids[i]})`, ids[i]);
    }
    const place = places[i];
    let pose: Pose;
    if ('relativeTo' in place) {
      const j = index.get(place.relativeTo);
      if (j === undefined) {
        throw new SimulationError(`actor "${ids[i]}": place.relativeTo "${place.relativeTo}" is not an actor id (ids: ${ids.join(', ')})`, ids[i]);
      }
      visiting.add(i);
      const of = resolve(j);
      visiting.delete(i);
      pose = relativePose(of, place.aheadM, place.leftM, place.headingDeg);
    } else {
      try {
        pose = lanePose(network, place);
      } catch (err) {
        throw new SimulationError(`actor "${ids[i]}": ${(err as Error).message}`, ids[i]);
      }
    }
    if (!Number.isFinite(pose.x) || !Number.isFinite(pose.y) || !Number.isFinite(pose.yawRad)) {
      throw new SimulationError(`actor "${ids[i]}": placement gives a non-finite pose`, ids[i]);
    }
    poses[i] = pose;
    return pose;
  };
  return ids.map((_, i) => resolve(i));
}
