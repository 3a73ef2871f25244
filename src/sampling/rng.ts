/**
 * Seeded random numbers for sampling.
 *
 * Every random draw comes from a stream derived by hashing (seed, index, try, purpose), so
 * sample i never depends on how many numbers other samples used: a sweep can be sliced,
 * sharded or resumed and each sample still gets the same values.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type { RandomGenerator };

/** What a stream is for; streams with different purposes are independent. */
export interface StreamKey {
  seed: number;
  /** Sample index (or any other non-negative integer coordinate such as a block number). */
  index: number;
  /** Rejection try (0 = first draw). */
  tryNo: number;
  /** A short label, e.g. "design:random" or "retry". */
  purpose: string;
}

const TWO_32 = 2 ** 32;

/** Low and high 32-bit words of a safe integer (two's complement for negatives). */
function words(n: number): [number, number] {
  return [n >>> 0, Math.floor(n / TWO_32) | 0];
}

/** 32-bit FNV-1a of a string's UTF-16 code units; only used to turn a purpose label into a word. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3 (x86, 32-bit) over a list of 32-bit words: a fast, well-mixed seeded hash. */
export function hashWords(data: readonly number[], seed: number): number {
  let h = seed >>> 0;
  for (const w of data) {
    let k = Math.imul(w | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= data.length * 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Checks that a seed or index is a safe integer; sampling identities must be exact. */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** The 32-bit words that identify a stream key; also used to derive scrambles and permutations. */
export function keyWords(key: StreamKey): number[] {
  assertSafeInteger(key.seed, 'seed');
  assertSafeInteger(key.index, 'index');
  assertSafeInteger(key.tryNo, 'try');
  return [...words(key.seed), ...words(key.index), key.tryNo >>> 0, fnv1a(key.purpose)];
}

/** A fresh generator for one stream; its 128-bit state is four independent hashes of the key. */
export function streamRng(key: StreamKey): RandomGenerator {
  const data = keyWords(key);
  const state = [hashWords(data, 0x9e3779b9), hashWords(data, 0x7f4a7c15), hashWords(data, 0x85ebca6b), hashWords(data, 0xc2b2ae35)];
  // xoroshiro's all-zero state is a fixed point; astronomically unlikely, but cheap to rule out.
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return xoroshiro128plusFromState(state.map((s) => s | 0));
}

/** A uniform number in [0, 1) with 53 random bits. */
export function uniform01(rng: RandomGenerator): number {
  return uniformFloat64(rng);
}

/** A uniform unsigned 32-bit integer. */
export function uint32(rng: RandomGenerator): number {
  return rng.next() >>> 0;
}

/** `count` uniform numbers in [0, 1) from one stream. */
export function uniformVector(key: StreamKey, count: number): number[] {
  const rng = streamRng(key);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = uniform01(rng);
  return out;
}
