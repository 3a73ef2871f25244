import type { Curve, Vec2 } from '../types.js';
import { clamp } from '../../math/angles.js';

/**
 * Shared machinery of every curve: subclasses give the centre line on [0, lengthM]
 * (`pointAt`, `headingAt`, `curvatureAt`); this class adds the lateral offset t, straight
 * extrapolation beyond both ends, and projection of world points (nearest sample, then Newton
 * on the along-track residual). Straight and arc pieces override the projection analytically.
 */
export abstract class BaseCurve implements Curve {
  abstract readonly lengthM: number;
  /** Centre-line samples for the first guess of projections, made on first use. */
  private samples: Float64Array | undefined;

  constructor(readonly widthM: number = 0) {}

  /** Centre line point at s, for s in [0, lengthM] [m]. */
  abstract pointAt(s: number): Vec2;
  /** Heading at s [rad]; s is clamped to [0, lengthM]. */
  abstract headingAt(s: number): number;
  /** Signed curvature at s [1/m], positive turning left; s is clamped to [0, lengthM]. */
  abstract curvatureAt(s: number): number;

  widthAt(_s: number): number {
    return this.widthM;
  }

  position(s: number, t: number): Vec2 {
    const sc = clamp(s, 0, this.lengthM);
    const p = this.pointAt(sc);
    const h = this.headingAt(sc);
    const extra = s - sc;
    const c = Math.cos(h);
    const sn = Math.sin(h);
    return { x: p.x + extra * c - t * sn, y: p.y + extra * sn + t * c };
  }

  localCoordinates(point: Vec2): { s: number; t: number } {
    const s0 = this.projectInside(point);
    const q = this.pointAt(s0);
    const h = this.headingAt(s0);
    const dx = point.x - q.x;
    const dy = point.y - q.y;
    const along = dx * Math.cos(h) + dy * Math.sin(h);
    const t = -dx * Math.sin(h) + dy * Math.cos(h);
    // Beyond an end the curve continues straight along its end tangent (see position()).
    if ((s0 <= 0 && along < 0) || (s0 >= this.lengthM && along > 0)) return { s: s0 + along, t };
    return { s: s0, t };
  }

  /** Nearest s in [0, lengthM] to a point [m]. */
  protected projectInside(point: Vec2): number {
    const L = this.lengthM;
    if (!this.samples) {
      const n = Math.max(16, Math.ceil(L / 1));
      this.samples = new Float64Array(2 * (n + 1));
      for (let i = 0; i <= n; i++) {
        const q = this.pointAt((L * i) / n);
        this.samples[2 * i] = q.x;
        this.samples[2 * i + 1] = q.y;
      }
    }
    const xy = this.samples;
    const n = xy.length / 2 - 1;
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i <= n; i++) {
      const d = (xy[2 * i]! - point.x) ** 2 + (xy[2 * i + 1]! - point.y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return this.newton(point, (L * best) / n);
  }

  /** Newton iterations on g(s) = (p - P(s)) . T(s) = 0, clamped to [0, lengthM]. */
  protected newton(point: Vec2, s0: number): number {
    let s = s0;
    for (let k = 0; k < 30; k++) {
      const q = this.pointAt(s);
      const h = this.headingAt(s);
      const c = Math.cos(h);
      const sn = Math.sin(h);
      const dx = point.x - q.x;
      const dy = point.y - q.y;
      const g = dx * c + dy * sn;
      const normal = -dx * sn + dy * c;
      const slope = 1 - this.curvatureAt(s) * normal;
      // Near the centre of curvature the slope vanishes; fall back to a plain step.
      const step = slope > 0.2 ? g / slope : g * 0.5;
      const next = clamp(s + step, 0, this.lengthM);
      if (Math.abs(next - s) < 1e-12) {
        s = next;
        break;
      }
      s = next;
    }
    return s;
  }
}
