/**
 * Five-point Gauss-Legendre quadrature on [a, b]. Exact for polynomials up to degree 9;
 * the integrands here (cos/sin of a quadratic over a metre or two, speed of a cubic) are
 * smooth enough that one panel per cell is accurate to ~1e-12.
 */
const NODES = [0, -0.5384693101056831, 0.5384693101056831, -0.906179845938664, 0.906179845938664];
const WEIGHTS = [0.5688888888888889, 0.47862867049936647, 0.47862867049936647, 0.23692688505618908, 0.23692688505618908];

export function gaussLegendre(f: (x: number) => number, a: number, b: number): number {
  const half = (b - a) / 2;
  const mid = (a + b) / 2;
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += WEIGHTS[i]! * f(mid + half * NODES[i]!);
  return sum * half;
}

/** Same rule for a 2-vector integrand, summed into `out` (avoids two passes over f). */
export function gaussLegendre2(f: (x: number, out: { x: number; y: number }) => void, a: number, b: number, out: { x: number; y: number }): void {
  const half = (b - a) / 2;
  const mid = (a + b) / 2;
  const v = { x: 0, y: 0 };
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < 5; i++) {
    f(mid + half * NODES[i]!, v);
    sx += WEIGHTS[i]! * v.x;
    sy += WEIGHTS[i]! * v.y;
  }
  out.x = sx * half;
  out.y = sy * half;
}
