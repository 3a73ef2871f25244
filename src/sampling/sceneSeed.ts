/**
 * The scene seed: the one number that drives everything random in a rendered scene that is not
 * a scenario value (roadside props, puddle and rain-streak patterns, noise). Preview and export
 * both call this function, so sample i looks the same in the studio and in the dataset.
 *
 * Rule: a 32-bit mix (murmur3 finaliser) of the run seed and the sample index. Every sample of
 * a sweep gets its own scene, and sample i of seed s does not share a scene with sample i-1 of
 * seed s+1 (which a plain seed + index would).
 */
export function sceneSeed(runSeed: number, index: number): number {
  let h = (Math.imul(runSeed >>> 0, 0x9e3779b1) ^ (index >>> 0)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
