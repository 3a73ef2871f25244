/**
 * KITTI label and calibration text of one frame. Label lines follow the KITTI object devkit
 * readme: 15 space-separated fields, occluded as an integer; 2D box and truncation with 2
 * decimals as in KITTI, the 3D box with 3 (metres) and 4 (radians) so that projecting it lands
 * on the written 2D box within a pixel. 3D boxes are in the rect frame (gravity-aligned camera
 * frame); P2 carries the camera's pitch and roll. The folder layout (6-digit names, ImageSets,
 * tracking) is kittiLayout.ts. See docs/formats.md and docs/frames.md.
 */
import type { ActorInstance } from '../scenario/types.js';
import type { Box2, CameraModel, LabelClass, ObjectLabel } from '../render/types.js';
import type { KittiOptions } from './types.js';
import { wrapAngle } from '../math/angles.js';
import { fixed, kittiExp } from './numberFormat.js';

export const KITTI_TYPES = ['Car', 'Van', 'Truck', 'Pedestrian', 'Person_sitting', 'Cyclist', 'Tram', 'Misc', 'DontCare'] as const;
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

/** KITTI type of a class (a pedestrian in a wheelchair aside: see kittiType). */
export function defaultKittiType(cls: LabelClass): KittiType {
  return KITTI_TYPE_OF[cls];
}

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

/**
 * The fields after type and truncation of a label line (occluded, alpha, box, h w l, x y z,
 * rotation_y), shared by the object and tracking layouts.
 */
function kittiFieldsAfterTruncation(type: string, obj: ObjectLabel, box: Box2): string {
  const f2 = (v: number): string => fixed(v, 2);
  if (type === 'DontCare') {
    // KITTI's own spelling of a DontCare region: only the box is meaningful.
    return `-1 -10 ${box.map(f2).join(' ')} -1 -1 -1 -1000 -1000 -1000 -10`;
  }
  const b = obj.box3d;
  const m = (v: number): string => fixed(v, 3);
  const rad = (v: number): string => fixed(wrapAngle(v), 4);
  return [String(obj.occludedLevel), rad(b.alpha), ...box.map(f2), m(b.h), m(b.w), m(b.l), m(b.x), m(b.y), m(b.z), rad(b.rotationY)].join(' ');
}

/** One object of a frame as the KITTI writers need it. */
export interface KittiRow {
  trackId: number;
  type: string;
  /** Truncation 0..1 (KITTI object) ; the tracking layout writes its level. */
  truncation: number;
  /** Everything after type and truncation, as written. */
  rest: string;
}

/** One label_2 line (object layout) of a row. */
export function kittiObjectLine(row: KittiRow): string {
  const truncated = row.type === 'DontCare' ? '-1' : fixed(Math.min(Math.max(row.truncation, 0), 1), 2);
  return `${row.type} ${truncated} ${row.rest}`;
}

/** KITTI tracking truncation level: 0 not truncated, 1 partly, 2 largely (more than half outside). */
export function trackingTruncationLevel(truncation: number): 0 | 1 | 2 {
  return truncation <= 0 ? 0 : truncation <= 0.5 ? 1 : 2;
}

/** One label_02 line (tracking layout): frame, track id (-1 for DontCare), type, truncation level, the rest. */
export function kittiTrackingLine(frame: number, row: KittiRow): string {
  const dontCare = row.type === 'DontCare';
  return `${frame} ${dontCare ? -1 : row.trackId} ${row.type} ${dontCare ? -1 : trackingTruncationLevel(row.truncation)} ${row.rest}`;
}

/** The rows of a frame: one per object with visible pixels, ordered by trackId. */
export function kittiRows(
  objects: readonly ObjectLabel[],
  camera: CameraModel,
  actors: readonly ActorInstance[],
  opts: KittiOptions,
  typeOf: (obj: ObjectLabel, actor: ActorInstance | undefined) => string = kittiType,
): KittiRow[] {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const rows: KittiRow[] = [];
  for (const obj of [...objects].sort((a, b) => a.trackId - b.trackId)) {
    const box = kittiBox2d(obj, camera, opts);
    if (box === null) continue;
    const type = obj.lowVisibility && opts.lowVisibility === 'dontcare' ? 'DontCare' : typeOf(obj, byId.get(obj.actorId));
    rows.push({ trackId: obj.trackId, type, truncation: obj.truncation, rest: kittiFieldsAfterTruncation(type, obj, box) });
  }
  return rows;
}

/** Contents of a label_2 file: one line per object with visible pixels, ordered by trackId. */
export function kittiLabelFile(objects: readonly ObjectLabel[], camera: CameraModel, actors: readonly ActorInstance[], opts: KittiOptions): string {
  return kittiRows(objects, camera, actors, opts)
    .map((r) => kittiObjectLine(r) + '\n')
    .join('');
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
 * Rotation (row-major 3x4, zero translation) from roadsynth's virtual velodyne frame to the
 * frame of `worldToFrame`: origin at the camera centre, z = world up, x = the camera's viewing
 * direction projected onto the ground plane, y to the left (x forward, y left, z up, like
 * KITTI's level-mounted velodyne). Into the rect frame (KITTI's Tr_velo_to_cam, since R0_rect is
 * the identity) it is always the axis permutation rect = (-y, -z, x).
 */
export function veloToCamera(worldToFrame: Mat): Mat {
  const r = rotationOf(worldToFrame); // world -> frame
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

const IDENTITY_3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
const IDENTITY_34 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

/** The calibration lines of a frame as (name, values) pairs, in KITTI's order, with the object layout's names. */
function calibEntries(camera: CameraModel): [string, Mat][] {
  // One camera is rendered and the label frame is its gravity-aligned twin, so every P is
  // P2 = K [R_rect_to_cam | 0] (no stereo baseline) and R0_rect is the identity.
  return [
    ['P0', camera.P],
    ['P1', camera.P],
    ['P2', camera.P],
    ['P3', camera.P],
    ['R0_rect', IDENTITY_3],
    ['Tr_velo_to_cam', veloToCamera(camera.worldToRect)],
    ['Tr_imu_to_velo', IDENTITY_34],
  ];
}

/**
 * Contents of a calib file in KITTI's object layout. Labels are in the rect frame, so the
 * devkit's projection P2 * [x y z 1]' of a box corner lands on its pixel. Tr_imu_to_velo is the
 * identity (the virtual IMU coincides with the velo frame).
 */
export function kittiCalibFile(camera: CameraModel): string {
  return calibEntries(camera)
    .map(([name, values]) => `${name}: ${values.map(kittiExp).join(' ')}\n`)
    .join('');
}

/** Names of the calibration lines in KITTI's tracking layout, which spells the last three differently and without a colon. */
const TRACKING_CALIB_NAME: Record<string, string> = { R0_rect: 'R_rect', Tr_velo_to_cam: 'Tr_velo_cam', Tr_imu_to_velo: 'Tr_imu_velo' };

/** Contents of a calib file in KITTI's tracking layout (one per sequence). */
export function kittiTrackingCalibFile(camera: CameraModel): string {
  return calibEntries(camera)
    .map(([name, values]) => {
      const tracking = TRACKING_CALIB_NAME[name];
      return `${tracking ?? name + ':'} ${values.map(kittiExp).join(' ')}\n`;
    })
    .join('');
}
