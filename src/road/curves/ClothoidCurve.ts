import type { Vec2 } from '../types.js';
import type { Pose } from './Pose.js';
import { BaseCurve } from './BaseCurve.js';
import { clamp } from '../../math/angles.js';
import { gaussLegendre2 } from './gaussLegendre.js';

/** Spacing of the cached Fresnel-integral knots [m]. */
const KNOT_M = 1;

/**
 * A clothoid (Euler spiral): curvature changes linearly from k0 to k1 [1/m] over lengthM [m].
 * Heading is analytic; position is the Fresnel integral of (cos, sin) of the heading, done by
 * Gauss-Legendre quadrature with cached knots every metre, so a query costs one panel.
 */
export class ClothoidCurve extends BaseCurve {
  private readonly knots: Vec2[] = [];

  constructor(
    readonly start: Pose,
    readonly lengthM: number,
    readonly k0: number,
    readonly k1: number,
    widthM = 0,
  ) {
    super(widthM);
    if (!(lengthM > 0)) throw new Error(`ClothoidCurve needs a positive length (got ${lengthM} m)`);
    const n = Math.ceil(lengthM / KNOT_M);
    this.knots.push({ x: start.x, y: start.y });
    const d = { x: 0, y: 0 };
    for (let i = 1; i <= n; i++) {
      const a = (i - 1) * KNOT_M;
      const b = Math.min(i * KNOT_M, lengthM);
      this.integrate(a, b, d);
      const prev = this.knots[i - 1]!;
      this.knots.push({ x: prev.x + d.x, y: prev.y + d.y });
    }
  }

  private readonly tangent = (s: number, out: Vec2): void => {
    const h = this.headingAt(s);
    out.x = Math.cos(h);
    out.y = Math.sin(h);
  };

  private integrate(a: number, b: number, out: Vec2): void {
    gaussLegendre2(this.tangent, a, b, out);
  }

  headingAt(s: number): number {
    const u = clamp(s, 0, this.lengthM);
    return this.start.headingRad + this.k0 * u + ((this.k1 - this.k0) * u * u) / (2 * this.lengthM);
  }

  curvatureAt(s: number): number {
    const u = clamp(s, 0, this.lengthM);
    return this.k0 + ((this.k1 - this.k0) * u) / this.lengthM;
  }

  pointAt(s: number): Vec2 {
    const u = clamp(s, 0, this.lengthM);
    const i = Math.min(Math.floor(u / KNOT_M), this.knots.length - 1);
    const base = this.knots[i]!;
    const a = i * KNOT_M;
    if (u === a) return { x: base.x, y: base.y };
    const d = { x: 0, y: 0 };
    this.integrate(a, u, d);
    return { x: base.x + d.x, y: base.y + d.y };
  }
}
