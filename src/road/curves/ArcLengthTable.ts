import { gaussLegendre } from './gaussLegendre.js';

/**
 * Arc length of a curve given by a parameter u in [0, 1]: s(u) = integral of the speed |dP/du|.
 * Knots hold exact cell integrals (Gauss-Legendre); between knots s(u) and u(s) are refined
 * by quadrature and Newton so that s is the true arc length, not a chord approximation.
 */
export class ArcLengthTable {
  readonly lengthM: number;
  private readonly s: Float64Array;
  private readonly n: number;

  constructor(
    private readonly speed: (u: number) => number,
    cells: number,
  ) {
    this.n = cells;
    this.s = new Float64Array(cells + 1);
    for (let i = 1; i <= cells; i++) this.s[i] = this.s[i - 1]! + gaussLegendre(speed, (i - 1) / cells, i / cells);
    this.lengthM = this.s[cells]!;
  }

  /** Arc length at parameter u [m]. */
  sAt(u: number): number {
    const uc = Math.min(Math.max(u, 0), 1);
    const i = Math.min(Math.floor(uc * this.n), this.n - 1);
    const a = i / this.n;
    return this.s[i]! + (uc > a ? gaussLegendre(this.speed, a, uc) : 0);
  }

  /** Parameter at arc length s, s clamped to [0, lengthM]. */
  uAt(s: number): number {
    if (s <= 0) return 0;
    if (s >= this.lengthM) return 1;
    let lo = 0;
    let hi = this.n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.s[mid]! <= s) lo = mid;
      else hi = mid;
    }
    const s0 = this.s[lo]!;
    const s1 = this.s[lo + 1]!;
    const a = lo / this.n;
    const b = (lo + 1) / this.n;
    let u = a + ((s - s0) / (s1 - s0)) * (b - a);
    for (let k = 0; k < 4; k++) {
      const err = s0 + (u > a ? gaussLegendre(this.speed, a, u) : 0) - s;
      const v = this.speed(u);
      if (v <= 0) break;
      const next = Math.min(Math.max(u - err / v, a), b);
      if (Math.abs(next - u) < 1e-15) break;
      u = next;
    }
    return u;
  }
}
