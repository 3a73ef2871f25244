/**
 * Importance weights of searched samples: re-weighted means over every rollout of a search
 * estimate the expectation under the declared distributions (requirements included), however
 * far the search moved from them.
 */
import { describe, expect, it } from 'vitest';
import { search } from '../../src/sampling/search/search.js';
import type { Evaluator } from '../../src/sampling/search/types.js';
import type { ParamValue, ScenarioSpec } from '../../src/scenario/types.js';
import { Proposal } from '../../src/sampling/search/Proposal.js';
import { searchDimensions } from '../../src/sampling/search/searchSpace.js';
import { compileSpec } from '../../src/sampling/resolve.js';
import { streamRng } from '../../src/sampling/rng.js';

/** x ~ U(0, 1) kept where x > 0.2, y ~ N(2, 1), k in {a, b, c} with probabilities 0.5, 0.3, 0.2. */
const SPEC: ScenarioSpec = {
  version: 1,
  name: 'known expectations',
  parameters: {
    x: { uniform: [0, 1] },
    y: { normal: { mean: 2, sd: 1 } },
    k: { choice: ['a', 'b', 'c'], weights: [5, 3, 2] },
  },
  requires: ['x > 0.2'],
  road: { blocks: [{ kind: 'straight', lengthM: 100 }] },
  ego: { place: { lane: 1, s: 10 }, speedMps: 10 },
};

/** The test function and its exact expectation under the declared distributions given x > 0.2. */
const g = (p: Record<string, ParamValue>): number => (p.x as number) ** 2 + (p.y as number) + (p.k === 'c' ? 1 : 0);
const TRUE_MEAN = (1 - 0.2 ** 3) / (3 * 0.8) + 2 + 0.2;

/** Criticality that pulls the search far from the declared distributions: large x, large y, k = c. */
const evaluate: Evaluator = async (samples) =>
  samples.map((s) => {
    const p = s.parameters;
    return { score: 3 * (p.x as number) + (p.y as number) + (p.k === 'c' ? 2 : 0), collision: false, metrics: {} };
  });

describe('re-weighted means of searched samples', () => {
  // Annealing ends in narrow moves around a few points, so its weights vary more.
  for (const [method, maxSe] of [
    ['cem', 0.1],
    ['anneal', 0.15],
  ] as const) {
    it(`${method}: the weighted mean of a known function matches its declared expectation`, async () => {
      const params: Record<string, ParamValue>[] = [];
      const out = await search(
        SPEC,
        async (samples) => {
          params.push(...samples.map((s) => s.parameters));
          return evaluate(samples);
        },
        { method, budget: 3000, seed: 7, keep: 10 },
      );
      expect(params).toHaveLength(3000);
      const w = out.rollouts.map((r) => r.weight);
      const n = params.length;
      const plainMean = params.reduce((a, p) => a + g(p), 0) / n;
      const terms = params.map((p, i) => w[i] * g(p));
      const estimate = terms.reduce((a, t) => a + t, 0) / n;
      // Standard error of the weighted mean, from the same rollouts.
      const se = Math.sqrt(terms.reduce((a, t) => a + (t - estimate) ** 2, 0) / (n - 1) / n);
      const sumW = w.reduce((a, x) => a + x, 0);
      const selfNormalised = terms.reduce((a, t) => a + t, 0) / sumW;
      // Delta-method standard error of the self-normalised mean.
      const seSelf = Math.sqrt(params.reduce((a, p, i) => a + (w[i] * (g(p) - selfNormalised)) ** 2, 0)) / sumW;
      // The search really moved: the unweighted mean is far off.
      expect(Math.abs(plainMean - TRUE_MEAN)).toBeGreaterThan(1);
      expect(seSelf).toBeLessThan(maxSe);
      expect(Math.abs(selfNormalised - TRUE_MEAN)).toBeLessThan(Math.max(4 * seSelf, 0.02));
      expect(Math.abs(estimate - TRUE_MEAN)).toBeLessThan(4 * se);
    });
  }

  // The self-normalised mean above cancels any constant factor in the weights; their plain mean
  // does not. Where the requirements reject 80 % of declared draws and the search moves to
  // where they reject none, a weight without the acceptance ratio is 4 to 5 times too small.
  for (const method of ['cem', 'anneal'] as const) {
    it(`${method}: the weights average 1 over all rollouts, also where the requirements reject most declared draws`, async () => {
      const tight: ScenarioSpec = { ...SPEC, requires: ['x > 0.8'] };
      const out = await search(tight, evaluate, { method, budget: 1500, seed: 7, keep: 0 });
      const w = out.rollouts.map((r) => r.weight);
      const n = w.length;
      const mean = w.reduce((a, x) => a + x, 0) / n;
      const se = Math.sqrt(w.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) / n);
      // The search left the declared distribution: many weights are far from 1.
      expect(w.filter((x) => Math.abs(x - 1) > 0.5).length).toBeGreaterThan(n / 2);
      expect(se).toBeLessThan(0.3);
      expect(Math.abs(mean - 1)).toBeLessThan(4 * se);
    });
  }

  it('random search has weight 1 everywhere', async () => {
    const out = await search(SPEC, evaluate, { method: 'random', budget: 50, seed: 1, keep: 5 });
    expect(out.rollouts.every((r) => Math.abs(r.weight - 1) < 1e-12)).toBe(true);
  });

  it('every rollout meets the requirements and kept ones are the most critical', async () => {
    const params: Record<string, ParamValue>[] = [];
    const out = await search(
      SPEC,
      async (samples) => {
        params.push(...samples.map((s) => s.parameters));
        return evaluate(samples);
      },
      { method: 'cem', budget: 200, seed: 3, keep: 5 },
    );
    expect(params.every((p) => (p.x as number) > 0.2)).toBe(true);
    const best = [...out.rollouts]
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((r) => r.rollout);
    expect(out.kept.map((r) => r.rollout)).toEqual(best);
  });

  it('cross-entropy finds higher scores than random sampling with the same budget', async () => {
    const cem = await search(SPEC, evaluate, { method: 'cem', budget: 300, seed: 5, keep: 1 });
    const rnd = await search(SPEC, evaluate, { method: 'random', budget: 300, seed: 5, keep: 1 });
    const mean = (o: typeof cem) => o.rollouts.slice(-60).reduce((a, r) => a + r.score, 0) / 60;
    expect(mean(cem)).toBeGreaterThan(mean(rnd) + 1);
  });

  it('the same seed gives the same rollouts', async () => {
    const a = await search(SPEC, evaluate, { method: 'anneal', budget: 80, seed: 9, keep: 3 });
    const b = await search(SPEC, evaluate, { method: 'anneal', budget: 80, seed: 9, keep: 3 });
    expect(b.rollouts.map((r) => r.u)).toEqual(a.rollouts.map((r) => r.u));
  });
});

describe('Proposal', () => {
  it('mean of 1 / density over its own draws is 1 (the density is normalised)', () => {
    const dims = searchDimensions(compileSpec(SPEC).dimensions);
    const q = new Proposal(dims, { mean: [1.2, -0.5, 0], sd: [0.4, 0.7, 1], probs: [[], [], [0.1, 0.2, 0.7]], defensive: 0.2 });
    const rng = streamRng({ seed: 1, index: 0, tryNo: 0, purpose: 'test' });
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) sum += q.weight(q.draw(rng));
    expect(Math.abs(sum / n - 1)).toBeLessThan(0.03);
  });
});
