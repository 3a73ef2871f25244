/**
 * A fast visibility estimate of the focus actor from the ego camera, without a browser: rays
 * from the camera to a grid of points in the focus actor's box, each counted visible when it
 * lies inside the camera's field of view and no other actor's box (ego excluded) cuts the ray.
 * Boxes are the simulation's footprints extruded to the actors' heights; buildings, trees and
 * the terrain are not modelled, so the estimate is an upper bound on what the camera sees.
 *
 * Frames: world x, y ground plane, z up [m] (docs/frames.md); the camera sits `forwardM` ahead
 * of the ego's box centre and `heightM` above its bottom, looks along the ego's heading and is
 * pitched down by `pitchDeg`.
 */
import type { ScenarioInstance } from '../../scenario/types.js';
import { readState, type SimResult, type TrackInfo, type Trajectory } from '../../sim/types.js';

/** Points per box axis, at these fractions of the half extent (and heights as shares of the box). */
const GRID = [-0.7, 0, 0.7];
const HEIGHTS = [0.2, 0.55, 0.9];
/** Ticks sampled over the window before the critical moment, and the window [s]. */
const WINDOW_SAMPLES = 5;
const WINDOW_S = 1;

export interface FocusVisibility {
  /** Focus actor scored (the given focus actor closest to a collision, else the actor closest to one). */
  actor: string | null;
  /** Its critical tick: that of its minimum TTC (or minimum distance when it never closed in). */
  tick: number | null;
  /** Share of its ray points the camera sees, averaged over the window, 0..1 (1 without a focus actor). */
  visible: number;
}

interface Pose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

function poseAt(t: Trajectory, tick: number, actor: number): Pose {
  return { x: readState(t, tick, actor, 'x'), y: readState(t, tick, actor, 'y'), z: readState(t, tick, actor, 'z'), yaw: readState(t, tick, actor, 'yawRad') };
}

/**
 * Whether the segment from p to q (world) passes through the box of `size` posed at `pose`
 * (bottom centre), by the slab method in the box's frame, strictly between the ends.
 */
export function segmentHitsBox(p: readonly number[], q: readonly number[], pose: Pose, size: TrackInfo['size']): boolean {
  const c = Math.cos(pose.yaw);
  const s = Math.sin(pose.yaw);
  const local = (v: readonly number[]): number[] => {
    const dx = v[0] - pose.x;
    const dy = v[1] - pose.y;
    return [c * dx + s * dy, -s * dx + c * dy, v[2] - pose.z];
  };
  const a = local(p);
  const b = local(q);
  const lo = [-size.lengthM / 2, -size.widthM / 2, 0];
  const hi = [size.lengthM / 2, size.widthM / 2, size.heightM];
  let t0 = 0;
  let t1 = 1;
  for (let k = 0; k < 3; k++) {
    const d = b[k] - a[k];
    if (Math.abs(d) < 1e-12) {
      if (a[k] < lo[k] || a[k] > hi[k]) return false;
      continue;
    }
    let ta = (lo[k] - a[k]) / d;
    let tb = (hi[k] - a[k]) / d;
    if (ta > tb) [ta, tb] = [tb, ta];
    t0 = Math.max(t0, ta);
    t1 = Math.min(t1, tb);
    if (t0 >= t1) return false;
  }
  // Touching only at the target end (t near 1) is the target itself, not an occluder.
  return t0 < 1 - 1e-9 && t1 > 1e-9;
}

/** Share of the ray points of actor `target` at `tick` that the camera sees. */
export function visibleShare(t: Trajectory, rig: ScenarioInstance['ego']['camera'], tick: number, target: number): number {
  const ego = poseAt(t, tick, 0);
  const hc = Math.cos(ego.yaw);
  const hs = Math.sin(ego.yaw);
  const cam = [ego.x + hc * rig.forwardM, ego.y + hs * rig.forwardM, ego.z + rig.heightM];
  const pitch = (rig.pitchDeg * Math.PI) / 180;
  const halfH = ((rig.fovDeg / 2) * Math.PI) / 180;
  const halfV = Math.atan(Math.tan(halfH) / (rig.widthPx / rig.heightPx));
  const tp = poseAt(t, tick, target);
  const size = t.actors[target].size;
  const c = Math.cos(tp.yaw);
  const s = Math.sin(tp.yaw);
  let seen = 0;
  let total = 0;
  for (const fx of GRID) {
    for (const fy of GRID) {
      for (const fz of HEIGHTS) {
        total++;
        const lx = (fx * size.lengthM) / 2;
        const ly = (fy * size.widthM) / 2;
        const point = [tp.x + c * lx - s * ly, tp.y + s * lx + c * ly, tp.z + fz * size.heightM];
        // Camera frame: forward along the heading pitched down, left, up.
        const dx = point[0] - cam[0];
        const dy = point[1] - cam[1];
        const dz = point[2] - cam[2];
        const ahead = hc * dx + hs * dy;
        const left = -hs * dx + hc * dy;
        const fwd = Math.cos(pitch) * ahead - Math.sin(pitch) * dz;
        const up = Math.sin(pitch) * ahead + Math.cos(pitch) * dz;
        if (fwd <= 0.1 || Math.abs(Math.atan2(left, fwd)) > halfH || Math.abs(Math.atan2(up, fwd)) > halfV) continue;
        let blocked = false;
        for (let o = 1; o < t.actors.length && !blocked; o++) {
          if (o === target) continue;
          blocked = segmentHitsBox(cam, point, poseAt(t, tick, o), t.actors[o].size);
        }
        if (!blocked) seen++;
      }
    }
  }
  return seen / total;
}

/** The focus actors the instance names, read defensively (an instance from before focus existed has none). */
function focusActors(instance: ScenarioInstance): string[] {
  const focus = (instance as { focus?: { actors?: unknown } }).focus;
  return Array.isArray(focus?.actors) ? focus.actors.filter((a): a is string => typeof a === 'string') : [];
}

export function focusVisibility(instance: ScenarioInstance, result: SimResult): FocusVisibility {
  const t = result.trajectory;
  const per = result.metrics.perActor;
  const named = focusActors(instance).filter((id) => per[id] !== undefined);
  const candidates = named.length > 0 ? named : Object.keys(per);
  if (candidates.length === 0) return { actor: null, tick: null, visible: 1 };
  const closest = candidates.reduce((best, id) => {
    const a = per[id];
    const b = per[best];
    return a.minTtcS < b.minTtcS || (a.minTtcS === b.minTtcS && a.minDistanceM < b.minDistanceM) ? id : best;
  });
  const index = t.actors.findIndex((a) => a.id === closest);
  if (index <= 0) return { actor: null, tick: null, visible: 1 };
  const m = per[closest];
  const tick = Math.min(t.ticks - 1, Math.max(0, m.minTtcTick >= 0 && Number.isFinite(m.minTtcS) ? m.minTtcTick : m.minDistanceTick));
  const span = Math.round(WINDOW_S / t.dtS);
  let sum = 0;
  for (let k = 0; k < WINDOW_SAMPLES; k++) {
    const at = Math.max(0, tick - Math.round((span * k) / (WINDOW_SAMPLES - 1)));
    sum += visibleShare(t, instance.ego.camera, at, index);
  }
  return { actor: closest, tick, visible: sum / WINDOW_SAMPLES };
}
