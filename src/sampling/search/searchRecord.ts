/**
 * What a search result file records about its search (sweep.search), and how to read it back.
 * Plain JSON, so the report can draw the search from the scenario file alone.
 */
import type { ScenarioSpec } from '../../scenario/types.js';

export const SEARCH_RESULT_VERSION = 1;

/** What sweep.search holds (plain JSON). */
export interface SearchRecord {
  version: number;
  scenarioFile: string;
  design: 'search' | 'coverage';
  /** Objective name (see src/dataset/search/objectives.ts); null for a coverage design. */
  objective: string | null;
  method: string | null;
  seed: number;
  budget: number;
  rollouts: number;
  kept: number;
  firstCollisionAt: number | null;
  collisions: number;
  declaredAcceptance: number;
  /** Per rollout, in order: its score, whether it collided (0/1), its importance weight. */
  history: { score: number[]; collision: number[]; weight: number[] };
  coverage: null | {
    keys: string[];
    cells: number;
    infeasible: number;
    target: number;
    before: number;
    after: number;
    reached: boolean;
  };
  command: string;
}

/** sweep.search of a scenario file, when it is a search result. */
export function searchRecordOf(spec: ScenarioSpec): SearchRecord | null {
  const sweep = spec.sweep;
  if (sweep === null || typeof sweep !== 'object' || Array.isArray(sweep)) return null;
  const s = sweep.search;
  if (s === null || typeof s !== 'object' || Array.isArray(s) || typeof s.version !== 'number') return null;
  return s as unknown as SearchRecord;
}
