/**
 * The file `roadsynth search` writes: the scenario as it was, with its sweep replaced by the
 * kept instances (design "search", sweep.samples: point and importance weight of each) and
 * what the search did (sweep.search: objective, method, criticality of every rollout,
 * coverage). `roadsynth run` renders it like any scenario file, so resume, shards and merge
 * work unchanged; the report reads sweep.search to draw the search.
 */
import type { ScenarioSpec, SpecNode } from '../../scenario/types.js';
import type { CoverageResult } from '../../sampling/search/coverage.js';
import type { SearchOutcome } from '../../sampling/search/types.js';
import type { Objective } from './objectives.js';
import { SEARCH_RESULT_VERSION, type SearchRecord } from '../../sampling/search/searchRecord.js';

const round = (x: number, digits = 6): number => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE);

function withSweep(spec: ScenarioSpec, samples: SpecNode[], record: SearchRecord): ScenarioSpec {
  const out: ScenarioSpec = {};
  for (const [k, v] of Object.entries(spec)) if (k !== 'sweep') out[k] = v;
  out.sweep = { design: 'search', samples, search: record as unknown as SpecNode };
  return out;
}

export function searchResultSpec(spec: ScenarioSpec, file: string, objective: Objective, outcome: SearchOutcome, command: string): ScenarioSpec {
  const record: SearchRecord = {
    version: SEARCH_RESULT_VERSION,
    scenarioFile: file,
    design: 'search',
    objective,
    method: outcome.method,
    seed: outcome.seed,
    budget: outcome.budget,
    rollouts: outcome.rollouts.length,
    kept: outcome.kept.length,
    firstCollisionAt: outcome.firstCollisionAt,
    collisions: outcome.rollouts.filter((r) => r.collision).length,
    declaredAcceptance: outcome.declaredAcceptance,
    history: {
      score: outcome.rollouts.map((r) => round(r.score)),
      collision: outcome.rollouts.map((r) => (r.collision ? 1 : 0)),
      weight: outcome.rollouts.map((r) => round(r.weight)),
    },
    coverage: null,
    command,
  };
  const samples = outcome.kept.map((r) => ({ u: r.u, weight: r.weight, score: r.score, rollout: r.rollout }));
  return withSweep(spec, samples, record);
}

export function coverageResultSpec(spec: ScenarioSpec, file: string, result: CoverageResult, seed: number, command: string): ScenarioSpec {
  const record: SearchRecord = {
    version: SEARCH_RESULT_VERSION,
    scenarioFile: file,
    design: 'coverage',
    objective: null,
    method: null,
    seed,
    budget: result.samples.length,
    rollouts: 0,
    kept: result.samples.length,
    firstCollisionAt: null,
    collisions: 0,
    declaredAcceptance: 1,
    history: { score: [], collision: [], weight: result.samples.map((s) => round(s.weight)) },
    coverage: {
      keys: result.axes.map((a) => a.key),
      cells: result.cells,
      infeasible: result.infeasible,
      target: result.target,
      before: result.before,
      after: result.after,
      reached: result.reached,
    },
    command,
  };
  return withSweep(
    spec,
    result.samples.map((s) => ({ u: s.u, weight: s.weight })),
    record,
  );
}
