/**
 * Wasserstein-1 (earth mover's) distance between two samples on the line: the area between
 * their empirical CDFs, in the unit of the values (a sample shifted by c is c away).
 */
export function wasserstein1(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return NaN;
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  const all = [...x, ...y].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let area = 0;
  for (let k = 0; k < all.length - 1; k++) {
    const v = all[k];
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    area += Math.abs(i / x.length - j / y.length) * (all[k + 1] - v);
  }
  return area;
}
