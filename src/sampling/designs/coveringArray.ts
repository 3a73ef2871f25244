/**
 * A strength-2 covering array built greedily in the manner of IPOG (Lei et al., 2007): every
 * pair of values of every two factors appears in at least one row. Deterministic: the same
 * level counts always give the same rows.
 *
 * IPOG starts from all pairs of the two largest factors, then adds one factor at a time:
 * horizontally (each existing row gets the value that covers most still-missing pairs) and
 * vertically (rows for the pairs still missing, reusing rows whose other cells are free).
 */

const FREE = -1;

/**
 * Rows of level indices, one column per factor (in the order of `levels`).
 * @param levels number of values of each factor, each >= 1
 */
export function coveringArray(levels: readonly number[]): number[][] {
  for (const k of levels) if (!Number.isInteger(k) || k < 1) throw new RangeError(`a factor needs a positive whole number of levels, got ${k}`);
  const m = levels.length;
  if (m === 0) return [[]];
  // Largest factors first gives smaller arrays; `order[c]` is the factor built in column c.
  const order = levels.map((_, i) => i).sort((x, y) => levels[y] - levels[x] || x - y);
  const k = order.map((f) => levels[f]);

  let rows: number[][];
  if (m === 1) {
    rows = Array.from({ length: k[0] }, (_, v) => [v]);
  } else {
    rows = [];
    for (let a = 0; a < k[0]; a++) for (let b = 0; b < k[1]; b++) rows.push([a, b]);
    for (let p = 2; p < m; p++) extendByFactor(rows, k, p);
  }

  // Free cells may hold anything; cycling through the values keeps each factor balanced.
  return rows.map((row, r) => {
    const out = new Array<number>(m);
    row.forEach((v, c) => {
      out[order[c]] = v === FREE ? r % k[c] : v;
    });
    return out;
  });
}

/** Adds column p to `rows` (columns 0..p-1 already pairwise covering). */
function extendByFactor(rows: number[][], k: readonly number[], p: number): void {
  // missing[q][vp * k[q] + vq]: pair (column p = vp, column q = vq) not yet in any row.
  const missing = Array.from({ length: p }, (_, q) => new Uint8Array(k[p] * k[q]).fill(1));
  let missingCount = missing.reduce((s, a) => s + a.length, 0);
  const cover = (row: number[], vp: number): void => {
    for (let q = 0; q < p; q++) {
      const vq = row[q];
      if (vq === FREE) continue;
      const cell = vp * k[q] + vq;
      if (missing[q][cell]) {
        missing[q][cell] = 0;
        missingCount--;
      }
    }
  };

  // Horizontal growth.
  const used = new Array<number>(k[p]).fill(0);
  for (const row of rows) {
    let best = 0;
    let bestGain = -1;
    for (let vp = 0; vp < k[p]; vp++) {
      let gain = 0;
      for (let q = 0; q < p; q++) if (row[q] !== FREE && missing[q][vp * k[q] + row[q]]) gain++;
      // Ties go to the least used value, then the smallest.
      if (gain > bestGain || (gain === bestGain && used[vp] < used[best])) {
        best = vp;
        bestGain = gain;
      }
    }
    row.push(best);
    used[best]++;
    cover(row, best);
  }

  // Vertical growth: fill a free cell of an existing row where possible, else add a row.
  for (let q = 0; q < p && missingCount > 0; q++) {
    for (let vp = 0; vp < k[p]; vp++) {
      for (let vq = 0; vq < k[q]; vq++) {
        if (!missing[q][vp * k[q] + vq]) continue;
        let row = rows.find((r) => r[p] === vp && r[q] === FREE);
        if (row === undefined) {
          row = new Array<number>(p + 1).fill(FREE);
          row[p] = vp;
          rows.push(row);
        }
        row[q] = vq;
        cover(row, vp);
      }
    }
  }
}
