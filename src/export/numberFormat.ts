/**
 * Fixed number formatting for label files. Byte-stable output needs one spelling per value:
 * no "-0.00", no locale, no shortest-round-trip surprises.
 */

function assertFinite(x: number, what: string): void {
  if (!Number.isFinite(x)) throw new Error(`${what}: expected a finite number, got ${x}`);
}

/** `x` with `decimals` digits after the point; never "-0.00". */
export function fixed(x: number, decimals: number): string {
  assertFinite(x, 'fixed');
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * KITTI calib spelling: 12 digits after the point, two-digit exponent ("7.215377000000e+02").
 * Values below 1e-12 in magnitude are written as 0: they are rounding noise of matrix products
 * and would otherwise make identical rigs print differently.
 */
export function kittiExp(x: number): string {
  assertFinite(x, 'kittiExp');
  const v = Math.abs(x) < 1e-12 ? 0 : x;
  return v.toExponential(12).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Rounds to `decimals` digits for JSON output (stable across runs, no trailing noise). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // folds -0 into 0 so JSON never prints it differently
}

/** Zero-padded decimal integer. */
export function pad(n: number, width: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`pad: expected a non-negative integer, got ${n}`);
  return String(n).padStart(width, '0');
}
