/**
 * Simulated annealing (Kirkpatrick et al., 1983) over the unit cube: a few chains, each moving
 * to a neighbour of its current point and keeping it when it is more critical, or with
 * probability exp(delta / T) when it is less. The neighbour kernel is itself a proposal (a
 * normal around the current z, each discrete value kept or redrawn as declared, and a
 * defensive share of declared draws), so every annealing rollout has an exact importance
 * weight given the point it moved from.
 */
import type { ProposalParams } from './Proposal.js';
import { levelOf, zOf, type SearchDimension } from './searchSpace.js';

export interface AnnealSettings {
  /** Chains run side by side (one rollout each per round). */
  chains: number;
  /** Declared draws per chain to start from (the best start each chain). */
  startsPerChain: number;
  /** Step in z at the start and at the end of the schedule. */
  stepStart: number;
  stepEnd: number;
  /** Chance that a move redraws a discrete value, at the start and at the end. */
  redrawStart: number;
  redrawEnd: number;
  /** Temperature at the end, relative to the start (geometric cooling). */
  finalHeat: number;
  /** Share of moves that are declared draws instead. */
  defensive: number;
}

export const ANNEAL_DEFAULTS: AnnealSettings = {
  chains: 4,
  startsPerChain: 5,
  stepStart: 0.6,
  stepEnd: 0.1,
  redrawStart: 0.3,
  redrawEnd: 0.05,
  finalHeat: 0.01,
  defensive: 0.05,
};

/** Relative temperature in (0, 1] after `round` of `rounds` rounds. */
export function temperatureAt(round: number, rounds: number, s: AnnealSettings): number {
  const t = Math.min(1, Math.max(0, round / Math.max(1, rounds - 1)));
  return s.finalHeat ** t;
}

/** The neighbour kernel around point u at relative temperature `heat`. */
export function annealKernel(dims: readonly SearchDimension[], u: readonly number[], heat: number, s: AnnealSettings): ProposalParams {
  // Step and redraw chance shrink with the temperature, on the same log scale.
  const f = Math.log(heat) / Math.log(s.finalHeat);
  const step = s.stepStart + (s.stepEnd - s.stepStart) * f;
  const redraw = s.redrawStart + (s.redrawEnd - s.redrawStart) * f;
  return {
    mean: dims.map((d, k) => (d.kind === 'continuous' ? zOf(u[k]) : 0)),
    sd: dims.map(() => step),
    probs: dims.map((d, k) => {
      if (d.kind !== 'discrete') return [];
      const at = levelOf(d, u[k]);
      return d.widths.map((w, j) => redraw * w + (j === at ? 1 - redraw : 0));
    }),
    defensive: s.defensive,
  };
}
