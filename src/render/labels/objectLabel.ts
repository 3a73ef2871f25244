/**
 * Assembles one object's label from its pose, its pixels in the instance buffer and its pixel
 * count when rendered alone.
 *   occlusion   1 - visible / unoccluded pixels
 *   truncation  part of the projected 3D box (near-clipped, not clipped to the image) outside
 *               the image; an object reaching behind the camera projects to a very large box,
 *               so its truncation tends to 1
 *   distanceM   from the camera centre to the centre of the 3D box
 */
import type * as THREE from 'three';
import type { Box2, CameraModel, ObjectLabel } from '../types.js';
import type { TrackedObject } from '../../scene/types.js';
import { boxCorners, kittiBox3 } from './box3d.js';
import { clipBox, projectedBox, truncation } from './projectedBox.js';
import { occludedLevel } from './occludedLevel.js';
import type { LabelOptions } from './labelOptions.js';

/** Geometry of an object in one frame, before any pixel is counted. */
export interface ObjectGeometry {
  track: TrackedObject;
  /** Projected 3D box, near-clipped, not clipped to the image [px]. */
  unclippedBox: Box2 | null;
  /** The same clipped to the image. */
  amodalBox: Box2 | null;
}

export function objectGeometry(track: TrackedObject, threeToCam: THREE.Matrix4, camera: CameraModel, nearM: number): ObjectGeometry {
  const unclippedBox = projectedBox(boxCorners(track, threeToCam), camera.K, nearM);
  return {
    track,
    unclippedBox,
    amodalBox: unclippedBox && clipBox(unclippedBox, camera.widthPx, camera.heightPx),
  };
}

export function objectLabel(
  geometry: ObjectGeometry,
  threeToCam: THREE.Matrix4,
  pixels: { visible: number; visibleBox: Box2 | null; unoccluded: number },
  options: LabelOptions,
): ObjectLabel {
  const { track, unclippedBox, amodalBox } = geometry;
  const box3d = kittiBox3(track, threeToCam);
  // Rendering the object alone can only add pixels; max() guards against parts drawn outside the scissor.
  const unoccluded = Math.max(pixels.unoccluded, pixels.visible);
  const occlusion = unoccluded > 0 ? 1 - pixels.visible / unoccluded : 1;
  const cy = box3d.y - box3d.h / 2;
  return {
    actorId: track.actorId,
    trackId: track.trackId,
    cls: track.cls,
    box: pixels.visible > 0 ? pixels.visibleBox : null,
    amodalBox,
    box3d,
    visiblePixels: pixels.visible,
    unoccludedPixels: unoccluded,
    occlusion,
    truncation: unclippedBox ? truncation(unclippedBox, amodalBox) : 1,
    occludedLevel: occludedLevel(occlusion, unoccluded),
    distanceM: Math.hypot(box3d.x, cy, box3d.z),
    lowVisibility: pixels.visible < options.minVisiblePixels || 1 - occlusion < options.minVisibleFraction,
  };
}
