/**
 * What a search looks for, as a score of one simulated run (higher is more critical):
 *
 * - ttc: the smallest time to collision with the ego [s], negated (0 at a collision).
 * - distance: the smallest box distance to the ego [m], negated.
 * - collision: a collision scores 10 + its relative speed [m/s] (severity); a run without one
 *   scores how close the focus actors came to the ego, -(min TTC [s] + min distance [m] / 10),
 *   so the search has a slope to climb before it finds any collision. The focus actors are
 *   what the scenario's edge case is about: traffic merely passing beside the ego (an
 *   oncoming car 1.5 m away) or standing ahead of it would otherwise set the minimum on
 *   every run and leave the search no slope (all actors count where a scenario names none).
 * - perception: critical while the focus actor is hard to see: closeness (1 at a collision
 *   with the ego, exp(-TTC / 2 s) otherwise) times how hidden the focus actor is from the camera over the
 *   second before its critical moment (1 - visible share, from rays against coarse boxes; see
 *   visibility.ts).
 */
import type { ScenarioInstance } from '../../scenario/types.js';
import type { Evaluation } from '../../sampling/search/types.js';
import type { SimResult } from '../../sim/types.js';
import { focusVisibility } from './visibility.js';

export const OBJECTIVES = ['ttc', 'distance', 'collision', 'perception'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** TTC and distance above these count as "far" [s], [m], so a run that never closes still scores. */
const TTC_CAP_S = 20;
const DISTANCE_CAP_M = 200;
/** Time scale of closeness in the perception objective [s]. */
const PERCEPTION_TTC_SCALE_S = 2;

const cap = (v: number, max: number): number => (Number.isFinite(v) ? Math.min(v, max) : max);
const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Smallest TTC [s] and distance [m] of the focus actors to the ego; of all actors when none is named. */
export function focusCloseness(instance: ScenarioInstance, result: SimResult): { minTtcS: number; minDistanceM: number } {
  const metrics = instance.focus.actors.map((id) => result.metrics.perActor[id]).filter((m) => m !== undefined);
  if (metrics.length === 0) return { minTtcS: result.metrics.minTtcS, minDistanceM: result.metrics.minDistanceM };
  return { minTtcS: Math.min(...metrics.map((m) => m.minTtcS)), minDistanceM: Math.min(...metrics.map((m) => m.minDistanceM)) };
}

/** Largest relative speed of the run's collisions [m/s], 0 without one. */
export function collisionSeverityMps(result: SimResult): number {
  let worst = 0;
  for (const e of result.events) if (e.kind === 'collision') worst = Math.max(worst, e.relativeSpeedMps);
  return worst;
}

export function evaluateRun(objective: Objective, instance: ScenarioInstance, result: SimResult): Evaluation {
  const m = result.metrics;
  const collision = m.collisions > 0;
  const severity = collisionSeverityMps(result);
  const ttc = cap(m.minTtcS, TTC_CAP_S);
  const dist = cap(m.minDistanceM, DISTANCE_CAP_M);
  const metrics: Record<string, number | null> = {
    minTtcS: orNull(m.minTtcS),
    minDistanceM: orNull(m.minDistanceM),
    collisions: m.collisions,
    relativeSpeedMps: collision ? severity : null,
  };
  switch (objective) {
    case 'ttc':
      return { score: -ttc, collision, metrics };
    case 'distance':
      return { score: -dist, collision, metrics };
    case 'collision': {
      const near = focusCloseness(instance, result);
      metrics.focusMinTtcS = orNull(near.minTtcS);
      metrics.focusMinDistanceM = orNull(near.minDistanceM);
      return { score: collision ? 10 + severity : -(cap(near.minTtcS, TTC_CAP_S) + cap(near.minDistanceM, DISTANCE_CAP_M) / 10), collision, metrics };
    }
    case 'perception': {
      const seen = focusVisibility(instance, result);
      const hitEgo = result.events.some((e) => e.kind === 'collision' && (e.a === 'ego' || e.b === 'ego'));
      const closeness = hitEgo ? 1 : Math.exp(-ttc / PERCEPTION_TTC_SCALE_S);
      metrics.focusVisible = seen.visible;
      metrics.focusTick = seen.tick;
      return { score: closeness * (1 - seen.visible), collision, metrics };
    }
  }
}
