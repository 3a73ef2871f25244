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
 * Checks a lane placement against the road it names, so that a lane or an s the road does not
 * have is reported at the placement instead of as an actor flying off later. Returns the
 * offending key of the placement and why, or null.
 */
export function lanePlacementProblem(network: RoadNetwork, place: LanePlacement): { key: 'road' | 'lane' | 's'; message: string } | null {
  const road = network.roads.get(place.road);
  if (!road) return { key: 'road', message: `no road "${place.road}"; roads: ${[...network.roads.keys()].join(', ')}` };
  try {
    network.lane(place.road, place.lane);
  } catch (err) {
    return { key: 'lane', message: (err as Error).message };
  }
  if (!Number.isFinite(place.s) || place.s < 0 || place.s > road.lengthM) {
    return { key: 's', message: `s ${place.s} m is off road "${place.road}", which runs from s 0 to ${Number(road.lengthM.toFixed(2))} m` };
  }
  return null;
}

/**
 * Poses of all actors, in input order. `ids[i]` names actor i; `places[i]` says where it stands;
 * `pointers[i]`, when given, is the JSON pointer of that placement in the scenario, carried by
 * the errors. Throws a SimulationError naming the actor for an unknown reference, a cycle, or a
 * lane placement on a lane or an s its road does not have.
 */
export function resolvePlacements(
  network: RoadNetwork,
  ids: readonly string[],
  places: readonly Placement[],
  lanePose: (network: RoadNetwork, place: LanePlacement) => Pose = placementPose,
  pointers?: readonly string[],
): Pose[] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (i: number, key?: string): string | undefined => (pointers?.[i] === undefined ? undefined : key ? `${pointers[i]}/${key}` : pointers[i]);
  const poses: (Pose | undefined)[] = new Array(ids.length);
  const visiting = new Set<number>();
  const resolve = (i: number): Pose => {
    const done = poses[i];
    if (done) return done;
    if (visiting.has(i)) {
      throw new SimulationError(
        `actor "${ids[i]}": relative placements form a cycle (${[...visiting].map((k) => ids[k]).join(' -> ')} -> ${ids[i]})`,
        ids[i],
        undefined,
        at(i, 'relativeTo'),
      );
    }
    const place = places[i];
    let pose: Pose;
    if ('relativeTo' in place) {
      const j = index.get(place.relativeTo);
      if (j === undefined) {
        throw new SimulationError(`actor "${ids[i]}": place.relativeTo "${place.relativeTo}" is not an actor id (ids: ${ids.join(', ')})`, ids[i], undefined, at(i, 'relativeTo'));
      }
      visiting.add(i);
      const of = resolve(j);
      visiting.delete(i);
      pose = relativePose(of, place.aheadM, place.leftM, place.headingDeg);
    } else {
      const problem = lanePlacementProblem(network, place);
      if (problem) throw new SimulationError(`actor "${ids[i]}": ${problem.message}`, ids[i], undefined, at(i, problem.key));
      try {
        pose = lanePose(network, place);
      } catch (err) {
        throw new SimulationError(`actor "${ids[i]}": ${(err as Error).message}`, ids[i], undefined, at(i));
      }
    }
    if (!Number.isFinite(pose.x) || !Number.isFinite(pose.y) || !Number.isFinite(pose.yawRad)) {
      throw new SimulationError(`actor "${ids[i]}": placement gives a non-finite pose`, ids[i], undefined, at(i));
    }
    poses[i] = pose;
    return pose;
  };
  return ids.map((_, i) => resolve(i));
}
