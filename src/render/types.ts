/**
 * Label contract of one rendered frame. Image frame: x right, y down, origin at the top-left
 * corner of the top-left pixel [px]. KITTI camera frame: x right, y down, z forward [m].
 */

/** Classes written to datasets (KITTI type names for vehicles and people). */
export const LABEL_CLASSES = [
  'Car', 'Van', 'Truck', 'Bus', 'Motorcycle', 'Cyclist', 'Pedestrian', 'Animal', 'Object',
] as const;
export type LabelClass = (typeof LABEL_CLASSES)[number];

/** Box in pixels: [x1, y1, x2, y2], x2 and y2 exclusive edges. */
export type Box2 = [number, number, number, number];

export interface Box3 {
  /** KITTI dimensions [m]. */
  h: number;
  w: number;
  l: number;
  /** Bottom centre in the KITTI camera frame [m]. */
  x: number;
  y: number;
  z: number;
  /** Rotation around the camera y axis [rad], KITTI convention. */
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
  /** Part of the unclipped projected box outside the image, 0..1. */
  truncation: number;
  /** KITTI occluded level: 0 fully visible, 1 partly, 2 largely, 3 unknown. */
  occludedLevel: 0 | 1 | 2 | 3;
  /** Distance from the camera [m]. */
  distanceM: number;
  /** Below the run's visibility threshold (kept and flagged unless dropping was asked). */
  lowVisibility: boolean;
}

export interface CameraModel {
  widthPx: number;
  heightPx: number;
  /** Intrinsics, row-major 3x3. */
  K: number[];
  /** KITTI P2, row-major 3x4. */
  P: number[];
  /** World (z up) to KITTI camera frame, row-major 4x4. */
  worldToCamera: number[];
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
