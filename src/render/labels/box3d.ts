/**
 * 3D boxes of tracked objects in the KITTI camera frame (x right, y down, z forward [m]).
 * An object's root sits at the bottom centre of its box; its local +x (three frame) is forward
 * (length), +y up (height), +z the object's right (width). Root scale is ignored: the box size
 * comes from TrackedObject.size.
 */
import * as THREE from 'three';
import type { Box3 } from '../types.js';
import type { TrackedObject } from '../../scene/types.js';

const _pos = new THREE.Vector3();
const _quat = new THREE.Quaternion();
const _scale = new THREE.Vector3();
const _fwd = new THREE.Vector3();
const _pose = new THREE.Matrix4();

/** Wraps an angle into [-pi, pi) [rad]. */
export function wrapAngle(rad: number): number {
  const a = (rad + Math.PI) % (2 * Math.PI);
  return (a < 0 ? a + 2 * Math.PI : a) - Math.PI;
}

/** Object pose (rotation + translation, no scale) in the KITTI camera frame. */
export function objectToCamera(root: THREE.Object3D, threeToCam: THREE.Matrix4, out = new THREE.Matrix4()): THREE.Matrix4 {
  root.updateWorldMatrix(true, false);
  root.matrixWorld.decompose(_pos, _quat, _scale);
  _pose.compose(_pos, _quat, _scale.set(1, 1, 1));
  return out.multiplyMatrices(threeToCam, _pose);
}

/** The 8 corners of the object's box in the KITTI camera frame: bottom 4 then top 4. */
export function boxCorners(track: TrackedObject, threeToCam: THREE.Matrix4): THREE.Vector3[] {
  const m = objectToCamera(track.root, threeToCam);
  const { lengthM: l, widthM: w, heightM: h } = track.size;
  const corners: THREE.Vector3[] = [];
  for (const y of [0, h]) {
    for (const [x, z] of [[l / 2, w / 2], [l / 2, -w / 2], [-l / 2, -w / 2], [-l / 2, w / 2]] as const) {
      corners.push(new THREE.Vector3(x, y, z).applyMatrix4(m));
    }
  }
  return corners;
}

/** Edges of the box as index pairs into boxCorners' output. */
export const BOX_EDGES: readonly (readonly [number, number])[] = [
  [0, 1], [1, 2], [2, 3], [3, 0],
  [4, 5], [5, 6], [6, 7], [7, 4],
  [0, 4], [1, 5], [2, 6], [3, 7],
];

/**
 * KITTI 3D box: dimensions, bottom centre, rotation_y (yaw about the camera y axis; 0 = facing
 * camera +x, -pi/2 = driving away along +z) and alpha = rotation_y - atan2(x, z).
 */
export function kittiBox3(track: TrackedObject, threeToCam: THREE.Matrix4): Box3 {
  const m = objectToCamera(track.root, threeToCam);
  const bottom = _pos.setFromMatrixPosition(m);
  _fwd.set(1, 0, 0).transformDirection(m);
  const rotationY = Math.atan2(-_fwd.z, _fwd.x);
  return {
    h: track.size.heightM,
    w: track.size.widthM,
    l: track.size.lengthM,
    x: bottom.x,
    y: bottom.y,
    z: bottom.z,
    rotationY,
    alpha: wrapAngle(rotationY - Math.atan2(bottom.x, bottom.z)),
  };
}
