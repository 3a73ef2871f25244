import type { Vec2 } from '../types.js';
import type { Pose } from './Pose.js';
import { ArcCurve } from './ArcCurve.js';
import { BaseCurve } from './BaseCurve.js';
import { ClothoidCurve } from './ClothoidCurve.js';
import { SineShiftCurve } from './SineShiftCurve.js';
import { StraightCurve } from './StraightCurve.js';

/**
 * Pieces chained end to end: each piece starts at the exact end pose of the one before
 * (computed by that piece), so the chain has no gaps and no kinks (G1). s runs over the whole
 * chain; before the first piece and after the last it extrapolates along the end tangents.
 * Build with the `straight`, `arc`, `clothoid` and `sineShift` methods, which append.
 */
export class CompositeCurve extends BaseCurve {
  private readonly pieces: BaseCurve[] = [];
  /** Start s of each piece on the chain [m]. */
  private readonly starts: number[] = [];
  private total = 0;
  /** Per piece: the point at half its length; every point of the piece lies within half its length of it. */
  private readonly mids: Vec2[] = [];

  constructor(
    readonly start: Pose,
    widthM = 0,
  ) {
    super(widthM);
  }

  get lengthM(): number {
    return this.total;
  }

  /** s of every joint between pieces, and both ends [m]. */
  get breakpointsS(): number[] {
    return [...this.starts, this.total];
  }

  get pieceCount(): number {
    return this.pieces.length;
  }

  /** Pose at the end of the chain (the start of the next piece). */
  endPose(): Pose {
    if (this.pieces.length === 0) return { ...this.start };
    const p = this.pointAt(this.total);
    return { x: p.x, y: p.y, headingRad: this.headingAt(this.total) };
  }

  append(make: (start: Pose) => BaseCurve): this {
    const piece = make(this.endPose());
    this.starts.push(this.total);
    this.pieces.push(piece);
    this.mids.push(piece.pointAt(piece.lengthM / 2));
    this.total += piece.lengthM;
    return this;
  }

  straight(lengthM: number): this {
    return this.append((p) => new StraightCurve(p, lengthM));
  }

  arc(radiusM: number, angleRad: number, direction: 'left' | 'right'): this {
    return this.append((p) => new ArcCurve(p, radiusM, angleRad, direction));
  }

  clothoid(lengthM: number, k0: number, k1: number): this {
    return this.append((p) => new ClothoidCurve(p, lengthM, k0, k1));
  }

  sineShift(runM: number, offsetM: number): this {
    return this.append((p) => new SineShiftCurve(p, runM, offsetM));
  }

  /** Index of the piece holding s (the first or last for s outside the chain). */
  private pieceIndex(s: number): number {
    const st = this.starts;
    if (st.length === 0) throw new Error('CompositeCurve has no pieces');
    let lo = 0;
    let hi = st.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (st[mid]! <= s) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  pointAt(s: number): Vec2 {
    const i = this.pieceIndex(s);
    const piece = this.pieces[i]!;
    return piece.pointAt(Math.min(Math.max(s - this.starts[i]!, 0), piece.lengthM));
  }

  headingAt(s: number): number {
    const i = this.pieceIndex(s);
    return this.pieces[i]!.headingAt(s - this.starts[i]!);
  }

  curvatureAt(s: number): number {
    const i = this.pieceIndex(s);
    return this.pieces[i]!.curvatureAt(s - this.starts[i]!);
  }

  override position(s: number, t: number): Vec2 {
    const i = this.pieceIndex(s);
    return this.pieces[i]!.position(s - this.starts[i]!, t);
  }

  /**
   * Nearest piece wins; only the first and last pieces may answer beyond their ends. Pieces are
   * tried nearest first by a lower bound on their distance (|p - mid| - length / 2) and skipped
   * once that bound exceeds the best distance found, so long roads cost a few projections.
   */
  override localCoordinates(point: Vec2): { s: number; t: number } {
    let best = { s: 0, t: 0 };
    let bestD = Infinity;
    const last = this.pieces.length - 1;
    const order = this.pieces.map((piece, i) => {
      const m = this.mids[i]!;
      const bound = Math.hypot(point.x - m.x, point.y - m.y) - piece.lengthM / 2;
      // The end pieces extend without limit, so they are always candidates.
      return { i, bound: i === 0 || i === last ? Math.min(bound, 0) : bound };
    });
    order.sort((a, b) => a.bound - b.bound);
    for (const { i, bound } of order) {
      if (bound > bestD) break;
      const piece = this.pieces[i]!;
      const lc = piece.localCoordinates(point);
      let outside = 0;
      if (lc.s < 0 && i > 0) outside = -lc.s;
      else if (lc.s > piece.lengthM && i < last) outside = lc.s - piece.lengthM;
      const d = Math.hypot(outside, lc.t);
      if (d < bestD) {
        bestD = d;
        const sLocal = outside > 0 ? Math.min(Math.max(lc.s, 0), piece.lengthM) : lc.s;
        best = { s: this.starts[i]! + sLocal, t: lc.t };
      }
    }
    return best;
  }
}
