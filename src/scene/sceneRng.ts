/**
 * Seeded random numbers for the scene (roadside layout, particle layouts), never the unseeded global generator:
 * the same seed must give the same world in every host.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export interface SceneRng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * A generator for one purpose of one seed. `stream` separates purposes (roadside, rain, ...)
 * so adding draws to one never shifts the others.
 */
export function sceneRng(seed: number, stream: number): SceneRng {
  // Mix seed and stream into one 32-bit value (Murmur3 finaliser) so nearby seeds differ a lot.
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream | 0, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) | 0;
  const rng = xoroshiro128plus(h);
  const next = (): number => uniformFloat64(rng);
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    pick: (items) => items[Math.min(items.length - 1, Math.floor(next() * items.length))] as (typeof items)[number],
  };
}

/** Streams of `sceneRng`, one per purpose. */
export const RNG_STREAM = { roadside: 1, rain: 2, snow: 3, puddles: 4, buildings: 5 } as const;
