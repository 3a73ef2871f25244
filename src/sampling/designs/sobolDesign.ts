/**
 * Scrambled Sobol design. Point i is computed directly from i: the XOR of the direction
 * numbers selected by the bits of i's Gray code (the Antonov-Saleev order, the order of Joe
 * and Kuo's reference generator), so no sample depends on the ones before it.
 *
 * The scramble is a random linear matrix scramble (Matousek) followed by a random digital
 * shift, both seeded per dimension. Both keep the net property: for 2^m points, every dyadic
 * interval of length 2^-k (k <= m) in one dimension holds exactly 2^(m-k) points, while
 * different seeds give different, unbiased point sets. Coordinates have 32 bits.
 */
import { streamRng, uint32, uniformVector } from '../rng.js';
import { assertIndex, type Design } from './design.js';
import { JOE_KUO_DIRECTIONS } from './sobolDirections.js';

const BITS = 32;
const TWO_32 = 2 ** 32;

/** Per dimension, the 32 direction numbers v_1..v_32 as unsigned 32-bit integers. */
let directionTable: Uint32Array[] | undefined;

function directions(): Uint32Array[] {
  if (directionTable) return directionTable;
  const table: Uint32Array[] = [];
  const vdc = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) vdc[k] = 2 ** (BITS - 1 - k);
  table.push(vdc);
  for (const line of JOE_KUO_DIRECTIONS.split('\n')) {
    const [poly, ...m] = line.split(' ').map(Number);
    const s = m.length;
    // Interior coefficients a_1..a_{s-1} of the primitive polynomial, a_1 the highest.
    const a = (poly >>> 1) & ((1 << (s - 1)) - 1);
    const v = new Uint32Array(BITS);
    for (let k = 0; k < Math.min(s, BITS); k++) v[k] = m[k] * 2 ** (BITS - 1 - k);
    for (let k = s; k < BITS; k++) {
      let x = v[k - s] ^ (v[k - s] >>> s);
      for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x ^= v[k - i];
      v[k] = x >>> 0;
    }
    table.push(v);
  }
  directionTable = table;
  return table;
}

/** Number of dimensions the embedded direction numbers support. */
export function sobolMaxDimensions(): number {
  return directions().length;
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * Applies a random lower-triangular binary matrix with unit diagonal to each direction number.
 * Digit k (bit 31 - k) of the result mixes in only digits 0..k of the input, which is what
 * keeps the net property.
 */
function scrambleDirections(v: Uint32Array, rows: Uint32Array): Uint32Array {
  const out = new Uint32Array(BITS);
  for (let j = 0; j < BITS; j++) {
    let x = 0;
    for (let k = 0; k < BITS; k++) if (parity(v[j] & rows[k])) x |= 1 << (BITS - 1 - k);
    out[j] = x >>> 0;
  }
  return out;
}

export interface SobolOptions {
  /** false gives the plain Sobol sequence (for tests against published values). */
  scramble?: boolean;
}

/**
 * A rejected point is redrawn inside its dyadic box of side 2^-RETRY_BITS in every dimension:
 * one-dimensional strata of every sweep up to 2^RETRY_BITS points stay exactly filled. Fixed,
 * not taken from the sweep's size, so that sample i never depends on the sweep it is part of.
 */
export const SOBOL_RETRY_BITS = 10;

export function sobolDesign(dimensions: number, seed: number, options: SobolOptions = {}): Design {
  const table = directions();
  if (dimensions > table.length) {
    throw new RangeError(`the sobol design supports up to ${table.length} random dimensions and this scenario has ${dimensions}; use the lhs or random design`);
  }
  const scramble = options.scramble ?? true;
  const v: Uint32Array[] = [];
  const shift = new Uint32Array(dimensions);
  for (let d = 0; d < dimensions; d++) {
    if (!scramble) {
      v.push(table[d]);
      continue;
    }
    const rng = streamRng({ seed, index: d, tryNo: 0, purpose: 'design:sobol-scramble' });
    const rows = new Uint32Array(BITS);
    for (let k = 0; k < BITS; k++) {
      const above = k === 0 ? 0 : (0xffffffff << (BITS - k)) >>> 0;
      rows[k] = ((uint32(rng) & above) | (1 << (BITS - 1 - k))) >>> 0;
    }
    v.push(scrambleDirections(table[d], rows));
    shift[d] = uint32(rng);
  }
  const box = 2 ** SOBOL_RETRY_BITS;
  const design: Design = {
    name: 'sobol',
    point(index) {
      assertIndex(index);
      if (index >= TWO_32) throw new RangeError(`the sobol design has 2^32 points; index ${index} is past them`);
      const gray = (index ^ Math.floor(index / 2)) >>> 0;
      const out = new Array<number>(dimensions);
      for (let d = 0; d < dimensions; d++) {
        const dv = v[d];
        let x = shift[d];
        for (let bits = gray, k = 0; bits !== 0; bits >>>= 1, k++) if (bits & 1) x ^= dv[k];
        out[d] = (x >>> 0) / TWO_32;
      }
      return out;
    },
    retry(index, tryNo) {
      const jitter = uniformVector({ seed, index, tryNo, purpose: 'design:sobol-retry' }, dimensions);
      return design.point(index).map((u, d) => (Math.floor(u * box) + jitter[d]) / box);
    },
  };
  return design;
}
