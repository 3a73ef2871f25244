/**
 * Camera model: intrinsics K, KITTI P2 and the world -> KITTI camera transform, all read from
 * the three.js camera that draws the frames, so labels and pixels cannot disagree.
 *
 * Frames (see also src/scene/frame.ts):
 *   world        x, y ground plane, z up [m]
 *   three        x = world x, y = world z (up), z = -world y
 *   three camera x right, y up, z backward (looks along -z)
 *   KITTI camera x right, y down, z forward [m]
 *   image        x right, y down, origin at the top-left corner of the top-left pixel [px];
 *                pixel (i, j) covers [i, i+1) x [j, j+1), its centre is (i + 0.5, j + 0.5).
 */
import * as THREE from 'three';
import type { CameraModel } from './types.js';

/** three.js frame from the world frame (z up): (x, y, z) -> (x, z, -y). */
export const WORLD_TO_THREE: Readonly<THREE.Matrix4> = new THREE.Matrix4().set(
  1, 0, 0, 0,
  0, 0, 1, 0,
  0, -1, 0, 0,
  0, 0, 0, 1,
);

/** KITTI camera frame from the three.js camera frame: flip y and z. */
const THREE_CAMERA_TO_KITTI = new THREE.Matrix4().makeScale(1, -1, -1);

/** Vertical field of view [deg] of an image with a horizontal field of view `hfovDeg`. */
export function verticalFovDeg(hfovDeg: number, widthPx: number, heightPx: number): number {
  const halfH = Math.tan(THREE.MathUtils.degToRad(hfovDeg) / 2);
  return THREE.MathUtils.radToDeg(2 * Math.atan((halfH * heightPx) / widthPx));
}

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
  const p00 = p[0], p11 = p[5], p02 = p[8], p12 = p[9];
  // u = W/2 (x_ndc + 1), v = H/2 (1 - y_ndc), x_ndc = P00 X/Z - P02, y_ndc = -P11 Y/Z - P12.
  return [
    (widthPx / 2) * p00, 0, (widthPx / 2) * (1 - p02),
    0, (heightPx / 2) * p11, (heightPx / 2) * (1 + p12),
    0, 0, 1,
  ];
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

/** Row-major 3x4 KITTI P2 = K [I | 0]: the rendering camera is the reference camera. */
export function projectionFromIntrinsics(K: readonly number[]): number[] {
  return [K[0], K[1], K[2], 0, K[3], K[4], K[5], 0, K[6], K[7], K[8], 0];
}

/** Pixel position (image frame) of a point in the KITTI camera frame; z must be > 0. */
export function projectKitti(K: readonly number[], x: number, y: number, z: number): { u: number; v: number } {
  return { u: (K[0] * x + K[1] * y) / z + K[2], v: (K[4] * y) / z + K[5] };
}

/** The camera model of the frames `camera` renders at widthPx x heightPx. */
export function cameraModel(camera: THREE.PerspectiveCamera, widthPx: number, heightPx: number): CameraModel {
  const K = intrinsicsOf(camera, widthPx, heightPx);
  const m = worldToKittiCamera(camera);
  return {
    widthPx,
    heightPx,
    K,
    P: projectionFromIntrinsics(K),
    worldToCamera: m.clone().transpose().toArray(), // toArray is column-major; transpose gives row-major
  };
}
