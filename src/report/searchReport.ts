/**
 * The search part of the report, for a dataset rendered from a `roadsynth search` result
 * file: criticality against rollouts (every rollout's score and the best so far, collisions
 * marked), the importance weights of the dataset's instances with their effective sample
 * size, and for a coverage design the grid coverage before (as many declared draws) and after.
 */
import { searchRecordOf, type SearchRecord } from '../sampling/search/searchRecord.js';
import type { InstanceRow } from './instances.js';
import type { PlotSpec } from './plots.js';
import { histogramChart, OURS_COLOUR, plotLayout } from './plots.js';
import type { ScenarioSource } from './scenarioSource.js';

export interface SearchSection {
  design: SearchRecord['design'];
  objective: string | null;
  method: string | null;
  seed: number;
  rollouts: number;
  collisions: number;
  firstCollisionAt: number | null;
  /** Score of each rollout, in order, and the best up to it. */
  scores: number[];
  bestSoFar: number[];
  /** Rollouts (0-based) that had a collision. */
  collisionRollouts: number[];
  /** Importance weight of each instance in the dataset (manifest "weight"). */
  weights: number[];
  /** (sum w)^2 / sum w^2: how many declared draws the weighted instances are worth. */
  effectiveSampleSize: number;
  coverage: SearchRecord['coverage'];
}

export function searchSection(source: ScenarioSource | null, rows: readonly InstanceRow[]): SearchSection | null {
  const record = source ? searchRecordOf(source.spec) : null;
  if (!record) return null;
  const scores = record.history.score;
  let best = -Infinity;
  const bestSoFar = scores.map((s) => (best = Math.max(best, s)));
  const weights = rows.map((r) => r.weight ?? 1);
  const sum = weights.reduce((a, w) => a + w, 0);
  const sq = weights.reduce((a, w) => a + w * w, 0);
  return {
    design: record.design,
    objective: record.objective,
    method: record.method,
    seed: record.seed,
    rollouts: record.rollouts,
    collisions: record.collisions,
    firstCollisionAt: record.firstCollisionAt,
    scores,
    bestSoFar,
    collisionRollouts: record.history.collision.flatMap((c, i) => (c ? [i] : [])),
    weights,
    effectiveSampleSize: sq > 0 ? (sum * sum) / sq : 0,
    coverage: record.coverage,
  };
}

/** Score of every rollout (dots, collisions in red) and the best so far (line). */
export function criticalityChart(s: SearchSection): PlotSpec {
  const x = s.scores.map((_, i) => i + 1);
  const hit = new Set(s.collisionRollouts);
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        name: 'rollout',
        x,
        y: s.scores,
        marker: { size: 4, color: s.scores.map((_, i) => (hit.has(i) ? '#b5443a' : '#9aa7b5')) },
        hovertemplate: 'rollout %{x}: %{y:.3g}<extra></extra>',
      },
      { type: 'scatter', mode: 'lines', name: 'best so far', x, y: s.bestSoFar, line: { color: OURS_COLOUR, width: 2 } },
    ],
    layout: plotLayout(`Criticality against rollouts (${s.method ?? ''}, objective ${s.objective ?? ''})`, 'rollout', 'score (higher is more critical)', {
      yaxis: { gridcolor: '#e6e9ee', title: { text: 'score' } },
    }),
  };
}

export function weightChart(s: SearchSection): PlotSpec {
  return histogramChart('Importance weights of the instances', 'log10 weight', [{ name: 'instances', values: s.weights.filter((w) => w > 0), colour: '#4f8a5b' }], {
    bins: 20,
    log: true,
  });
}

export function coverageBeforeAfterChart(c: NonNullable<SearchSection['coverage']>): PlotSpec {
  return {
    data: [
      {
        type: 'bar',
        x: ['as many random draws', 'coverage design'],
        y: [c.before, c.after],
        marker: { color: ['#9aa7b5', OURS_COLOUR] },
        text: [c.before, c.after].map((v) => `${(100 * v).toFixed(1)}%`),
        textposition: 'auto',
      },
    ],
    layout: plotLayout(`Cells filled of ${c.cells} (${c.keys.join(' x ')})`, '', 'share of cells', {
      yaxis: { range: [0, 1], tickformat: '.0%', gridcolor: '#e6e9ee' },
      showlegend: false,
    }),
  };
}
