import type { Vec2 } from '../types.js';
import type { Pose } from './Pose.js';
import { ParametricCurve } from './ParametricCurve.js';
import { wrapAngle } from '../../math/angles.js';

/**
 * A cubic Bezier curve, arc-length parametrised. `between(from, to)` builds one tangent to
 * both poses with handle lengths that make a symmetric turn close to a circular arc
 * (4/3 tan(turn/4) of the radius), used for junction and roundabout connectors.
 */
export class CubicBezierCurve extends ParametricCurve {
  constructor(
    readonly p0: Vec2,
    readonly p1: Vec2,
    readonly p2: Vec2,
    readonly p3: Vec2,
    widthM = 0,
  ) {
    super(widthM);
  }

  static between(from: Pose, to: Pose, widthM = 0): CubicBezierCurve {
    const chord = Math.hypot(to.x - from.x, to.y - from.y);
    const turn = Math.abs(wrapAngle(to.headingRad - from.headingRad));
    // Handle for an arc through both ends: r = chord / (2 sin(turn/2)), handle = 4/3 tan(turn/4) r.
    const handle = turn < 1e-6 ? chord / 3 : (chord * (4 / 3) * Math.tan(turn / 4)) / (2 * Math.sin(turn / 2));
    return new CubicBezierCurve(
      { x: from.x, y: from.y },
      { x: from.x + handle * Math.cos(from.headingRad), y: from.y + handle * Math.sin(from.headingRad) },
      { x: to.x - handle * Math.cos(to.headingRad), y: to.y - handle * Math.sin(to.headingRad) },
      { x: to.x, y: to.y },
      widthM,
    );
  }

  protected tableCells(): number {
    return 64;
  }

  protected pointAtU(u: number): Vec2 {
    if (u >= 1) return { x: this.p3.x, y: this.p3.y };
    const v = 1 - u;
    const a = v * v * v;
    const b = 3 * v * v * u;
    const c = 3 * v * u * u;
    const d = u * u * u;
    return {
      x: a * this.p0.x + b * this.p1.x + c * this.p2.x + d * this.p3.x,
      y: a * this.p0.y + b * this.p1.y + c * this.p2.y + d * this.p3.y,
    };
  }

  protected d1(u: number): Vec2 {
    const v = 1 - u;
    const a = 3 * v * v;
    const b = 6 * v * u;
    const c = 3 * u * u;
    return {
      x: a * (this.p1.x - this.p0.x) + b * (this.p2.x - this.p1.x) + c * (this.p3.x - this.p2.x),
      y: a * (this.p1.y - this.p0.y) + b * (this.p2.y - this.p1.y) + c * (this.p3.y - this.p2.y),
    };
  }

  protected d2(u: number): Vec2 {
    const v = 1 - u;
    return {
      x: 6 * v * (this.p2.x - 2 * this.p1.x + this.p0.x) + 6 * u * (this.p3.x - 2 * this.p2.x + this.p1.x),
      y: 6 * v * (this.p2.y - 2 * this.p1.y + this.p0.y) + 6 * u * (this.p3.y - 2 * this.p2.y + this.p1.y),
    };
  }
}
