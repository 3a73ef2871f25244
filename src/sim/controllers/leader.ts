/**
 * What is ahead of an actor on its path: the nearest other actor whose footprint overlaps the
 * lateral band the actor occupies or is moving into, with the bumper-to-bumper gap.
 */
import type { SimActor } from '../actor.js';
import { finalT } from './lateralTarget.js';

export interface Leader {
  actor: SimActor;
  /** Bumper-to-bumper gap along the path [m]. */
  gapM: number;
  /** The leader's speed along the path [m/s]. */
  speedMps: number;
}

/** Lateral clearance added to both half widths [m]. */
const LATERAL_MARGIN_M = 0.3;
const _local = { s: 0, t: 0 };

/** Nearest actor ahead within `rangeM` [m], or null. */
export function findLeader(self: SimActor, actors: readonly SimActor[], rangeM: number): Leader | null {
  const path = self.path;
  if (!path) return null;
  const c = Math.cos(self.yawRad);
  const s = Math.sin(self.yawRad);
  const tLo = Math.min(self.pathT, finalT(self));
  const tHi = Math.max(self.pathT, finalT(self));
  const reach = rangeM + self.box.halfL + 10;
  let best: Leader | null = null;
  for (const other of actors) {
    if (other === self) continue;
    const dx = other.x - self.x;
    const dy = other.y - self.y;
    if (Math.abs(dx) > reach || Math.abs(dy) > reach) continue;
    const along = dx * c + dy * s;
    if (along < -2 || along > reach) continue;
    const local = path.localCoordinates(other, self.pathS + along, _local);
    const ds = local.s - self.pathS;
    if (ds <= 0 || ds > reach) continue;
    const heading = path.headingAt(local.s);
    const rel = other.yawRad - heading;
    const cr = Math.abs(Math.cos(rel));
    const sr = Math.abs(Math.sin(rel));
    const otherHalfAcross = cr * other.box.halfW + sr * other.box.halfL;
    const otherHalfAlong = cr * other.box.halfL + sr * other.box.halfW;
    const bandGap = local.t < tLo ? tLo - local.t : local.t > tHi ? local.t - tHi : 0;
    if (bandGap > self.box.halfW + otherHalfAcross + LATERAL_MARGIN_M) continue;
    const gapM = ds - self.box.halfL - otherHalfAlong;
    if (best && gapM >= best.gapM) continue;
    const vx = other.speedMps * Math.cos(other.yawRad);
    const vy = other.speedMps * Math.sin(other.yawRad);
    best = { actor: other, gapM, speedMps: vx * Math.cos(heading) + vy * Math.sin(heading) };
  }
  return best;
}
