/** The contract between a search (which chooses points) and what scores them (rollouts). */
import type { SampledInstance } from '../../scenario/types.js';

export const SEARCH_METHODS = ['cem', 'anneal', 'random'] as const;
export type SearchMethod = (typeof SEARCH_METHODS)[number];

/** What a rollout of one instance says about it. */
export interface Evaluation {
  /** Criticality: higher is more critical. Comparable only within one objective. */
  score: number;
  /** Whether the rollout had a collision. */
  collision: boolean;
  /** Figures worth keeping with the rollout (min TTC, relative speed, visibility...). */
  metrics: Record<string, number | null>;
}

/** Scores instances; may run them in parallel, must return results in input order. */
export type Evaluator = (samples: readonly SampledInstance[]) => Promise<Evaluation[]>;

/** One scored point of a search. */
export interface Rollout {
  /** Position in the order rollouts were made, from 0. */
  rollout: number;
  /** Iteration (cem), round (anneal) or batch (random) that drew it. */
  iteration: number;
  /** The point in the unit cube of the scenario's random dimensions. */
  u: number[];
  /**
   * Importance weight: declared density over the density of the proposal that drew the point,
   * both restricted to points that meet the requirements.
   */
  weight: number;
  score: number;
  collision: boolean;
  metrics: Record<string, number | null>;
  hash: string;
}

export interface SearchProgress {
  rollouts: number;
  budget: number;
  bestScore: number;
  collisions: number;
}

export interface SearchOutcome {
  method: SearchMethod;
  seed: number;
  budget: number;
  /** Every rollout, in order. */
  rollouts: Rollout[];
  /** The `keep` most critical rollouts, most critical first. */
  kept: Rollout[];
  /** Rollouts made up to and including the first with a collision; null when none had one. */
  firstCollisionAt: number | null;
  /** Estimated share of the declared distribution that meets the requirements (1 without requirements). */
  declaredAcceptance: number;
}
