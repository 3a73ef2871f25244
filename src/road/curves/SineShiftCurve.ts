import type { Vec2 } from '../types.js';
import type { Pose } from './Pose.js';
import { ParametricCurve } from './ParametricCurve.js';

/**
 * A sideways shift with a half-cosine profile, as at a construction zone: over a run of
 * runM [m] along the start heading, the line moves offsetM [m] to the left (negative: right),
 * y(x) = offset (1 - cos(pi x / run)) / 2. Starts and ends with the start heading (G1 joints).
 */
export class SineShiftCurve extends ParametricCurve {
  private readonly c: number;
  private readonly sn: number;

  constructor(
    readonly start: Pose,
    readonly runM: number,
    readonly offsetM: number,
    widthM = 0,
  ) {
    super(widthM);
    if (!(runM > 0)) throw new Error(`SineShiftCurve needs a positive run (got ${runM} m)`);
    this.c = Math.cos(start.headingRad);
    this.sn = Math.sin(start.headingRad);
  }

  protected tableCells(): number {
    return Math.max(32, Math.ceil(this.runM / 2));
  }

  private toWorld(lx: number, ly: number, origin: boolean): Vec2 {
    const x = lx * this.c - ly * this.sn;
    const y = lx * this.sn + ly * this.c;
    return origin ? { x: this.start.x + x, y: this.start.y + y } : { x, y };
  }

  protected pointAtU(u: number): Vec2 {
    return this.toWorld(u * this.runM, (this.offsetM * (1 - Math.cos(Math.PI * u))) / 2, true);
  }

  protected d1(u: number): Vec2 {
    return this.toWorld(this.runM, (this.offsetM * Math.PI * Math.sin(Math.PI * u)) / 2, false);
  }

  protected d2(u: number): Vec2 {
    return this.toWorld(0, (this.offsetM * Math.PI * Math.PI * Math.cos(Math.PI * u)) / 2, false);
  }
}
