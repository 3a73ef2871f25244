/**
 * The amodal 2D box: the image-plane bounds of an object's 3D box. Edges that cross the near
 * plane are clipped there, so a box partly behind the camera still projects to finite bounds.
 */
import type * as THREE from 'three';
import { projectKitti } from '../cameraModel.js';
import type { Box2 } from '../types.js';
import { BOX_EDGES } from './box3d.js';

const _uv = { u: 0, v: 0 };

/**
 * Bounds [px] of the projection of the part of a box in front of the near plane; not clipped
 * to the image. Null when the whole box lies behind the near plane.
 * @param corners box corners in the KITTI camera frame [m] (boxCorners order)
 * @param nearM   near plane distance [m]
 */
export function projectedBox(corners: readonly THREE.Vector3[], K: readonly number[], nearM: number): Box2 | null {
  let x1 = Infinity,
    y1 = Infinity,
    x2 = -Infinity,
    y2 = -Infinity;
  const add = (x: number, y: number, z: number): void => {
    const { u, v } = projectKitti(K, x, y, z, _uv);
    x1 = Math.min(x1, u);
    y1 = Math.min(y1, v);
    x2 = Math.max(x2, u);
    y2 = Math.max(y2, v);
  };
  for (const c of corners) if (c.z >= nearM) add(c.x, c.y, c.z);
  for (const [i, j] of BOX_EDGES) {
    const a = corners[i],
      b = corners[j];
    if (a.z >= nearM === b.z >= nearM) continue;
    const t = (nearM - a.z) / (b.z - a.z);
    add(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), nearM);
  }
  return x1 === Infinity ? null : [x1, y1, x2, y2];
}

/** A box clipped to a widthPx x heightPx image; null when nothing of it is inside. */
export function clipBox(box: Box2, widthPx: number, heightPx: number): Box2 | null {
  const x1 = Math.max(0, box[0]),
    y1 = Math.max(0, box[1]);
  const x2 = Math.min(widthPx, box[2]),
    y2 = Math.min(heightPx, box[3]);
  return x2 > x1 && y2 > y1 ? [x1, y1, x2, y2] : null;
}

/** Smallest box of whole pixels that contains `box` and `other`, clipped to the image. */
export function pixelUnion(box: Box2 | null, other: Box2 | null, widthPx: number, heightPx: number): Box2 | null {
  // Runs per object per frame, so no arrays beyond the result; with one box missing, the other is joined with itself.
  const a = box ?? other;
  const b = other ?? box;
  if (a === null || b === null) return null;
  return clipBox([Math.floor(Math.min(a[0], b[0])), Math.floor(Math.min(a[1], b[1])), Math.ceil(Math.max(a[2], b[2])), Math.ceil(Math.max(a[3], b[3]))], widthPx, heightPx);
}
