/**
 * KITTI object-detection layout: label_2/<id>.txt and calib/<id>.txt (image_2/<id>.png is the
 * RGB pass). Label lines follow the KITTI devkit readme: 15 space-separated fields, 2 decimals,
 * occluded as an integer. See docs/formats.md for the type mapping and the frames.
 */
import type { ActorInstance } from '../scenario/types.js';
import type { Box2, CameraModel, LabelClass, ObjectLabel } from '../render/types.js';
import type { KittiOptions } from './types.js';
import { fixed, kittiExp, wrapPi } from './numberFormat.js';

export const KITTI_TYPES = [
  'Car', 'Van', 'Truck', 'Pedestrian', 'Person_sitting', 'Cyclist', 'Tram', 'Misc', 'DontCare',
] as const;
export type KittiType = (typeof KITTI_TYPES)[number];

/**
 * LabelClass -> KITTI type. KITTI has no bus, motorcycle, animal or object type: buses are large
 * vehicles like KITTI's Truck, riders of motorcycles are labeled like KITTI's Cyclists (a rider
 * on two wheels), animals and objects are Misc. COCO and YOLO keep the full LabelClass.
 */
const KITTI_TYPE_OF: Record<LabelClass, KittiType> = {
  Car: 'Car',
  Van: 'Van',
  Truck: 'Truck',
  Bus: 'Truck',
  Motorcycle: 'Cyclist',
  Cyclist: 'Cyclist',
  Pedestrian: 'Pedestrian',
  Animal: 'Misc',
  Object: 'Misc',
};

export const DEFAULT_KITTI_OPTIONS: KittiOptions = { box2d: 'amodal', lowVisibility: 'dontcare' };

/**
 * KITTI type of an object. A pedestrian in a wheelchair is KITTI's Person_sitting (a seated
 * person; KITTI's evaluation does not count it as a missed Pedestrian).
 */
export function kittiType(obj: ObjectLabel, actor: ActorInstance | undefined): KittiType {
  if (obj.cls === 'Pedestrian' && actor?.person?.mobilityAid === 'wheelchair') return 'Person_sitting';
  return KITTI_TYPE_OF[obj.cls];
}

/**
 * Box as KITTI writes it: continuous pixel edges clamped to [0, W-1] x [0, H-1], as in KITTI's
 * own labels (the right edge of a 1242 px image is 1241.00).
 */
export function kittiBox(box: Box2, camera: CameraModel): Box2 {
  const cx = (v: number): number => Math.min(Math.max(v, 0), camera.widthPx - 1);
  const cy = (v: number): number => Math.min(Math.max(v, 0), camera.heightPx - 1);
  return [cx(box[0]), cy(box[1]), cx(box[2]), cy(box[3])];
}

/** The 2D box written for an object, or null when it has no visible pixels (not written). */
export function kittiBox2d(obj: ObjectLabel, camera: CameraModel, opts: KittiOptions): Box2 | null {
  if (obj.box === null) return null;
  const source = opts.box2d === 'amodal' && obj.amodalBox !== null ? obj.amodalBox : obj.box;
  return kittiBox(source, camera);
}

/** One label_2 line for a labeled object. */
export function kittiLabelLine(type: KittiType, obj: ObjectLabel, box: Box2): string {
  const b = obj.box3d;
  const f2 = (v: number): string => fixed(v, 2);
  if (type === 'DontCare') {
    // KITTI's own spelling of a DontCare region: only the box is meaningful.
    return `DontCare -1 -1 -10 ${box.map(f2).join(' ')} -1 -1 -1 -1000 -1000 -1000 -10`;
  }
  const truncated = Math.min(Math.max(obj.truncation, 0), 1);
  return [
    type,
    f2(truncated),
    String(obj.occludedLevel),
    f2(wrapPi(b.alpha)),
    ...box.map(f2),
    f2(b.h),
    f2(b.w),
    f2(b.l),
    f2(b.x),
    f2(b.y),
    f2(b.z),
    f2(wrapPi(b.rotationY)),
  ].join(' ');
}

/** Contents of label_2/<id>.txt: one line per object with visible pixels, ordered by trackId. */
export function kittiLabelFile(
  objects: readonly ObjectLabel[],
  camera: CameraModel,
  actors: readonly ActorInstance[],
  opts: KittiOptions,
): string {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const lines: string[] = [];
  for (const obj of [...objects].sort((a, b) => a.trackId - b.trackId)) {
    const box = kittiBox2d(obj, camera, opts);
    if (box === null) continue;
    const type = obj.lowVisibility && opts.lowVisibility === 'dontcare' ? 'DontCare' : kittiType(obj, byId.get(obj.actorId));
    lines.push(kittiLabelLine(type, obj, box));
  }
  return lines.map((l) => l + '\n').join('');
}

/** KITTI difficulty of a written object (devkit thresholds), or 'ignored' beyond Hard. */
export type KittiDifficulty = 'easy' | 'moderate' | 'hard' | 'ignored';

/**
 * Strictest KITTI difficulty an object meets. Easy: box height >= 40 px, fully visible,
 * truncation <= 0.15; Moderate: >= 25 px, occluded <= 1, truncation <= 0.30; Hard: >= 25 px,
 * occluded <= 2, truncation <= 0.50.
 */
export function kittiDifficulty(box: Box2, occludedLevel: number, truncation: number): KittiDifficulty {
  const heightPx = box[3] - box[1];
  if (heightPx >= 40 && occludedLevel <= 0 && truncation <= 0.15) return 'easy';
  if (heightPx >= 25 && occludedLevel <= 1 && truncation <= 0.3) return 'moderate';
  if (heightPx >= 25 && occludedLevel <= 2 && truncation <= 0.5) return 'hard';
  return 'ignored';
}

type Mat = number[];

/** Row-major 3x3 rotation part of a row-major 4x4 matrix. */
function rotationOf(m4: Mat): Mat {
  return [m4[0], m4[1], m4[2], m4[4], m4[5], m4[6], m4[8], m4[9], m4[10]];
}

/**
 * Tr_velo_to_cam (row-major 3x4) for roadsynth's virtual velodyne frame: origin at the camera
 * centre, z = world up, x = the camera's viewing direction projected onto the ground plane, y
 * to the left (x forward, y left, z up, like KITTI's level-mounted velodyne). With a level
 * camera it is the axis permutation cam = (-y, -z, x).
 */
export function veloToCamera(worldToCamera: Mat): Mat {
  const r = rotationOf(worldToCamera); // world -> camera
  // Camera viewing axis (+z in camera) in world = third row of R (R is orthonormal).
  let fx = r[6];
  let fy = r[7];
  const n = Math.hypot(fx, fy);
  if (n < 1e-9) throw new Error('veloToCamera: camera looks straight up or down; the velo frame is undefined');
  fx /= n;
  fy /= n;
  // Velo axes in world coordinates: x forward, y = up x forward (left), z up.
  const axes: [number, number, number][] = [
    [fx, fy, 0],
    [-fy, fx, 0],
    [0, 0, 1],
  ];
  const out: Mat = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      const a = axes[col];
      out.push(r[row * 3] * a[0] + r[row * 3 + 1] * a[1] + r[row * 3 + 2] * a[2]);
    }
    out.push(0); // same origin as the camera
  }
  return out;
}

/** K padded to a 3x4 projection with no translation (KITTI's reference camera 0). */
function projectionFromK(K: Mat): Mat {
  return [K[0], K[1], K[2], 0, K[3], K[4], K[5], 0, K[6], K[7], K[8], 0];
}

/**
 * Contents of calib/<id>.txt in KITTI's object-calib layout. Only camera 2 is rendered:
 * P2 is the camera's projection; P0 (the reference camera of the label frame) is K with no
 * translation; P1 and P3 repeat P0 and P2 so tools that parse all four lines work (there is no
 * stereo pair). R0_rect is the identity (images are already rectified); Tr_imu_to_velo is the
 * identity (the virtual IMU coincides with the velo frame).
 */
export function kittiCalibFile(camera: CameraModel): string {
  const p0 = projectionFromK(camera.K);
  const identity3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const identity34 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];
  const line = (name: string, values: Mat): string => `${name}: ${values.map(kittiExp).join(' ')}\n`;
  return (
    line('P0', p0) +
    line('P1', p0) +
    line('P2', camera.P) +
    line('P3', camera.P) +
    line('R0_rect', identity3) +
    line('Tr_velo_to_cam', veloToCamera(camera.worldToCamera)) +
    line('Tr_imu_to_velo', identity34)
  );
}
