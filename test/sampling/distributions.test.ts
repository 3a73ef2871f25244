import { describe, expect, it } from 'vitest';
import { choice, constant, intRange, normal, toDistribution, truncnormal, uniform, type ScalarDistribution } from '../../src/sampling/distributions.js';
import { SamplingError } from '../../src/sampling/errors.js';
import { normalCdf, normalQuantile } from '../../src/sampling/normal.js';
import { streamRng, uniform01 } from '../../src/sampling/rng.js';

const DRAWS = 40_000;

function draws(dist: ScalarDistribution, purpose: string): number[] {
  const rng = streamRng({ seed: 11, index: 0, tryNo: 0, purpose });
  return Array.from({ length: DRAWS }, () => dist.quantile(uniform01(rng)) as number);
}

function moments(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/** Sample moments within 5 standard errors of the distribution's own mean and variance. */
function expectMomentsMatch(dist: ScalarDistribution, xs: number[]): void {
  const m = moments(xs);
  const sd = Math.sqrt(dist.variance!);
  expect(Math.abs(m.mean - dist.mean!)).toBeLessThan((5 * sd) / Math.sqrt(xs.length));
  expect(Math.abs(m.variance / dist.variance! - 1)).toBeLessThan(0.05);
}

describe('normal quantile', () => {
  it('matches published quantiles to 1e-14', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080409, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
  });

  it('has an accurate lower tail in the CDF', () => {
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 12);
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 12);
  });

  it('inverts the CDF', () => {
    for (const p of [1e-300, 1e-12, 0.01, 0.2, 0.5, 0.77, 0.999999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 11);
  });
});

describe('distribution moments over many draws', () => {
  it('uniform [2, 6] has mean 4 and variance 16/12', () => {
    const d = uniform(2, 6);
    expect(d.mean).toBe(4);
    expect(d.variance).toBeCloseTo(16 / 12, 12);
    const xs = draws(d, 'uniform');
    expectMomentsMatch(d, xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(6);
  });

  it('normal (10, 2) has mean 10 and variance 4', () => {
    const d = normal(10, 2);
    expect([d.mean, d.variance]).toEqual([10, 4]);
    expectMomentsMatch(d, draws(d, 'normal'));
  });

  it('truncated normal stays within its bounds and matches scipy moments', () => {
    const d = truncnormal(1, 2, 0, 3);
    expect(d.mean).toBeCloseTo(1.4132624361230661, 12);
    expect(d.variance).toBeCloseTo(0.6910930363459724, 12);
    const xs = draws(d, 'truncnormal');
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(3);
    expectMomentsMatch(d, xs);
  });

  it('truncated normal in a far tail keeps its precision', () => {
    const upper = truncnormal(0, 1, 2, 4);
    expect(upper.mean).toBeCloseTo(2.3706331596831696, 12);
    expect(upper.variance).toBeCloseTo(0.1095831136317329, 12);
    const lower = truncnormal(0, 1, -30, -29);
    expect(lower.mean).toBeCloseTo(-29.034401237740227, 9);
    expect(lower.variance).toBeCloseTo(0.0011806603708919283, 9);
    const xs = draws(lower, 'far-tail');
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-30);
    expect(Math.max(...xs)).toBeLessThanOrEqual(-29);
    expectMomentsMatch(lower, xs);
  });

  it('truncated normal beyond double range still draws within bounds', () => {
    const d = truncnormal(0, 1, 40, 41);
    for (const u of [0, 0.3, 0.999999]) {
      const x = d.quantile(u) as number;
      expect(x).toBeGreaterThanOrEqual(40);
      expect(x).toBeLessThanOrEqual(41);
    }
    expect(d.mean).toBeCloseTo(40.024968847210886, 3);
  });

  it('int [1, 6] draws every value equally often', () => {
    const d = intRange(1, 6);
    expect([d.mean, d.variance, d.levelCount]).toEqual([3.5, 35 / 12, 6]);
    const xs = draws(d, 'int');
    expectMomentsMatch(d, xs);
    for (let v = 1; v <= 6; v++) expect(xs.filter((x) => x === v).length / DRAWS).toBeCloseTo(1 / 6, 1);
  });

  it('weighted choice draws values in proportion to their weights', () => {
    const d = choice([0, 10, 20], [1, 2, 1]);
    expect(d.mean).toBe(10);
    expect(d.variance).toBe(50);
    const xs = draws(d, 'choice');
    expectMomentsMatch(d, xs);
    expect(xs.filter((x) => x === 10).length / DRAWS).toBeCloseTo(0.5, 1);
  });

  it('choice never draws a zero-weight value and does not count it as a level', () => {
    const d = choice(['a', 'b', 'c'], [1, 0, 1]);
    expect(d.levelCount).toBe(2);
    expect([d.quantile(d.levelU(0)), d.quantile(d.levelU(1))]).toEqual(['a', 'c']);
    for (let u = 0; u < 1; u += 0.001) expect(d.quantile(u)).not.toBe('b');
    expect(d.mean).toBeUndefined();
  });

  it('const always gives its value', () => {
    const d = constant('van');
    expect([d.quantile(0), d.quantile(0.99), d.levelCount]).toEqual(['van', 'van', 1]);
  });
});

describe('distribution nodes', () => {
  it('builds the distribution a spec node describes', () => {
    expect(toDistribution({ int: [2, 4] }, '/x').levelCount).toBe(3);
    expect(toDistribution({ choice: [true, false], weights: [3, 1] }, '/x').quantile(0.7)).toBe(true);
  });

  it('rejects reversed bounds with the pointer and the fix', () => {
    expect(() => toDistribution({ uniform: [5, 1] }, '/weather/rain')).toThrow(/\/weather\/rain\/uniform: .*low is above high; swap them/);
    expect(() => toDistribution({ int: [5, 1] }, '/a')).toThrow(SamplingError);
  });

  it('rejects weights that do not match the choices', () => {
    expect(() => toDistribution({ choice: ['a', 'b'], weights: [1] }, '/k')).toThrow(/\/k\/weights: 1 weights for 2 choices/);
    expect(() => toDistribution({ choice: ['a', 'b'], weights: [0, 0] }, '/k')).toThrow(/all weights are 0/);
  });
});
