/**
 * Where an actor's box falls in the ego camera's image at a recorded tick, computed in Node
 * from the trajectory with the same EgoCamera the render page draws with (no DOM, no pixels).
 * It answers "is the actor in the camera's view, and how big" for choosing clips; occlusion
 * by other objects is not considered (only the render's id buffer knows it).
 *
 * Image frame: x right, y down, origin at the top-left corner [px].
 */
import * as THREE from 'three';
import type { CameraRig } from '../scenario/types.js';
import { STATE_FIELDS, type Trajectory } from '../sim/types.js';
import { EgoCamera } from './egoCamera.js';
import { setWorldPose, worldToThree } from './frame.js';

/** Projected extent of an actor's box in the image at one tick. */
export interface ActorView {
  /** Bounding box of the projected box clipped to the image [x1, y1, x2, y2] px; null when none of it is in view. */
  box: [number, number, number, number] | null;
  /** Height of `box` [px]; 0 when out of view. */
  heightPx: number;
  /** Distance from the camera to the box centre [m]. */
  distanceM: number;
}

const F = Object.fromEntries(STATE_FIELDS.map((f, i) => [f, i])) as Record<(typeof STATE_FIELDS)[number], number>;
/** Sample points per box axis: corners, edge and face centres, and the middle (3 x 3 x 3). */
const STEPS = [-0.5, 0, 0.5];

const _p = new THREE.Vector3();
const _cam = new THREE.Vector3();
const _world = new THREE.Vector3();

export class CameraView {
  private readonly ego: EgoCamera;
  private readonly widthPx: number;
  private readonly heightPx: number;
  private posedTick = -1;

  constructor(private readonly trajectory: Trajectory, rig: CameraRig) {
    this.ego = new EgoCamera(rig);
    this.widthPx = rig.widthPx;
    this.heightPx = rig.heightPx;
    this.ego.camera.updateProjectionMatrix();
  }

  private state(tick: number, actor: number, field: number): number {
    const t = this.trajectory;
    return t.states[(tick * t.actors.length + actor) * STATE_FIELDS.length + field];
  }

  /** Poses the camera with the ego at `tick` (as buildScene does). */
  private pose(tick: number): void {
    if (this.posedTick === tick) return;
    const s = (f: number) => this.state(tick, 0, f);
    setWorldPose(this.ego.mount, s(F.x), s(F.y), s(F.z), s(F.yawRad), s(F.pitchRad), s(F.rollRad));
    this.ego.mount.updateMatrixWorld(true);
    this.ego.camera.matrixWorldInverse.copy(this.ego.camera.matrixWorld).invert();
    this.posedTick = tick;
  }

  /** Where actor `actor` (trajectory index, > 0) appears at `tick`. */
  view(tick: number, actor: number): ActorView {
    this.pose(tick);
    const camera = this.ego.camera;
    const size = this.trajectory.actors[actor].size;
    const x = this.state(tick, actor, F.x);
    const y = this.state(tick, actor, F.y);
    const z = this.state(tick, actor, F.z);
    const yaw = this.state(tick, actor, F.yawRad);
    const c = Math.cos(yaw);
    const s = Math.sin(yaw);
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    for (const a of STEPS) {
      for (const b of STEPS) {
        for (const h of [0, 0.5, 1]) {
          const along = a * size.lengthM;
          const left = b * size.widthM;
          worldToThree(x + c * along - s * left, y + s * along + c * left, z + h * size.heightM, _world);
          _cam.copy(_world).applyMatrix4(camera.matrixWorldInverse);
          // In front of the near plane only (three's camera looks along -z).
          if (_cam.z > -camera.near) continue;
          _p.copy(_cam).applyMatrix4(camera.projectionMatrix);
          const u = ((_p.x + 1) / 2) * this.widthPx;
          const v = ((1 - _p.y) / 2) * this.heightPx;
          if (u < x1) x1 = u;
          if (u > x2) x2 = u;
          if (v < y1) y1 = v;
          if (v > y2) y2 = v;
        }
      }
    }
    worldToThree(x, y, z + size.heightM / 2, _world);
    const distanceM = _world.distanceTo(camera.getWorldPosition(_p));
    const cx1 = Math.max(0, x1), cy1 = Math.max(0, y1), cx2 = Math.min(this.widthPx, x2), cy2 = Math.min(this.heightPx, y2);
    if (!(cx2 > cx1 && cy2 > cy1)) return { box: null, heightPx: 0, distanceM };
    return { box: [cx1, cy1, cx2, cy2], heightPx: cy2 - cy1, distanceM };
  }
}
