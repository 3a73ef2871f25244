/** One physics-only rollout of a sampled instance, scored by an objective. No rendering. */
import type { ScenarioInstance } from '../../scenario/types.js';
import type { Evaluation } from '../../sampling/search/types.js';
import { roadNetworkOf } from '../../sim/replay.js';
import { simulate } from '../../sim/simulate.js';
import { evaluateRun, type Objective } from './objectives.js';

/**
 * Simulates `instance` and scores it. A run the road builder or the simulation rejects scores
 * as the least critical possible and says why in its metrics (failed: 1), so one bad corner of
 * the parameter space does not stop a search.
 */
export function rollout(objective: Objective, instance: ScenarioInstance): Evaluation & { error?: string } {
  try {
    const network = roadNetworkOf(instance);
    return evaluateRun(objective, instance, simulate(instance, network));
  } catch (err) {
    return { score: -Number.MAX_VALUE, collision: false, metrics: { failed: 1 }, error: (err as Error).message };
  }
}
