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
  const path = self.intent.path!;
  const dx = other.state.x - self.state.x;
  const dy = other.state.y - self.state.y;
  if (Math.abs(dx) > reach || Math.abs(dy) > reach) return Number.NaN;
  const along = dx * c + dy * s;
  if (along < -2 || along > reach) return Number.NaN;
  const local = path.localCoordinates(other.state, self.state.pathS + along, _local);
  const ds = local.s - self.state.pathS;
  if (ds <= 0 || ds > reach) return Number.NaN;
  const heading = path.headingAt(local.s);
  const rel = other.state.yawRad - heading;
  const cr = Math.abs(Math.cos(rel));
  const sr = Math.abs(Math.sin(rel));
  const otherHalfAcross = cr * other.state.box.halfW + sr * other.state.box.halfL;
  const otherHalfAlong = cr * other.state.box.halfL + sr * other.state.box.halfW;
  const bandGap = local.t < tLo ? tLo - local.t : local.t > tHi ? local.t - tHi : 0;
  if (bandGap > self.state.box.halfW + otherHalfAcross + LATERAL_MARGIN_M) return Number.NaN;
  _speed[0] = other.state.speedMps * Math.cos(other.state.yawRad - heading);
  return ds - self.state.box.halfL - otherHalfAlong;
}

const _speed = new Float64Array(1);

/**
 * Nearest actor ahead within `rangeM` [m], or null. The full search over all actors runs every
 * LEADER_SEARCH_EVERY_S (`searchNow`); between searches the known leader's gap is updated, as a
 * driver glances around now and then but watches the car ahead all the time. Reads only: the
 * caller keeps what it found as the known leader (controller.leader). Without a path, null and
 * nothing looked at.
 */
export function findLeader(self: SimActor, actors: readonly SimActor[], rangeM: number, searchNow = true): Leader | null {
  if (!self.intent.path) return null;
  const c = Math.cos(self.state.yawRad);
  const s = Math.sin(self.state.yawRad);
  const fin = finalT(self);
  const tLo = Math.min(self.state.pathT, fin);
  const tHi = Math.max(self.state.pathT, fin);
  const reach = rangeM + self.state.box.halfL + 10;
  if (!searchNow) {
    const known = self.controller.leader;
    if (!known) return null;
    const gapM = gapTo(self, known, reach, c, s, tLo, tHi);
    if (Number.isNaN(gapM)) return null;
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
  return best ? { actor: best, gapM: bestGap, speedMps: bestSpeed } : null;
}
