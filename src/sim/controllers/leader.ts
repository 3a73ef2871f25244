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

/** How often the full search for the leader runs [s]; in between only its gap is updated. */
export const LEADER_SEARCH_EVERY_S = 0.1;

/**
 * Gap [m] to `other` if it is ahead of `self` within `reach` [m] and inside the lateral band
 * self occupies or moves into; NaN otherwise. Writes the other's speed along the path to
 * _speed[0].
 */
function gapTo(self: SimActor, other: SimActor, reach: number, c: number, s: number, tLo: number, tHi: number): number {
  const path = self.path!;
  const dx = other.x - self.x;
  const dy = other.y - self.y;
  if (Math.abs(dx) > reach || Math.abs(dy) > reach) return Number.NaN;
  const along = dx * c + dy * s;
  if (along < -2 || along > reach) return Number.NaN;
  const local = path.localCoordinates(other, self.pathS + along, _local);
  const ds = local.s - self.pathS;
  if (ds <= 0 || ds > reach) return Number.NaN;
  const heading = path.headingAt(local.s);
  const rel = other.yawRad - heading;
  const cr = Math.abs(Math.cos(rel));
  const sr = Math.abs(Math.sin(rel));
  const otherHalfAcross = cr * other.box.halfW + sr * other.box.halfL;
  const otherHalfAlong = cr * other.box.halfL + sr * other.box.halfW;
  const bandGap = local.t < tLo ? tLo - local.t : local.t > tHi ? local.t - tHi : 0;
  if (bandGap > self.box.halfW + otherHalfAcross + LATERAL_MARGIN_M) return Number.NaN;
  _speed[0] = other.speedMps * Math.cos(other.yawRad - heading);
  return ds - self.box.halfL - otherHalfAlong;
}

const _speed = new Float64Array(1);

/**
 * Nearest actor ahead within `rangeM` [m], or null. The full search over all actors runs every
 * LEADER_SEARCH_EVERY_S (`searchNow`); between searches the known leader's gap is updated, as a
 * driver glances around now and then but watches the car ahead all the time.
 */
export function findLeader(self: SimActor, actors: readonly SimActor[], rangeM: number, searchNow = true): Leader | null {
  if (!self.path) return null;
  const c = Math.cos(self.yawRad);
  const s = Math.sin(self.yawRad);
  const fin = finalT(self);
  const tLo = Math.min(self.pathT, fin);
  const tHi = Math.max(self.pathT, fin);
  const reach = rangeM + self.box.halfL + 10;
  if (!searchNow) {
    const known = self.leader;
    if (!known) return null;
    const gapM = gapTo(self, known, reach, c, s, tLo, tHi);
    if (Number.isNaN(gapM)) {
      self.leader = null;
      return null;
    }
    return { actor: known, gapM, speedMps: _speed[0] };
  }
  let best: SimActor | null = null;
  let bestGap = Infinity;
  let bestSpeed = 0;
  for (const other of actors) {
    if (other === self) continue;
    const gapM = gapTo(self, other, reach, c, s, tLo, tHi);
    if (!(gapM < bestGap)) continue;
    best = other;
    bestGap = gapM;
    bestSpeed = _speed[0];
  }
  self.leader = best;
  return best ? { actor: best, gapM: bestGap, speedMps: bestSpeed } : null;
}
