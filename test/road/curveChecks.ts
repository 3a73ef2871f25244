import { expect } from 'vitest';
import type { Curve } from '../../src/road/types.js';
import { wrapAngle } from '../../src/math/angles.js';

/** position -> localCoordinates gives back (s, t) on a grid of points within |t| <= maxT. */
export function expectRoundTrip(curve: Curve, maxT: number, tol = 1e-6): void {
  const L = curve.lengthM;
  for (let i = 0; i <= 40; i++) {
    const s = (L * i) / 40;
    for (const t of [-maxT, -maxT / 3, 0, maxT / 2, maxT]) {
      const p = curve.position(s, t);
      const lc = curve.localCoordinates(p);
      expect(lc.s).toBeCloseTo(s, -Math.log10(tol));
      expect(lc.t).toBeCloseTo(t, -Math.log10(tol));
    }
  }
}

/** headingAt(s) is the direction of the numerical derivative of position(s, 0). */
export function expectHeadingIsDerivative(curve: Curve, tolRad = 1e-5): void {
  const L = curve.lengthM;
  const h = 1e-4;
  for (let i = 0; i <= 40; i++) {
    const s = Math.min(Math.max((L * i) / 40, h), L - h);
    const a = curve.position(s - h, 0);
    const b = curve.position(s + h, 0);
    const numeric = Math.atan2(b.y - a.y, b.x - a.x);
    expect(Math.abs(wrapAngle(numeric - curve.headingAt(s)))).toBeLessThan(tolRad);
  }
}

/** |d position / ds| = 1: s is arc length. */
export function expectUnitSpeed(curve: Curve, tol = 1e-6): void {
  const L = curve.lengthM;
  const h = 1e-3;
  for (let i = 0; i <= 20; i++) {
    const s = Math.min(Math.max((L * i) / 20, h), L - h);
    const a = curve.position(s - h, 0);
    const b = curve.position(s + h, 0);
    expect(Math.hypot(b.x - a.x, b.y - a.y) / (2 * h)).toBeCloseTo(1, -Math.log10(tol));
  }
}
