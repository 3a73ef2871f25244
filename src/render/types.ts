/**
 * Label contract of one rendered frame. Image frame: x right, y down, origin at the top-left
 * corner of the top-left pixel [px]. KITTI camera frame: x right, y down, z forward [m].
 */

import type { LabelClass } from '../scene/labelClasses.js';

/** Classes written to datasets: defined where the scene assigns them. */
export { LABEL_CLASSES, type LabelClass } from '../scene/labelClasses.js';

/** Box in pixels: [x1, y1, x2, y2], x2 and y2 exclusive edges. */
export type Box2 = [number, number, number, number];

export interface Box3 {
  /** KITTI dimensions [m]. */
  h: number;
  w: number;
  l: number;
  /** Bottom centre in the rect (label) frame [m]: KITTI camera axes with y along gravity. */
  x: number;
  y: number;
  z: number;
  /** Rotation around the rect frame's y axis (vertical) [rad], KITTI convention. */
  rotationY: number;
  /** Observation angle [rad], KITTI convention. */
  alpha: number;
}

export interface ObjectLabel {
  /** Scenario id of the actor. */
  actorId: string;
  trackId: number;
  cls: LabelClass;
  /** Tight box of visible pixels; null when no pixel is visible. */
  box: Box2 | null;
  /** Projected 3D box clipped to the image; null when entirely outside. */
  amodalBox: Box2 | null;
  box3d: Box3;
  visiblePixels: number;
  /** Pixels the object would cover with nothing in front of it. */
  unoccludedPixels: number;
  /** 1 - visible / unoccluded, 0..1. */
  occlusion: number;
  /** Share of the 3D box's volume outside the camera's view, 0..1 (at most 0.99 when any pixel is visible). */
  truncation: number;
  /** KITTI occluded level: 0 fully visible, 1 partly, 2 largely, 3 unknown. */
  occludedLevel: 0 | 1 | 2 | 3;
  /** Distance from the camera [m]. */
  distanceM: number;
  /** Share of visible pixels distinguishable from the surround (labels/contrast.ts), 0..1; null when not measured. */
  contrast: number | null;
  /** Mean CIE L* of the visible pixels (0..100); null when not measured. */
  lightness: number | null;
  /** Below the run's visibility thresholds: pixels, visible fraction or contrast (kept and flagged unless dropping was asked). */
  lowVisibility: boolean;
}

export interface CameraModel {
  widthPx: number;
  heightPx: number;
  /** Intrinsics, row-major 3x3. */
  K: number[];
  /** KITTI P2 = K [rectToCamera | 0], row-major 3x4: projects points of the rect (label) frame. */
  P: number[];
  /** World (z up) to KITTI camera frame (pitched and rolled with the camera), row-major 4x4. */
  worldToCamera: number[];
  /** World (z up) to the rect frame of the labels (gravity-aligned, see cameraModel.ts), row-major 4x4. */
  worldToRect: number[];
  /** Rotation from the rect frame to the KITTI camera frame (the camera's pitch and roll), row-major 3x3. */
  rectToCamera: number[];
}

export interface FrameLabels {
  frame: number;
  tick: number;
  timeS: number;
  camera: CameraModel;
  objects: ObjectLabel[];
}

/** What a render host returns for one frame: encoded images and labels only. */
export interface RenderedFrame {
  labels: FrameLabels;
  /** PNG bytes of each requested pass. */
  rgb?: Uint8Array;
  instance?: Uint8Array;
  semantic?: Uint8Array;
  /** 16-bit PNG, metres x 256 (KITTI depth convention). */
  depth?: Uint8Array;
}
