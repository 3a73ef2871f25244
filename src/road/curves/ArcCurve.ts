import type { Vec2 } from '../types.js';
import type { Pose } from './Pose.js';
import { BaseCurve } from './BaseCurve.js';
import { clamp, wrapAngle } from '../../math/angles.js';

/** A circular arc from a start pose: radius [m], turned angle [rad] > 0, turning left or right. */
export class ArcCurve extends BaseCurve {
  readonly lengthM: number;
  /** +1 turning left (counter-clockwise), -1 turning right. */
  readonly sign: 1 | -1;
  readonly centre: Vec2;

  constructor(
    readonly start: Pose,
    readonly radiusM: number,
    readonly angleRad: number,
    direction: 'left' | 'right',
    widthM = 0,
  ) {
    super(widthM);
    if (!(radiusM > 0) || !(angleRad > 0)) throw new Error(`ArcCurve needs a positive radius and angle (got ${radiusM} m, ${angleRad} rad)`);
    this.sign = direction === 'left' ? 1 : -1;
    this.lengthM = radiusM * angleRad;
    const h = start.headingRad;
    this.centre = { x: start.x - this.sign * radiusM * Math.sin(h), y: start.y + this.sign * radiusM * Math.cos(h) };
  }

  headingAt(s: number): number {
    return this.start.headingRad + (this.sign * clamp(s, 0, this.lengthM)) / this.radiusM;
  }

  pointAt(s: number): Vec2 {
    const phi = this.headingAt(s);
    return {
      x: this.centre.x + this.sign * this.radiusM * Math.sin(phi),
      y: this.centre.y - this.sign * this.radiusM * Math.cos(phi),
    };
  }

  curvatureAt(_s: number): number {
    return this.sign / this.radiusM;
  }

  /** Analytic: the polar angle of the point about the centre, measured along the arc. */
  protected override projectInside(point: Vec2): number {
    const radial0 = this.start.headingRad - (this.sign * Math.PI) / 2;
    const a = Math.atan2(point.y - this.centre.y, point.x - this.centre.x);
    const half = this.angleRad / 2;
    // Centre the wrap window on the arc's middle so both ends are reached from either side.
    const swept = wrapAngle(this.sign * (a - radial0) - half) + half;
    return clamp(swept * this.radiusM, 0, this.lengthM);
  }
}
