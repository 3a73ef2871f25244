import type { Vec2 } from '../types.js';

/** A circle as a counter-clockwise polygon of `points` vertices [m]. */
export function circlePolygon(c: Vec2, r: number, points = 72): Vec2[] {
  const out: Vec2[] = [];
  for (let i = 0; i < points; i++) {
    const a = (2 * Math.PI * i) / points;
    out.push({ x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) });
  }
  return out;
}
