/**
 * 3D boxes of tracked objects. A box is upright in the world: it turns with the object's
 * heading only (yaw), whatever the object's pitch and roll, and it is the smallest such box
 * that encloses every mesh the object draws at the current tick (limbs in mid-stride, the rider
 * and the bicycle, a wheelchair, an open door). Written in the rect frame (see cameraModel.ts):
 * KITTI camera axes (x right, y down, z forward) with y along gravity.
 */
import * as THREE from 'three';
import type { Box3 } from '../types.js';
import type { Size } from '../../scenario/types.js';
import type { TrackedObject } from '../../scene/types.js';
import { LAYERS } from '../../scene/types.js';
import { wrapAngle } from '../../math/angles.js';

/** An upright box in the three.js frame: its pose, and its length, width and height [m]. */
export interface UprightBox extends Size {
  /**
   * Box frame -> three.js frame: origin at the bottom centre of the box, x forward (the
   * object's heading), y up, z to the object's right.
   */
  pose: THREE.Matrix4;
}

const _heading = new THREE.Matrix4();
const _toHeading = new THREE.Matrix4();
const _m = new THREE.Matrix4();
const _v = new THREE.Vector3();
const _fwd = new THREE.Vector3();
const _pos = new THREE.Vector3();
const _appearance = new THREE.Layers();
_appearance.set(LAYERS.APPEARANCE);

/** Heading frame of a root at the current tick: its position, rotated about the vertical to its forward (+x) axis. */
function headingFrame(root: THREE.Object3D, out: THREE.Matrix4): THREE.Matrix4 {
  root.updateWorldMatrix(true, true);
  const e = root.matrixWorld.elements;
  _fwd.set(e[0], 0, e[2]);
  // An object pointing straight up or down has no heading; keep yaw 0 rather than NaN.
  const yaw = _fwd.lengthSq() > 1e-18 ? Math.atan2(-_fwd.z, _fwd.x) : 0;
  _pos.setFromMatrixPosition(root.matrixWorld);
  return out.makeRotationY(yaw).setPosition(_pos);
}

/**
 * Calls `visit` for every mesh drawn as part of the object in the instance pass: visible, not
 * appearance-only, and not below a child that carries another track id.
 */
function visitObjectMeshes(obj: THREE.Object3D, trackId: number, visit: (mesh: THREE.Mesh) => void): void {
  if (!obj.visible || obj.layers.test(_appearance)) return;
  const own: unknown = obj.userData.trackId;
  if (typeof own === 'number' && own !== trackId) return;
  const mesh = obj as THREE.Mesh;
  if (mesh.isMesh) visit(mesh);
  for (const child of obj.children) visitObjectMeshes(child, trackId, visit);
}

/** The upright box enclosing everything `track` draws at the current tick (falls back to its nominal size when it draws nothing). */
export function uprightBox(track: TrackedObject): UprightBox {
  const heading = headingFrame(track.root, _heading);
  _toHeading.copy(heading).invert();
  let x1 = Infinity,
    y1 = Infinity,
    z1 = Infinity,
    x2 = -Infinity,
    y2 = -Infinity,
    z2 = -Infinity;
  visitObjectMeshes(track.root, track.trackId, (mesh) => {
    const position = mesh.geometry.getAttribute('position') as THREE.BufferAttribute | THREE.InterleavedBufferAttribute | undefined;
    if (!position) return;
    _m.multiplyMatrices(_toHeading, mesh.matrixWorld);
    for (let i = 0; i < position.count; i++) {
      _v.fromBufferAttribute(position, i).applyMatrix4(_m);
      if (_v.x < x1) x1 = _v.x;
      if (_v.x > x2) x2 = _v.x;
      if (_v.y < y1) y1 = _v.y;
      if (_v.y > y2) y2 = _v.y;
      if (_v.z < z1) z1 = _v.z;
      if (_v.z > z2) z2 = _v.z;
    }
  });
  if (x1 === Infinity) {
    const { lengthM: l, widthM: w, heightM: h } = track.size;
    [x1, x2, y1, y2, z1, z2] = [-l / 2, l / 2, 0, h, -w / 2, w / 2];
  }
  return {
    pose: heading.clone().multiply(_m.makeTranslation((x1 + x2) / 2, y1, (z1 + z2) / 2)),
    lengthM: x2 - x1,
    widthM: z2 - z1,
    heightM: y2 - y1,
  };
}

/** Corner order of boxCorners: bottom ring (y = 0), then the top ring, each front-left first. */
const CORNERS: readonly (readonly [number, number, number])[] = [0, 1].flatMap((top) =>
  (
    [
      [0.5, 0.5],
      [0.5, -0.5],
      [-0.5, -0.5],
      [-0.5, 0.5],
    ] as const
  ).map(([x, z]) => [x, top, z] as const),
);

/** Eight new vectors, for boxCorners to write into. */
export function cornerVectors(): THREE.Vector3[] {
  return CORNERS.map(() => new THREE.Vector3());
}

/**
 * The 8 corners of a box in the frame `threeToFrame` maps to (e.g. the KITTI camera): bottom 4
 * then top 4, written into `out` (labels pass vectors they reuse every frame).
 */
export function boxCorners(box: UprightBox, threeToFrame: THREE.Matrix4, out: THREE.Vector3[] = cornerVectors()): THREE.Vector3[] {
  const m = _m.multiplyMatrices(threeToFrame, box.pose);
  for (let k = 0; k < CORNERS.length; k++) {
    const [x, y, z] = CORNERS[k];
    out[k].set(x * box.lengthM, y * box.heightM, z * box.widthM).applyMatrix4(m);
  }
  return out;
}

/**
 * Calls `visit` with `n^3` points spread evenly through the box (cell centres of an n x n x n
 * grid), in the frame `threeToFrame` maps to.
 */
export function boxVolumePoints(box: UprightBox, threeToFrame: THREE.Matrix4, n: number, visit: (p: THREE.Vector3) => void): void {
  const m = _m.multiplyMatrices(threeToFrame, box.pose);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) {
        visit(_v.set(((i + 0.5) / n - 0.5) * box.lengthM, ((j + 0.5) / n) * box.heightM, ((k + 0.5) / n - 0.5) * box.widthM).applyMatrix4(m));
      }
    }
  }
}

/** Edges of the box as index pairs into boxCorners' output. */
export const BOX_EDGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 0],
  [4, 5],
  [5, 6],
  [6, 7],
  [7, 4],
  [0, 4],
  [1, 5],
  [2, 6],
  [3, 7],
];

/**
 * KITTI 3D box in the rect frame: dimensions, bottom centre, rotation_y (yaw about the rect
 * frame's vertical y axis; 0 = facing rect +x, -pi/2 = driving away along +z) and
 * alpha = rotation_y - atan2(x, z).
 * @param threeToRect three.js frame -> rect frame (threeToRect in cameraModel.ts)
 */
export function kittiBox3(box: UprightBox, threeToRect: THREE.Matrix4): Box3 {
  const m = _m.multiplyMatrices(threeToRect, box.pose);
  const bottom = _pos.setFromMatrixPosition(m);
  _fwd.set(1, 0, 0).transformDirection(m);
  const rotationY = Math.atan2(-_fwd.z, _fwd.x);
  return {
    h: box.heightM,
    w: box.widthM,
    l: box.lengthM,
    x: bottom.x,
    y: bottom.y,
    z: bottom.z,
    rotationY,
    alpha: wrapAngle(rotationY - Math.atan2(bottom.x, bottom.z)),
  };
}
