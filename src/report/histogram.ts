/** Fixed-edge histograms: the same edges for a dataset and its reference, so bars line up. */

export interface Histogram {
  /** Bin edges, ascending; bin i is [edges[i], edges[i+1]), the last bin also holds its right edge. */
  edges: number[];
  counts: number[];
  /** Values left of the first edge or right of the last one. */
  outside: number;
}

/** `bins` equal-width edges from `min` to `max` (a zero-width range is widened by 0.5 each side). */
export function equalEdges(min: number, max: number, bins: number): number[] {
  if (!(bins >= 1) || !Number.isInteger(bins)) throw new RangeError(`equalEdges: bins must be a positive integer, got ${bins}`);
  const lo = max > min ? min : min - 0.5;
  const hi = max > min ? max : min + 0.5;
  return Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + ((hi - lo) * i) / bins));
}

/** Index of the bin holding `v`, or -1 outside the edges. */
export function binIndex(edges: readonly number[], v: number): number {
  const last = edges.length - 1;
  if (!(v >= edges[0] && v <= edges[last])) return -1;
  if (v === edges[last]) return last - 1;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (v >= edges[mid]) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function histogram(values: readonly number[], edges: readonly number[]): Histogram {
  if (edges.length < 2) throw new RangeError('histogram: need at least two edges');
  const counts = new Array<number>(edges.length - 1).fill(0);
  let outside = 0;
  for (const v of values) {
    const i = binIndex(edges, v);
    if (i < 0) outside += 1;
    else counts[i] += 1;
  }
  return { edges: [...edges], counts, outside };
}

/** Counts of each distinct value, in `levels` order when given, else sorted. */
export function countLevels(values: readonly (string | number | boolean)[], levels?: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of levels ?? []) out.set(l, 0);
  const seen = new Map<string, number>();
  for (const v of values) seen.set(String(v), (seen.get(String(v)) ?? 0) + 1);
  const rest = [...seen.keys()].filter((k) => !out.has(k)).sort();
  for (const k of [...(levels ?? []), ...rest]) out.set(k, seen.get(k) ?? 0);
  return out;
}
