/**
 * Camera model: intrinsics K, KITTI P2 and the world -> KITTI camera transform, all read from
 * the three.js camera that draws the frames, so labels and pixels cannot disagree.
 *
 * Frames (see also src/scene/frame.ts):
 *   world        x, y ground plane, z up [m]
 *   three        x = world x, y = world z (up), z = -world y
 *   three camera x right, y up, z backward (looks along -z)
 *   KITTI camera x right, y down, z forward [m]; pitches and rolls with the camera
 *   rect         KITTI's rectified reference frame, the frame labels are written in: origin at
 *                the camera centre, y straight down (gravity), z the optical axis projected on
 *                the ground plane, x = y cross z (right). It turns with the camera's heading
 *                only, so upright objects have upright boxes (rotation_y alone). The camera's
 *                pitch and roll are in P2 = K [R_rect_to_cam | 0].
 *   image        x right, y down, origin at the top-left corner of the top-left pixel [px];
 *                pixel (i, j) covers [i, i+1) x [j, j+1), its centre is (i + 0.5, j + 0.5).
 */
import * as THREE from 'three';
import type { CameraModel } from './types.js';

/** three.js frame from the world frame (z up): (x, y, z) -> (x, z, -y). */
export const WORLD_TO_THREE: Readonly<THREE.Matrix4> = new THREE.Matrix4().set(1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1);

/** KITTI camera frame from the three.js camera frame: flip y and z. */
const THREE_CAMERA_TO_KITTI = new THREE.Matrix4().makeScale(1, -1, -1);

/** Row-major 3x3 intrinsics of a pinhole camera with square pixels and a centred principal point. */
export function intrinsicsFromFov(hfovDeg: number, widthPx: number, heightPx: number): number[] {
  const f = widthPx / 2 / Math.tan(THREE.MathUtils.degToRad(hfovDeg) / 2);
  return [f, 0, widthPx / 2, 0, f, heightPx / 2, 0, 0, 1];
}

/**
 * Row-major 3x3 intrinsics of a three.js camera rendering a widthPx x heightPx image, read
 * from its projection matrix (so zoom, aspect and view offsets are honoured).
 */
export function intrinsicsOf(camera: THREE.PerspectiveCamera, widthPx: number, heightPx: number): number[] {
  camera.updateProjectionMatrix();
  const p = camera.projectionMatrix.elements; // column-major
  const p00 = p[0],
    p11 = p[5],
    p02 = p[8],
    p12 = p[9];
  // u = W/2 (x_ndc + 1), v = H/2 (1 - y_ndc), x_ndc = P00 X/Z - P02, y_ndc = -P11 Y/Z - P12.
  return [(widthPx / 2) * p00, 0, (widthPx / 2) * (1 - p02), 0, (heightPx / 2) * p11, (heightPx / 2) * (1 + p12), 0, 0, 1];
}

/** Transform from the three.js frame to the KITTI camera frame of `camera` (updates its matrices). */
export function threeToKittiCamera(camera: THREE.Camera, out = new THREE.Matrix4()): THREE.Matrix4 {
  camera.updateMatrixWorld();
  return out.multiplyMatrices(THREE_CAMERA_TO_KITTI, camera.matrixWorldInverse);
}

/** Transform from the world frame (z up) to the KITTI camera frame of `camera`. */
export function worldToKittiCamera(camera: THREE.Camera, out = new THREE.Matrix4()): THREE.Matrix4 {
  return threeToKittiCamera(camera, out).multiply(WORLD_TO_THREE);
}

const _axis = new THREE.Vector3();
const _pos = new THREE.Vector3();

/**
 * Transform from the three.js frame to the rect frame of `camera` (updates its matrices).
 * Throws when the camera looks straight up or down: the rect frame's heading is undefined then.
 */
export function threeToRect(camera: THREE.Camera, out = new THREE.Matrix4()): THREE.Matrix4 {
  camera.updateMatrixWorld();
  const e = camera.matrixWorld.elements; // column-major; the camera looks along its -z (column 2)
  _axis.set(-e[8], 0, -e[10]);
  const n = _axis.length();
  if (n < 1e-9) throw new Error('camera model: the camera looks straight up or down; the rect frame is undefined');
  const fx = _axis.x / n,
    fz = _axis.z / n;
  // Rect axes in three.js coordinates: x = (-fz, 0, fx) (right), y = (0, -1, 0) (down), z = (fx, 0, fz).
  _pos.setFromMatrixPosition(camera.matrixWorld);
  return out.set(-fz, 0, fx, -(-fz * _pos.x + fx * _pos.z), 0, -1, 0, _pos.y, fx, 0, fz, -(fx * _pos.x + fz * _pos.z), 0, 0, 0, 1);
}

/** Rotation from the rect frame to the KITTI camera frame of `camera`: the camera's pitch and roll. */
export function rectToKittiCamera(camera: THREE.Camera, out = new THREE.Matrix4()): THREE.Matrix4 {
  const toRect = threeToRect(camera, new THREE.Matrix4());
  return out.multiplyMatrices(threeToKittiCamera(camera, new THREE.Matrix4()), toRect.invert());
}

/** Row-major 3x4 KITTI projection K [R | 0] of a rotation R (row-major 3x3) from the label frame to the camera. */
export function projectionFromIntrinsics(K: readonly number[], R: readonly number[] = [1, 0, 0, 0, 1, 0, 0, 0, 1]): number[] {
  const P: number[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      P.push(K[row * 3] * R[col] + K[row * 3 + 1] * R[3 + col] + K[row * 3 + 2] * R[6 + col]);
    }
    P.push(0);
  }
  return P;
}

/** Row-major 3x3 rotation part of a three.js Matrix4. */
function rotationRows(m: THREE.Matrix4): number[] {
  const e = m.elements;
  return [e[0], e[4], e[8], e[1], e[5], e[9], e[2], e[6], e[10]];
}

/**
 * Pixel position (image frame) of a point in the KITTI camera frame; z must be > 0. Pass `out`
 * where it runs per point of a frame, so nothing is allocated.
 */
export function projectKitti(K: readonly number[], x: number, y: number, z: number, out: { u: number; v: number } = { u: 0, v: 0 }): { u: number; v: number } {
  out.u = (K[0] * x + K[1] * y) / z + K[2];
  out.v = (K[4] * y) / z + K[5];
  return out;
}

/** The camera model of the frames `camera` renders at widthPx x heightPx. */
export function cameraModel(camera: THREE.PerspectiveCamera, widthPx: number, heightPx: number): CameraModel {
  const K = intrinsicsOf(camera, widthPx, heightPx);
  const m = worldToKittiCamera(camera);
  const rectToCamera = rotationRows(rectToKittiCamera(camera));
  const worldToRect = threeToRect(camera).multiply(WORLD_TO_THREE);
  return {
    widthPx,
    heightPx,
    K,
    P: projectionFromIntrinsics(K, rectToCamera),
    // toArray is column-major; transpose gives row-major
    worldToCamera: m.clone().transpose().toArray(),
    worldToRect: worldToRect.transpose().toArray(),
    rectToCamera,
  };
}
