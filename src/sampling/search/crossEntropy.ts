/**
 * The cross-entropy method's update (Rubinstein; de Boer et al., "A Tutorial on the
 * Cross-Entropy Method", 2005): fit the proposal to the elite rollouts, the most critical
 * share so far, and smooth it towards the previous proposal. Continuous dimensions fit a
 * normal in z (mean and standard deviation of the elites' z), discrete ones the elites' value
 * frequencies. Floors keep every value and a spread of every coordinate reachable, and the
 * proposal keeps a defensive share of declared draws, so weights stay bounded.
 */
import type { ProposalParams } from './Proposal.js';
import { levelOf, zOf, type SearchDimension } from './searchSpace.js';
import type { Rollout } from './types.js';

export interface CemSettings {
  /** Draws per iteration. */
  population: number;
  /** Elites per iteration, as a share of the population (taken from all rollouts so far). */
  eliteShare: number;
  /** Weight of the new fit of means and value shares against the previous proposal, in (0, 1]. */
  smoothing: number;
  /**
   * Weight of the new fit of standard deviations against the previous ones, in (0, 1]. Lower
   * than `smoothing`: a few elites close together would otherwise collapse the spread at once,
   * and the search would then creep towards the critical region in small steps.
   */
  sdSmoothing: number;
  /** Share of each iteration's draws from the declared distribution, in (0, 1]. */
  defensive: number;
  /** Smallest standard deviation in z of a continuous dimension. */
  minSd: number;
  /** Share of each discrete dimension's probability spread as declared. */
  minShare: number;
}

/**
 * Populations of 10: a rare critical region lies a few standard deviations into a tail of the
 * declared distributions, and the proposal gets there in a few updates; each update costs a
 * population, so small populations reach it in fewer rollouts (on the catalog's rare
 * scenarios a population of 10 needed about half the rollouts of 30 to the first collision).
 * The elites come from every rollout so far, so a small population loses no good point.
 * The means follow the elites almost at once (smoothing 0.9), while the spread shrinks slowly
 * and never below 0.4 in z: with a spread that collapses the proposal creeps towards the
 * critical region in steps of its own small width (measured on the catalog's rare scenarios:
 * 0.7 / 0.5 / 0.15 needed about twice the rollouts to the first collision).
 */
export const CEM_DEFAULTS: CemSettings = {
  population: 10,
  eliteShare: 0.2,
  smoothing: 0.9,
  sdSmoothing: 0.3,
  defensive: 0.1,
  minSd: 0.4,
  minShare: 0.05,
};

export function checkCemSettings(s: CemSettings): void {
  if (!Number.isInteger(s.population) || s.population < 2) throw new RangeError(`cross-entropy population must be 2 or more, got ${s.population}`);
  if (!(s.eliteShare > 0 && s.eliteShare <= 1)) throw new RangeError(`elite share must be in (0, 1], got ${s.eliteShare}`);
  if (!(s.smoothing > 0 && s.smoothing <= 1)) throw new RangeError(`smoothing must be in (0, 1], got ${s.smoothing}`);
  if (!(s.sdSmoothing > 0 && s.sdSmoothing <= 1)) throw new RangeError(`sd smoothing must be in (0, 1], got ${s.sdSmoothing}`);
  if (!(s.defensive > 0 && s.defensive <= 1)) throw new RangeError(`defensive share must be in (0, 1], got ${s.defensive}`);
}

/**
 * The next proposal, from the current one and every rollout so far ranked most critical first.
 */
export function crossEntropyUpdate(dims: readonly SearchDimension[], current: ProposalParams, ranked: readonly Rollout[], s: CemSettings): ProposalParams {
  checkCemSettings(s);
  const m = Math.min(ranked.length, Math.max(2, Math.ceil(s.eliteShare * s.population)));
  const elites = ranked.slice(0, m);
  if (elites.length === 0) return current;
  const b = s.smoothing;
  const next: ProposalParams = { mean: [...current.mean], sd: [...current.sd], probs: current.probs.map((p) => [...p]), defensive: s.defensive };
  dims.forEach((d, k) => {
    if (d.kind === 'continuous') {
      const zs = elites.map((r) => zOf(r.u[k]));
      const mean = zs.reduce((a, z) => a + z, 0) / zs.length;
      const sd = Math.sqrt(zs.reduce((a, z) => a + (z - mean) ** 2, 0) / zs.length);
      next.mean[k] = b * mean + (1 - b) * current.mean[k];
      next.sd[k] = Math.max(s.minSd, s.sdSmoothing * sd + (1 - s.sdSmoothing) * current.sd[k]);
    } else {
      const freq = d.widths.map(() => 0);
      for (const r of elites) freq[levelOf(d, r.u[k])] += 1 / elites.length;
      next.probs[k] = freq.map((f, j) => (1 - s.minShare) * (b * f + (1 - b) * current.probs[k][j]) + s.minShare * d.widths[j]);
    }
  });
  return next;
}
