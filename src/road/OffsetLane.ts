import type { Lane, Vec2 } from './types.js';
import type { BaseCurve } from './curves/BaseCurve.js';
import { wrapAngle } from '../math/angles.js';

/** Cell size of the road-s <-> lane-s table [m]. */
const CELL_M = 1;

export interface OffsetLaneOptions {
  id: string;
  roadId: string;
  /** 1.. forward, -1.. oncoming, 0 for named strips (parking, shoulder, sidewalk). */
  index: number;
  /** Lateral offset of the lane centre from the reference line [m], positive left. */
  offsetT: number;
  /** true: the lane runs against the reference line (oncoming traffic). */
  reversed: boolean;
  widthM: number;
}

/**
 * A lane whose centre is its road's reference curve at a fixed lateral offset.
 *
 * Lane s is the true arc length along the lane centre in the lane's own direction of travel
 * (so a vehicle advancing s by v dt moves v dt metres, also on the inside of a curve). Forward
 * lanes (reversed = false) run with the reference line; oncoming lanes (reversed = true) run
 * against it: their s = 0 is at the reference line's end, their heading is the reference
 * heading + pi and their t (positive to the lane's own left) is minus the reference t.
 * `roadS(laneS)` / `laneS(roadS)` convert between the two s.
 */
export class OffsetLane implements Lane {
  readonly id: string;
  readonly roadId: string;
  readonly index: number;
  readonly next: string[] = [];
  /** Connectors that leave this lane before its end (junction turns), at lane s [m]. */
  readonly branches: { s: number; laneId: string }[] = [];
  readonly offsetT: number;
  readonly reversed: boolean;
  readonly lengthM: number;
  private readonly widthM: number;
  /** Knots: reference s and forward-running lane s (cumulative arc length at the offset). */
  private readonly refS: number[] = [];
  private readonly fwdS: number[] = [];

  constructor(
    readonly reference: BaseCurve & { breakpointsS?: number[] },
    o: OffsetLaneOptions,
  ) {
    this.id = o.id;
    this.roadId = o.roadId;
    this.index = o.index;
    this.offsetT = o.offsetT;
    this.reversed = o.reversed;
    this.widthM = o.widthM;
    const L = reference.lengthM;
    const knots = new Set<number>([0, L, ...(reference.breakpointsS ?? [])]);
    for (let s = CELL_M; s < L; s += CELL_M) knots.add(s);
    const sorted = [...knots].filter((s) => s >= 0 && s <= L).sort((a, b) => a - b);
    // Speed of the offset line relative to the reference: 1 - curvature * t (Simpson per cell,
    // exact for arcs and clothoids since cells never straddle a joint).
    const factor = (s: number): number => 1 - reference.curvatureAt(s) * o.offsetT;
    let acc = 0;
    for (let i = 0; i < sorted.length; i++) {
      const s = sorted[i]!;
      if (i > 0) {
        const a = sorted[i - 1]!;
        const eps = 1e-9;
        const fa = factor(a + eps);
        const fm = factor((a + s) / 2);
        const fb = factor(s - eps);
        if (fa <= 0 || fm <= 0 || fb <= 0) {
          throw new Error(
            `lane ${o.id}: the road bends tighter (radius ${(1 / Math.abs(reference.curvatureAt((a + s) / 2))).toFixed(1)} m near s = ${a.toFixed(0)} m) than the lane offset of ${Math.abs(o.offsetT).toFixed(2)} m allows; use a larger radius or fewer lanes`,
          );
        }
        acc += ((s - a) * (fa + 4 * fm + fb)) / 6;
      }
      this.refS.push(s);
      this.fwdS.push(acc);
    }
    this.lengthM = acc;
  }

  /** Lane s [m] of a reference-line s [m]; beyond the ends 1:1 (straight extrapolation). */
  laneS(roadS: number): number {
    const f = this.forwardS(roadS);
    return this.reversed ? this.lengthM - f : f;
  }

  /** Reference-line s [m] of a lane s [m]. */
  roadS(laneS: number): number {
    const f = this.reversed ? this.lengthM - laneS : laneS;
    return interpolate(this.fwdS, this.refS, f);
  }

  private forwardS(roadS: number): number {
    return interpolate(this.refS, this.fwdS, roadS);
  }

  private sign(): number {
    return this.reversed ? -1 : 1;
  }

  position(s: number, t: number): Vec2 {
    return this.reference.position(this.roadS(s), this.offsetT + this.sign() * t);
  }

  localCoordinates(point: Vec2): { s: number; t: number } {
    const lc = this.reference.localCoordinates(point);
    return { s: this.laneS(lc.s), t: this.sign() * (lc.t - this.offsetT) };
  }

  headingAt(s: number): number {
    const h = this.reference.headingAt(this.roadS(s));
    return this.reversed ? wrapAngle(h + Math.PI) : h;
  }

  widthAt(_s: number): number {
    return this.widthM;
  }
}

/** Piecewise-linear map from sorted xs to ys, extended with slope 1 beyond both ends. */
function interpolate(xs: number[], ys: number[], x: number): number {
  const n = xs.length;
  if (x <= xs[0]!) return ys[0]! + (x - xs[0]!);
  if (x >= xs[n - 1]!) return ys[n - 1]! + (x - xs[n - 1]!);
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo]!;
  const x1 = xs[lo + 1]!;
  return ys[lo]! + ((x - x0) / (x1 - x0)) * (ys[lo + 1]! - ys[lo]!);
}
