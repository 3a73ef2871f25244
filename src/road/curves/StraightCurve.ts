import type { Vec2 } from '../types.js';
import type { Pose } from './Pose.js';
import { BaseCurve } from './BaseCurve.js';
import { clamp } from '../../math/angles.js';

/** A straight segment from a start pose [m]. */
export class StraightCurve extends BaseCurve {
  constructor(
    readonly start: Pose,
    readonly lengthM: number,
    widthM = 0,
  ) {
    super(widthM);
  }

  pointAt(s: number): Vec2 {
    return { x: this.start.x + s * Math.cos(this.start.headingRad), y: this.start.y + s * Math.sin(this.start.headingRad) };
  }

  headingAt(_s: number): number {
    return this.start.headingRad;
  }

  curvatureAt(_s: number): number {
    return 0;
  }

  protected override projectInside(point: Vec2): number {
    const h = this.start.headingRad;
    return clamp((point.x - this.start.x) * Math.cos(h) + (point.y - this.start.y) * Math.sin(h), 0, this.lengthM);
  }
}
