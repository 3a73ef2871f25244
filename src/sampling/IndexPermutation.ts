/**
 * A seeded permutation of 0..n-1 evaluated one element at a time: a balanced Feistel network
 * on the smallest even-bit power of two >= n, with cycle walking to stay inside 0..n-1.
 *
 * Latin hypercube and pairwise designs need "the j-th element of a random permutation" for
 * sweeps of any size; materialising the permutation would cost O(n) memory per dimension.
 */
import { hashWords } from './rng.js';

const ROUNDS = 6;

export class IndexPermutation {
  private readonly halfBits: number;
  private readonly mask: number;
  private readonly roundKeys: number[];

  /**
   * @param n size of the permuted range, 1 <= n <= 2^32
   * @param key 32-bit words that select the permutation (e.g. seed, block and dimension)
   */
  constructor(
    readonly n: number,
    key: readonly number[],
  ) {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`permutation size must be an integer in 1..2^32, got ${n}`);
    const bits = Math.max(2, Math.ceil(Math.log2(n)));
    this.halfBits = Math.ceil(bits / 2);
    this.mask = this.halfBits === 16 ? 0xffff : (1 << this.halfBits) - 1;
    this.roundKeys = Array.from({ length: ROUNDS }, (_, r) => hashWords([...key, r], 0x5bd1e995));
  }

  /** The element at position j (0 <= j < n). */
  at(j: number): number {
    if (this.n === 1) return 0;
    let x = j;
    do x = this.encrypt(x);
    while (x >= this.n);
    return x;
  }

  private encrypt(x: number): number {
    const h = this.halfBits;
    let left = Math.floor(x / 2 ** h) & this.mask;
    let right = x & this.mask;
    for (const k of this.roundKeys) {
      const next = (left ^ hashWords([right], k)) & this.mask;
      left = right;
      right = next;
    }
    return left * 2 ** h + right;
  }
}
