/**
 * Where the orbit camera starts (and where "reset view" puts it): behind and above the ego
 * vehicle, far enough back that the ego and the scenario's focus actors all fit in the view,
 * and high enough that no building, tree or tunnel stands between the camera and what it
 * looks at (the view once started inside a house).
 */
import * as THREE from 'three';

/** Extra room around the framed actors [m] (a vehicle's half length and some street). */
const MARGIN_M = 6;
/** Nearest the camera comes to what it frames [m]. */
const MIN_DISTANCE_M = 16;
/** First elevation tried, and the steepest [deg]. */
const ELEVATION_DEG = 35;
const MAX_ELEVATION_DEG = 82;
const STEP_DEG = 9;
/** The view is turned a little to the ego's left (more would put the camera over the roadside's buildings). */
const SIDE_DEG = 5;

export interface OrbitPose {
  position: THREE.Vector3;
  target: THREE.Vector3;
}

/**
 * @param ego       the ego vehicle (or its camera)
 * @param heading   the ego's direction of travel (three.js axes; its height is ignored)
 * @param focus     the focus actors' roots (may be empty)
 * @param blockers  meshes the line of sight must not cross (buildings, trees, tunnels)
 * @param fovDeg    vertical field of view of the orbit camera
 */
export function orbitFraming(
  ego: THREE.Object3D,
  heading: THREE.Vector3,
  focus: readonly THREE.Object3D[],
  blockers: readonly THREE.Object3D[],
  fovDeg: number,
  aspect: number,
): OrbitPose {
  const egoAt = ego.getWorldPosition(new THREE.Vector3());
  const points = [egoAt, ...focus.map((f) => f.getWorldPosition(new THREE.Vector3()))];
  const box = new THREE.Box3().setFromPoints(points);
  const target = box.getCenter(new THREE.Vector3());
  target.y = egoAt.y + 1;
  let radius = 0;
  for (const p of points) radius = Math.max(radius, p.distanceTo(target));
  radius += MARGIN_M;
  const vHalf = THREE.MathUtils.degToRad(fovDeg) / 2;
  const hHalf = Math.atan(Math.tan(vHalf) * aspect);
  const distance = Math.max(MIN_DISTANCE_M, radius / Math.sin(Math.min(vHalf, hHalf)));

  const forward = heading.clone();
  forward.y = 0;
  if (forward.lengthSq() < 1e-6) forward.set(1, 0, 0);
  forward.normalize();
  // Behind the ego, turned towards its left (-z in body axes).
  const back = forward
    .clone()
    .negate()
    .applyAxisAngle(new THREE.Vector3(0, 1, 0), THREE.MathUtils.degToRad(-SIDE_DEG));

  const ray = new THREE.Raycaster();
  const dir = new THREE.Vector3();
  const poseAt = (elevationDeg: number): THREE.Vector3 => {
    const e = THREE.MathUtils.degToRad(elevationDeg);
    dir
      .copy(back)
      .multiplyScalar(Math.cos(e))
      .add(new THREE.Vector3(0, Math.sin(e), 0))
      .normalize();
    return target.clone().addScaledVector(dir, distance);
  };
  const clear = (position: THREE.Vector3): boolean => {
    for (const p of [target, egoAt]) {
      const to = position.clone().sub(p);
      const length = to.length();
      ray.set(p, to.divideScalar(length));
      ray.far = length;
      if (ray.intersectObjects(blockers as THREE.Object3D[], false).length > 0) return false;
    }
    return true;
  };
  for (let el = ELEVATION_DEG; el <= MAX_ELEVATION_DEG; el += STEP_DEG) {
    const position = poseAt(el);
    if (clear(position)) return { position, target };
  }
  return { position: poseAt(MAX_ELEVATION_DEG), target };
}
