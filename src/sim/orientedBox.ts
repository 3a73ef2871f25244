/**
 * Footprints of actors as oriented rectangles in the ground plane, with the two questions the
 * metrics ask: do two of them overlap, and how far apart are they [m].
 */

export interface OrientedBox {
  /** Centre [m]. */
  x: number;
  y: number;
  /** Heading of the length axis [rad]. */
  yawRad: number;
  /** Half length and half width [m]. */
  halfL: number;
  halfW: number;
}

const _ca = new Float64Array(8);
const _cb = new Float64Array(8);

function corners(b: OrientedBox, out: Float64Array): void {
  const c = Math.cos(b.yawRad);
  const s = Math.sin(b.yawRad);
  const lx = c * b.halfL,
    ly = s * b.halfL;
  const wx = -s * b.halfW,
    wy = c * b.halfW;
  out[0] = b.x + lx + wx;
  out[1] = b.y + ly + wy;
  out[2] = b.x - lx + wx;
  out[3] = b.y - ly + wy;
  out[4] = b.x - lx - wx;
  out[5] = b.y - ly - wy;
  out[6] = b.x + lx - wx;
  out[7] = b.y + ly - wy;
}

const _interval = new Float64Array(4);

/** Extents of two corner sets along an axis: [minA, maxA, minB, maxB] (a reused scratch array). */
function project(a: Float64Array, b: Float64Array, nx: number, ny: number): Float64Array {
  let minA = Infinity,
    maxA = -Infinity,
    minB = Infinity,
    maxB = -Infinity;
  for (let k = 0; k < 4; k++) {
    const pa = a[2 * k] * nx + a[2 * k + 1] * ny;
    const pb = b[2 * k] * nx + b[2 * k + 1] * ny;
    if (pa < minA) minA = pa;
    if (pa > maxA) maxA = pa;
    if (pb < minB) minB = pb;
    if (pb > maxB) maxB = pb;
  }
  _interval[0] = minA;
  _interval[1] = maxA;
  _interval[2] = minB;
  _interval[3] = maxB;
  return _interval;
}

const _axes = new Float64Array(8);

/**
 * The axes a separating-axis test needs for two rectangles: each one's first two edges, which
 * are normal to its other two, as (x, y) pairs, a's first (a reused scratch array).
 */
function edgeAxes(a: Float64Array, b: Float64Array): Float64Array {
  for (let p = 0; p < 2; p++) {
    const poly = p === 0 ? a : b;
    for (let e = 0; e < 2; e++) {
      _axes[4 * p + 2 * e] = poly[2 * e + 2] - poly[2 * e];
      _axes[4 * p + 2 * e + 1] = poly[2 * e + 3] - poly[2 * e + 1];
    }
  }
  return _axes;
}

/** Separating axis test on the four edge normals. */
function overlapsCorners(a: Float64Array, b: Float64Array): boolean {
  const axes = edgeAxes(a, b);
  for (let k = 0; k < 4; k++) {
    const iv = project(a, b, axes[2 * k], axes[2 * k + 1]);
    if (iv[1] < iv[2] || iv[3] < iv[0]) return false;
  }
  return true;
}

function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let u = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  u = u < 0 ? 0 : Math.min(u, 1);
  const ex = px - ax - u * dx;
  const ey = py - ay - u * dy;
  return Math.sqrt(ex * ex + ey * ey);
}

function cornerToEdges(p: Float64Array, q: Float64Array): number {
  let best = Infinity;
  for (let k = 0; k < 4; k++) {
    for (let e = 0; e < 4; e++) {
      const n = (e + 1) % 4;
      const d = pointSegmentDistance(p[2 * k], p[2 * k + 1], q[2 * e], q[2 * e + 1], q[2 * n], q[2 * n + 1]);
      if (d < best) best = d;
    }
  }
  return best;
}

/** True if the two footprints share any area (touching counts). */
export function boxesOverlap(a: OrientedBox, b: OrientedBox): boolean {
  if (circlesApart(a, boundingRadius(a), b, boundingRadius(b))) return false;
  corners(a, _ca);
  corners(b, _cb);
  return overlapsCorners(_ca, _cb);
}

/** Distance between two footprints [m]; 0 when they overlap. */
export function boxDistance(a: OrientedBox, b: OrientedBox): number {
  corners(a, _ca);
  corners(b, _cb);
  if (overlapsCorners(_ca, _cb)) return 0;
  return Math.min(cornerToEdges(_ca, _cb), cornerToEdges(_cb, _ca));
}

/** Radius of the circle around a footprint [m]. */
export function boundingRadius(b: OrientedBox): number {
  return Math.sqrt(b.halfL * b.halfL + b.halfW * b.halfW);
}

/** True if the bounding circles of radii ra, rb [m] around the two footprints are apart. */
export function circlesApart(a: OrientedBox, ra: number, b: OrientedBox, rb: number): boolean {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  const r = ra + rb;
  return dx * dx + dy * dy > r * r;
}

/** A lower bound of boxDistance from the bounding circles of radii ra, rb [m]. */
export function boxDistanceLowerBound(a: OrientedBox, ra: number, b: OrientedBox, rb: number): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy) - ra - rb;
}

/**
 * Time [s] until two footprints first overlap if both keep their velocities [m/s] (and
 * headings): a swept separating-axis test on the four edge normals. 0 when they overlap now,
 * Infinity when they never will.
 */
export function timeToOverlapS(a: OrientedBox, avx: number, avy: number, b: OrientedBox, bvx: number, bvy: number): number {
  corners(a, _ca);
  corners(b, _cb);
  const wx = bvx - avx;
  const wy = bvy - avy;
  let enter = -Infinity;
  let exit = Infinity;
  const axes = edgeAxes(_ca, _cb);
  for (let k = 0; k < 4; k++) {
    const nx = axes[2 * k];
    const ny = axes[2 * k + 1];
    const iv = project(_ca, _cb, nx, ny);
    const minA = iv[0],
      maxA = iv[1],
      minB = iv[2],
      maxB = iv[3];
    const speed = wx * nx + wy * ny;
    if (speed === 0) {
      if (maxB < minA || maxA < minB) return Infinity;
      continue;
    }
    const t1 = (minA - maxB) / speed;
    const t2 = (maxA - minB) / speed;
    enter = Math.max(enter, Math.min(t1, t2));
    exit = Math.min(exit, Math.max(t1, t2));
    if (enter > exit) return Infinity;
  }
  if (exit < 0) return Infinity;
  return Math.max(0, enter);
}
