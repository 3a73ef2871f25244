import type { Vec2 } from '../types.js';
import { ArcLengthTable } from './ArcLengthTable.js';
import { BaseCurve } from './BaseCurve.js';

/**
 * A curve given in a parameter u in [0, 1] (first and second derivatives known), re-parametrised
 * by true arc length through an ArcLengthTable. Subclasses: SineShiftCurve, CubicBezierCurve.
 */
export abstract class ParametricCurve extends BaseCurve {
  private tableCache: ArcLengthTable | undefined;

  /** Point at parameter u. */
  protected abstract pointAtU(u: number): Vec2;
  /** First derivative dP/du. */
  protected abstract d1(u: number): Vec2;
  /** Second derivative d2P/du2. */
  protected abstract d2(u: number): Vec2;
  /** Cells of the arc-length table. */
  protected abstract tableCells(): number;

  protected get table(): ArcLengthTable {
    if (!this.tableCache) {
      this.tableCache = new ArcLengthTable((u) => {
        const d = this.d1(u);
        return Math.hypot(d.x, d.y);
      }, this.tableCells());
    }
    return this.tableCache;
  }

  get lengthM(): number {
    return this.table.lengthM;
  }

  pointAt(s: number): Vec2 {
    return this.pointAtU(this.table.uAt(s));
  }

  headingAt(s: number): number {
    const d = this.d1(this.table.uAt(s));
    return Math.atan2(d.y, d.x);
  }

  curvatureAt(s: number): number {
    const u = this.table.uAt(s);
    const a = this.d1(u);
    const b = this.d2(u);
    const v = Math.hypot(a.x, a.y);
    return (a.x * b.y - a.y * b.x) / (v * v * v);
  }
}
