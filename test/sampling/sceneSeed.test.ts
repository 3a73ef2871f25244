import { describe, expect, it } from 'vitest';
import { sceneSeed } from '../../src/sampling/sceneSeed.js';

describe('sceneSeed: the one scene-seed rule of preview and export', () => {
  it('is a 32-bit unsigned integer and the same for the same run seed and index', () => {
    const s = sceneSeed(7, 3);
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(sceneSeed(7, 3)).toBe(s);
  });

  it('gives every sample of a sweep its own scene', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => sceneSeed(1, i)));
    expect(seeds.size).toBe(1000);
  });

  it('does not repeat a scene between neighbouring run seeds (as seed + index would)', () => {
    expect(sceneSeed(2, 0)).not.toBe(sceneSeed(1, 1));
  });
});
