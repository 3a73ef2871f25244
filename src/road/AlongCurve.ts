import type { Curve, Vec2 } from './types.js';

/**
 * A road or lane laid along one curve: its length, points, road coordinates and headings are
 * the curve's, so they are asked of it; only the width is its own.
 */
export abstract class AlongCurve implements Curve {
  constructor(private readonly along: Curve) {}

  get lengthM(): number {
    return this.along.lengthM;
  }

  position(s: number, t: number): Vec2 {
    return this.along.position(s, t);
  }

  localCoordinates(point: Vec2): { s: number; t: number } {
    return this.along.localCoordinates(point);
  }

  headingAt(s: number): number {
    return this.along.headingAt(s);
  }

  abstract widthAt(s: number): number;
}
