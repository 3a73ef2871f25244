/** Two-link leg reach in a side view: joint angles that put the foot on a target (pedals, pegs). */

export interface LegAngles {
  /** Thigh angle from hanging straight down, positive forward [rad]. */
  hip: number;
  /** Knee flexion, positive bends the shin back [rad]. */
  knee: number;
}

/** Hip at (hx, hy), foot target (px, py), thigh and shin lengths [m]; the knee points forward. */
export function legReach(hx: number, hy: number, px: number, py: number, thighM: number, shinM: number, out: LegAngles): LegAngles {
  const dx = px - hx;
  const dy = py - hy;
  const d = Math.min(Math.hypot(dx, dy), thighM + shinM - 1e-4);
  const toFoot = Math.atan2(dx, -dy);
  const cosHip = (thighM * thighM + d * d - shinM * shinM) / (2 * thighM * d);
  const cosKnee = (thighM * thighM + shinM * shinM - d * d) / (2 * thighM * shinM);
  out.hip = toFoot + Math.acos(Math.max(-1, Math.min(1, cosHip)));
  out.knee = Math.PI - Math.acos(Math.max(-1, Math.min(1, cosKnee)));
  return out;
}
