/** Angle helpers [rad]. */

/** Wraps an angle into [-pi, pi) [rad]. */
export function wrapAngle(a: number): number {
  const twoPi = 2 * Math.PI;
  return a - twoPi * Math.floor((a + Math.PI) / twoPi);
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
