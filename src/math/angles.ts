/**
 * Angle helpers, the one definition of each for every layer: wrapping [rad] and the pinhole
 * camera's vertical field of view [deg].
 */

/** Wraps an angle into [-pi, pi) [rad]; an angle already inside comes back unchanged. */
export function wrapAngle(a: number): number {
  const twoPi = 2 * Math.PI;
  return a - twoPi * Math.floor((a + Math.PI) / twoPi);
}

/**
 * Wraps an angle into (-pi, pi] [rad] through its sine and cosine. The simulation's steering and
 * lane chaining use this form, not wrapAngle: it rounds differently in the last bits, and
 * trajectories are kept bit-identical with the runs recorded before.
 */
export function wrapAngleTrig(a: number): number {
  return Math.atan2(Math.sin(a), Math.cos(a));
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : Math.min(v, hi);
}

/** Vertical field of view [deg] of an image widthPx x heightPx with horizontal field of view `hfovDeg`. */
export function verticalFovDeg(hfovDeg: number, widthPx: number, heightPx: number): number {
  const halfWidth = Math.tan((hfovDeg * (Math.PI / 180)) / 2);
  return 2 * Math.atan(halfWidth / (widthPx / heightPx)) * (180 / Math.PI);
}
