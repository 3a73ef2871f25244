/** Mean, variance and correlation of samples, for comparing a dataset with its reference. */

export function mean(v: readonly number[]): number {
  if (v.length === 0) return NaN;
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

/** Population variance (divides by n): a description of the sample, not an estimate. */
export function variance(v: readonly number[]): number {
  const m = mean(v);
  let s = 0;
  for (const x of v) s += (x - m) ** 2;
  return v.length ? s / v.length : NaN;
}

/** Pearson correlation of paired samples; NaN when either has no spread. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`correlation: samples differ in length (${a.length} vs ${b.length})`);
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/** Value at cumulative fraction q of the sorted sample (nearest rank). */
export function quantileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
