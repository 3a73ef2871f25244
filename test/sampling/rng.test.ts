import { describe, expect, it } from 'vitest';
import { streamRng, uniform01, uniformVector } from '../../src/sampling/rng.js';

const key = { seed: 7, index: 3, tryNo: 0, purpose: 'test' };

describe('seeded streams', () => {
  it('give the same numbers for the same key', () => {
    expect(uniformVector(key, 5)).toEqual(uniformVector({ ...key }, 5));
  });

  it('differ when any part of the key differs', () => {
    const base = uniformVector(key, 4);
    for (const other of [{ seed: 8 }, { index: 4 }, { tryNo: 1 }, { purpose: 'other' }, { seed: 7 + 2 ** 32 }]) {
      expect(uniformVector({ ...key, ...other }, 4)).not.toEqual(base);
    }
  });

  it('draw uniformly in [0, 1)', () => {
    const rng = streamRng(key);
    const xs = Array.from({ length: 20_000 }, () => uniform01(rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / xs.length));
  });

  it('start uncorrelated for neighbouring indices', () => {
    const first = Array.from({ length: 2000 }, (_, index) => uniformVector({ ...key, index }, 1)[0]);
    const pairs = first.slice(1).map((x, i) => (x - 0.5) * (first[i] - 0.5));
    const corr = pairs.reduce((s, p) => s + p, 0) / pairs.length / (1 / 12);
    expect(Math.abs(corr)).toBeLessThan(0.1);
  });

  it('reject seeds that are not safe integers', () => {
    expect(() => streamRng({ ...key, seed: 1.5 })).toThrow(/seed must be a safe integer/);
  });
});
