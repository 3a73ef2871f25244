/**
 * Where an actor's box falls in the ego camera's image at a recorded tick, computed in Node
 * from the trajectory with the same EgoCamera the render page draws with (no DOM, no pixels).
 * It answers "is the actor in the camera's view, how big, and how much of it do other actors'
 * boxes hide" for choosing clips; static furniture is not considered, and exact occlusion is
 * only known from the render's id buffer.
 *
 * Image frame: x right, y down, origin at the top-left corner [px].
 */
import * as THREE from 'three';
import type { CameraRig } from '../../scenario/types.js';
import { readState, type StateField, type Trajectory } from '../../sim/types.js';
import { EgoCamera } from './egoCamera.js';
import { setWorldPose, worldToThree } from '../frame.js';

/** Projected extent of an actor's box in the image at one tick. */
export interface ActorView {
  /** Bounding box of the projected box clipped to the image [x1, y1, x2, y2] px; null when none of it is in view. */
  box: [number, number, number, number] | null;
  /** Height of `box` [px]; 0 when out of view. */
  heightPx: number;
  /** Distance from the camera to the box centre [m]. */
  distanceM: number;
  /**
   * Share of the box's sample points in the image that no nearer actor's projected box covers,
   * 0..1 (0 when out of view). Boxes stand in for shapes, so it errs towards occluded.
   */
  unoccludedShare: number;
}

/** Sample points per box axis (5 x 5 x 5 through the box). */
const STEPS = [-0.5, -0.25, 0, 0.25, 0.5];
const UP = [0, 0.25, 0.5, 0.75, 1];

/** An actor's box seen from the camera: its image rectangle and its nearest depth [m]. */
interface Silhouette {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  nearM: number;
}

const _p = new THREE.Vector3();
const _cam = new THREE.Vector3();
const _world = new THREE.Vector3();
const _pts: number[] = [];
const _own: number[] = [];

export class CameraView {
  private readonly ego: EgoCamera;
  private readonly widthPx: number;
  private readonly heightPx: number;
  private posedTick = -1;

  constructor(
    private readonly trajectory: Trajectory,
    rig: CameraRig,
  ) {
    this.ego = new EgoCamera(rig);
    this.widthPx = rig.widthPx;
    this.heightPx = rig.heightPx;
    this.ego.camera.updateProjectionMatrix();
  }

  private state(tick: number, actor: number, field: StateField): number {
    return readState(this.trajectory, tick, actor, field);
  }

  /** Poses the camera with the ego at `tick` (as buildScene does). */
  private pose(tick: number): void {
    if (this.posedTick === tick) return;
    const s = (f: StateField) => this.state(tick, 0, f);
    setWorldPose(this.ego.mount, s('x'), s('y'), s('z'), s('yawRad'), s('pitchRad'), s('rollRad'));
    this.ego.mount.updateMatrixWorld(true);
    this.ego.camera.matrixWorldInverse.copy(this.ego.camera.matrixWorld).invert();
    this.posedTick = tick;
  }

  /** Image points [u, v, depth] of actor `actor`'s box sample points in front of the camera at the posed tick. */
  private points(tick: number, actor: number, out: number[]): void {
    out.length = 0;
    const camera = this.ego.camera;
    const size = this.trajectory.actors[actor].size;
    const x = this.state(tick, actor, 'x');
    const y = this.state(tick, actor, 'y');
    const z = this.state(tick, actor, 'z');
    const yaw = this.state(tick, actor, 'yawRad');
    const c = Math.cos(yaw);
    const s = Math.sin(yaw);
    for (const a of STEPS) {
      for (const b of STEPS) {
        for (const h of UP) {
          const along = a * size.lengthM;
          const left = b * size.widthM;
          worldToThree(x + c * along - s * left, y + s * along + c * left, z + h * size.heightM, _world);
          _cam.copy(_world).applyMatrix4(camera.matrixWorldInverse);
          // In front of the near plane only (three's camera looks along -z).
          if (_cam.z > -camera.near) continue;
          const depth = -_cam.z;
          _p.copy(_cam).applyMatrix4(camera.projectionMatrix);
          out.push(((_p.x + 1) / 2) * this.widthPx, ((1 - _p.y) / 2) * this.heightPx, depth);
        }
      }
    }
  }

  private silhouette(tick: number, actor: number): Silhouette | null {
    this.points(tick, actor, _pts);
    if (_pts.length === 0) return null;
    let x1 = Infinity,
      y1 = Infinity,
      x2 = -Infinity,
      y2 = -Infinity,
      nearM = Infinity;
    for (let i = 0; i < _pts.length; i += 3) {
      x1 = Math.min(x1, _pts[i]);
      x2 = Math.max(x2, _pts[i]);
      y1 = Math.min(y1, _pts[i + 1]);
      y2 = Math.max(y2, _pts[i + 1]);
      nearM = Math.min(nearM, _pts[i + 2]);
    }
    return { x1, y1, x2, y2, nearM };
  }

  /** Where actor `actor` (trajectory index, > 0) appears at `tick`. */
  view(tick: number, actor: number): ActorView {
    this.pose(tick);
    const camera = this.ego.camera;
    const t = this.trajectory;
    const size = t.actors[actor].size;
    worldToThree(this.state(tick, actor, 'x'), this.state(tick, actor, 'y'), this.state(tick, actor, 'z') + size.heightM / 2, _world);
    const distanceM = _world.distanceTo(camera.getWorldPosition(_p));
    const occluders: Silhouette[] = [];
    for (let a = 1; a < t.actors.length; a++) {
      if (a === actor) continue;
      const sil = this.silhouette(tick, a);
      if (sil && sil.x2 > 0 && sil.x1 < this.widthPx && sil.y2 > 0 && sil.y1 < this.heightPx) occluders.push(sil);
    }
    this.points(tick, actor, _own);
    let x1 = Infinity,
      y1 = Infinity,
      x2 = -Infinity,
      y2 = -Infinity;
    let inImage = 0;
    let clear = 0;
    for (let i = 0; i < _own.length; i += 3) {
      const u = _own[i],
        v = _own[i + 1],
        d = _own[i + 2];
      x1 = Math.min(x1, u);
      x2 = Math.max(x2, u);
      y1 = Math.min(y1, v);
      y2 = Math.max(y2, v);
      if (u < 0 || u >= this.widthPx || v < 0 || v >= this.heightPx) continue;
      inImage++;
      if (!occluders.some((o) => o.nearM < d && u >= o.x1 && u <= o.x2 && v >= o.y1 && v <= o.y2)) clear++;
    }
    const cx1 = Math.max(0, x1),
      cy1 = Math.max(0, y1),
      cx2 = Math.min(this.widthPx, x2),
      cy2 = Math.min(this.heightPx, y2);
    if (!(cx2 > cx1 && cy2 > cy1)) return { box: null, heightPx: 0, distanceM, unoccludedShare: 0 };
    return { box: [cx1, cy1, cx2, cy2], heightPx: cy2 - cy1, distanceM, unoccludedShare: inImage ? clear / inImage : 0 };
  }
}
