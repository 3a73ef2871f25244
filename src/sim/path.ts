/**
 * A drivable or walkable reference line, sampled once at a fixed spacing so that the per-tick
 * questions (where is (s, t), which (s, t) is this point) cost O(1). Built from lanes, from a
 * lane driven backwards, or from plain points. Beyond its ends it extrapolates along the end
 * tangent, like the road contract's curves.
 */
import type { Vec2 } from '../road/types.js';

/** Something that answers position and heading along an arc length, e.g. a road Lane. */
export interface CurveLike {
  readonly lengthM: number;
  position(s: number, t: number): Vec2;
  headingAt(s: number): number;
}

/** A piece of a path: `curve` from `fromS` to `toS` [m]; toS < fromS drives it backwards. */
export interface PathPiece {
  curve: CurveLike;
  fromS: number;
  toS: number;
  /** Lane id, when the piece is a lane (for stop lines and speed zones). */
  laneId?: string;
}

/** Where a piece starts and ends on the path [m]. */
export interface PieceSpan {
  laneId?: string;
  fromPathS: number;
  toPathS: number;
  /** s on the piece's curve at fromPathS, and its direction (+1 forward, -1 backwards). */
  curveFromS: number;
  direction: 1 | -1;
}

/** Sample spacing [m]; fine enough for lane curvature, coarse enough to stay small. */
const SPACING_M = 0.5;

export class Path {
  readonly lengthM: number;
  readonly spans: readonly PieceSpan[];
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  /** Unit tangent at each sample. */
  private readonly cx: Float64Array;
  private readonly cy: Float64Array;
  private readonly n: number;

  private constructor(xs: number[], ys: number[], spans: PieceSpan[]) {
    this.n = xs.length;
    this.xs = Float64Array.from(xs);
    this.ys = Float64Array.from(ys);
    this.cx = new Float64Array(this.n);
    this.cy = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const a = Math.max(0, i - 1);
      const b = Math.min(this.n - 1, i + 1);
      const dx = this.xs[b] - this.xs[a];
      const dy = this.ys[b] - this.ys[a];
      const len = Math.hypot(dx, dy) || 1;
      this.cx[i] = dx / len;
      this.cy[i] = dy / len;
    }
    this.lengthM = (this.n - 1) * SPACING_M;
    this.spans = spans;
  }

  /** Joins pieces end to end (each piece's start is expected where the previous one ends). */
  static fromPieces(pieces: readonly PathPiece[]): Path {
    const raw: Vec2[] = [];
    const rawS: number[] = [];
    const spans: PieceSpan[] = [];
    let acc = 0;
    for (const piece of pieces) {
      const len = Math.abs(piece.toS - piece.fromS);
      const dir: 1 | -1 = piece.toS >= piece.fromS ? 1 : -1;
      const steps = Math.max(1, Math.ceil(len / SPACING_M));
      const startPathS = raw.length === 0 ? 0 : acc;
      for (let k = raw.length === 0 ? 0 : 1; k <= steps; k++) {
        const p = piece.curve.position(piece.fromS + (dir * len * k) / steps, 0);
        if (raw.length > 0) acc += Math.hypot(p.x - raw[raw.length - 1].x, p.y - raw[raw.length - 1].y);
        raw.push(p);
        rawS.push(acc);
      }
      spans.push({ laneId: piece.laneId, fromPathS: startPathS, toPathS: acc, curveFromS: piece.fromS, direction: dir });
    }
    return Path.resample(raw, rawS, spans);
  }

  /** A polyline through points [m]. */
  static fromPoints(points: readonly Vec2[]): Path {
    const raw: Vec2[] = [];
    const rawS: number[] = [];
    let acc = 0;
    for (const p of points) {
      if (raw.length > 0) {
        const d = Math.hypot(p.x - raw[raw.length - 1].x, p.y - raw[raw.length - 1].y);
        if (d < 1e-9) continue;
        acc += d;
      }
      raw.push(p);
      rawS.push(acc);
    }
    return Path.resample(raw, rawS, [{ fromPathS: 0, toPathS: acc, curveFromS: 0, direction: 1 }]);
  }

  /** A straight line from a point along a heading [rad], `lengthM` long. */
  static straight(from: Vec2, headingRad: number, lengthM: number): Path {
    const c = Math.cos(headingRad);
    const s = Math.sin(headingRad);
    return Path.fromPoints([from, { x: from.x + c * lengthM, y: from.y + s * lengthM }]);
  }

  private static resample(raw: Vec2[], rawS: number[], spans: PieceSpan[]): Path {
    if (raw.length === 1) {
      raw.push({ x: raw[0].x + SPACING_M, y: raw[0].y });
      rawS.push(SPACING_M);
    }
    const total = rawS[rawS.length - 1];
    const count = Math.max(2, Math.round(total / SPACING_M) + 1);
    const xs: number[] = [];
    const ys: number[] = [];
    let j = 0;
    for (let i = 0; i < count; i++) {
      const s = Math.min(total, i * SPACING_M);
      while (j < rawS.length - 2 && rawS[j + 1] < s) j++;
      const span = rawS[j + 1] - rawS[j];
      const f = span > 0 ? (s - rawS[j]) / span : 0;
      xs.push(raw[j].x + (raw[j + 1].x - raw[j].x) * f);
      ys.push(raw[j].y + (raw[j + 1].y - raw[j].y) * f);
    }
    // Path s is the resampled arc length; rescale span bounds to it.
    const scale = ((count - 1) * SPACING_M) / (total || 1);
    const scaled = spans.map((sp) => ({ ...sp, fromPathS: sp.fromPathS * scale, toPathS: sp.toPathS * scale }));
    return new Path(xs, ys, scaled);
  }

  /** World point at arc length s [m] and lateral offset t [m] (positive left). */
  position(s: number, t: number, out: Vec2 = { x: 0, y: 0 }): Vec2 {
    this.sampleAt(s);
    const tx = this.ltx;
    const ty = this.lty;
    const len = Math.sqrt(tx * tx + ty * ty) || 1;
    out.x = this.lbx - (ty / len) * t;
    out.y = this.lby + (tx / len) * t;
    return out;
  }

  /** Heading of increasing s [rad]. */
  headingAt(s: number): number {
    this.sampleAt(s);
    return Math.atan2(this.lty, this.ltx);
  }

  /**
   * Road coordinates of a point: s [m] and t [m, positive left]. `hintS` is where to start the
   * search (the last answer for the same point); points within a curve radius of the path
   * converge in a few iterations.
   */
  localCoordinates(p: Vec2, hintS = 0, out: { s: number; t: number } = { s: 0, t: 0 }): { s: number; t: number } {
    // Newton-like steps along the interpolated tangent: the exact inverse of position().
    let s = hintS;
    let nx = 0;
    let ny = 0;
    for (let iter = 0; iter < 8; iter++) {
      this.sampleAt(s);
      let tx = this.ltx;
      let ty = this.lty;
      const len = Math.sqrt(tx * tx + ty * ty) || 1;
      tx /= len;
      ty /= len;
      nx = -ty;
      ny = tx;
      const along = (p.x - this.lbx) * tx + (p.y - this.lby) * ty;
      s += along;
      if (Math.abs(along) < 1e-6) break;
    }
    this.sampleAt(s);
    out.t = (p.x - this.lbx) * nx + (p.y - this.lby) * ny;
    out.s = s;
    return out;
  }

  // The tangent interpolated at the last sampleAt (ltx, lty; not of unit length) and the point
  // on the line there (lbx, lby) [m], kept in fields so the per-tick queries allocate nothing.
  private ltx = 0;
  private lty = 0;
  private lbx = 0;
  private lby = 0;

  /**
   * Interpolates the tangent and the point on the line at s: between samples i and i + 1 at
   * fraction f, or along the end tangent ext [m] beyond an end.
   */
  private sampleAt(s: number): void {
    const u = s / SPACING_M;
    let i: number;
    let f: number;
    let ext: number;
    if (u <= 0) {
      i = 0;
      f = 0;
      ext = s;
    } else if (u >= this.n - 1) {
      i = this.n - 2;
      f = 1;
      ext = s - this.lengthM;
    } else {
      i = Math.floor(u);
      f = u - i;
      ext = 0;
    }
    this.ltx = this.cx[i] + (this.cx[i + 1] - this.cx[i]) * f;
    this.lty = this.cy[i] + (this.cy[i + 1] - this.cy[i]) * f;
    this.lbx = this.xs[i] + (this.xs[i + 1] - this.xs[i]) * f + ext * this.cx[i];
    this.lby = this.ys[i] + (this.ys[i + 1] - this.ys[i]) * f + ext * this.cy[i];
  }
}
