/**
 * Requirements do not undo a design: a rejected draw is tried again inside the same cell of
 * the design, so LHS strata, Sobol boxes and pairwise rows hold for the accepted samples.
 */
import { describe, expect, it } from 'vitest';
import { createSampler } from '../../src/sampling/sample.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';

/**
 * x and y uniform; the first requirement rejects half of every stratum at a fine scale (so
 * every cell can meet it); z is drawn inline and no requirement depends on it.
 */
function spec(requires: string[]): ScenarioSpec {
  return {
    version: 1,
    name: 'rejection',
    parameters: { x: { uniform: [0, 1] }, y: { uniform: [0, 1] }, k: { choice: ['a', 'b', 'c'] }, m: { choice: [1, 2, 3, 4] } },
    requires,
    road: { blocks: [{ kind: 'straight', lengthM: 100 }] },
    ego: { place: { lane: 1, s: 10 }, speedMps: { uniform: [5, 15] } },
  };
}
const FINE = '(x * 997) % 1 < 0.5 && (y * 991) % 1 < 0.4';

/** Stratum of u in `count` equal strata. */
const stratum = (u: number, count: number): number => Math.min(count - 1, Math.floor(u * count));

function strataFilled(values: number[], lo: number, hi: number, count: number): boolean {
  const seen = new Set(values.map((v) => stratum((v - lo) / (hi - lo), count)));
  return seen.size === count;
}

describe('rejection keeps designs', () => {
  it('lhs: one sample per stratum per dimension, with half of every stratum rejected', () => {
    const count = 40;
    const sampler = createSampler(spec([FINE]), { seed: 4, design: 'lhs', count });
    const samples = Array.from({ length: count }, (_, i) => sampler.sample(i));
    expect(samples.some((s) => s.tries > 1)).toBe(true);
    expect(
      strataFilled(
        samples.map((s) => s.parameters.x as number),
        0,
        1,
        count,
      ),
    ).toBe(true);
    expect(
      strataFilled(
        samples.map((s) => s.parameters.y as number),
        0,
        1,
        count,
      ),
    ).toBe(true);
    expect(
      strataFilled(
        samples.map((s) => s.parameters['/ego/speedMps'] as number),
        5,
        15,
        count,
      ),
    ).toBe(true);
  });

  it('lhs: dimensions no requirement reads keep their strata even where a cell cannot meet it', () => {
    const count = 40;
    const sampler = createSampler(spec(['x + y > 0.6']), { seed: 2, design: 'lhs', count });
    const samples = Array.from({ length: count }, (_, i) => sampler.sample(i));
    expect(samples.every((s) => (s.parameters.x as number) + (s.parameters.y as number) > 0.6)).toBe(true);
    expect(
      strataFilled(
        samples.map((s) => s.parameters['/ego/speedMps'] as number),
        5,
        15,
        count,
      ),
    ).toBe(true);
  });

  it('sobol: every 1/64 stratum of 64 samples filled once, with rejection', () => {
    const sampler = createSampler(spec([FINE]), { seed: 1, design: 'sobol' });
    const samples = Array.from({ length: 64 }, (_, i) => sampler.sample(i));
    expect(samples.some((s) => s.tries > 1)).toBe(true);
    for (const key of ['x', 'y', '/ego/speedMps']) {
      const [lo, hi] = key === '/ego/speedMps' ? [5, 15] : [0, 1];
      expect(
        strataFilled(
          samples.map((s) => s.parameters[key] as number),
          lo,
          hi,
          64,
        ),
        key,
      ).toBe(true);
    }
  });

  it('pairwise: every pair of discrete values appears, with rejection on continuous values', () => {
    const sampler = createSampler(spec([FINE]), { seed: 3, design: 'pairwise' });
    const samples = Array.from({ length: 12 }, (_, i) => sampler.sample(i));
    expect(samples.some((s) => s.tries > 1)).toBe(true);
    const pairs = new Set(samples.map((s) => `${s.parameters.k}/${s.parameters.m}`));
    expect(pairs.size).toBe(12);
  });
});
