/**
 * Assembles one object's label from its pose, its pixels in the instance buffer, its pixel
 * count when rendered alone and how it stands out in the RGB frame.
 *   box3d       upright box enclosing all the object draws, in the rect frame (box3d.ts)
 *   occlusion   1 - visible / unoccluded pixels
 *   truncation  share of the 3D box's volume outside the camera's view: behind the near plane
 *               or projecting outside the image (estimated on a 10 x 10 x 10 grid of points in
 *               the box). 0 exactly when the whole projected box lies in the image, at least
 *               0.01 when any part of it does not. Defined the same way for objects reaching
 *               behind the camera; an object with visible pixels is never fully truncated (at
 *               most 0.99)
 *   distanceM   from the camera centre to the centre of the 3D box
 */
import type * as THREE from 'three';
import type { Box2, CameraModel, ObjectLabel } from '../types.js';
import type { TrackedObject } from '../../scene/types.js';
import { projectKitti } from '../cameraModel.js';
import { boxCorners, boxVolumePoints, cornerVectors, kittiBox3, uprightBox, type UprightBox } from './box3d.js';
import { clipBox, projectedBox } from './projectedBox.js';
import { occludedLevel } from './occludedLevel.js';
import type { ObjectContrast } from './contrast.js';
import type { LabelOptions } from './labelOptions.js';

/** Points per box edge of the truncation grid. */
export const TRUNCATION_GRID = 10;
/** Truncation written for a visible object whose grid points all fall outside the view. */
export const MAX_VISIBLE_TRUNCATION = 0.99;
/** Smallest truncation of an object whose box leaves the image, however little (KITTI writes 2 decimals). */
export const MIN_TRUNCATION = 0.01;

// Scratch reused for every object of every frame: objects are labelled one at a time, and
// the truncation grid alone projects 1000 points per object.
const _corners = cornerVectors();
const _uv = { u: 0, v: 0 };

/** The transforms of the frame's camera that labels need. */
export interface LabelFrames {
  /** three.js frame -> KITTI camera frame (pitched and rolled with the camera). */
  threeToCamera: THREE.Matrix4;
  /** three.js frame -> rect frame (gravity-aligned; labels are written in it). */
  threeToRect: THREE.Matrix4;
}

/** Geometry of an object in one frame, before any pixel is counted. */
export interface ObjectGeometry {
  track: TrackedObject;
  box: UprightBox;
  /** Projected 3D box, near-clipped, not clipped to the image [px]. */
  unclippedBox: Box2 | null;
  /** The same clipped to the image. */
  amodalBox: Box2 | null;
}

export function objectGeometry(track: TrackedObject, frames: LabelFrames, camera: CameraModel, nearM: number): ObjectGeometry {
  const box = uprightBox(track);
  const unclippedBox = projectedBox(boxCorners(box, frames.threeToCamera, _corners), camera.K, nearM);
  return {
    track,
    box,
    unclippedBox,
    amodalBox: unclippedBox && clipBox(unclippedBox, camera.widthPx, camera.heightPx),
  };
}

/** Share of the box's volume outside the view of `camera` (see the header). */
export function volumeTruncation(geometry: ObjectGeometry, frames: LabelFrames, camera: CameraModel, nearM: number): number {
  const { box, unclippedBox: u } = geometry;
  const inImage = u !== null && u[0] >= 0 && u[1] >= 0 && u[2] <= camera.widthPx && u[3] <= camera.heightPx;
  if (inImage && boxCorners(box, frames.threeToCamera, _corners).every((c) => c.z >= nearM)) return 0;
  let inside = 0;
  boxVolumePoints(box, frames.threeToCamera, TRUNCATION_GRID, (p) => {
    if (p.z < nearM) return;
    const { u, v } = projectKitti(camera.K, p.x, p.y, p.z, _uv);
    if (u >= 0 && u < camera.widthPx && v >= 0 && v < camera.heightPx) inside++;
  });
  return Math.max(MIN_TRUNCATION, 1 - inside / TRUNCATION_GRID ** 3);
}

export interface ObjectPixels {
  visible: number;
  visibleBox: Box2 | null;
  unoccluded: number;
  /** How the object stands out in the RGB frame; null when not measured (no RGB pass, or nothing around it). */
  appearance: ObjectContrast | null;
}

export function objectLabel(geometry: ObjectGeometry, frames: LabelFrames, camera: CameraModel, nearM: number, pixels: ObjectPixels, options: LabelOptions): ObjectLabel {
  const { track, box, amodalBox } = geometry;
  const truncation = volumeTruncation(geometry, frames, camera, nearM);
  const box3d = kittiBox3(box, frames.threeToRect);
  // Rendering the object alone can only add pixels; max() guards against parts drawn outside the scissor.
  const unoccluded = Math.max(pixels.unoccluded, pixels.visible);
  const occlusion = unoccluded > 0 ? 1 - pixels.visible / unoccluded : 1;
  const cy = box3d.y - box3d.h / 2;
  const a = pixels.appearance;
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
    truncation: pixels.visible > 0 ? Math.min(truncation, MAX_VISIBLE_TRUNCATION) : truncation,
    occludedLevel: occludedLevel(occlusion, unoccluded),
    distanceM: Math.hypot(box3d.x, cy, box3d.z),
    contrast: a ? a.contrast : null,
    lightness: a ? a.lightness : null,
    lowVisibility: pixels.visible < options.minVisiblePixels || 1 - occlusion < options.minVisibleFraction || (a !== null && a.contrast < options.minContrast),
  };
}
