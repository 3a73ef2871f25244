/**
 * The simulation budget (src/sim/simulate.ts) checked on a scenario file, for `roadsynth
 * validate` and the studio's inline errors alike.
 */
import type { ScenarioError } from '../scenario/errors.js';
import { DEFAULT_DT_S, DEFAULT_DURATION_S } from '../scenario/defaults.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { simulationBudgetError } from './simulate.js';

/**
 * The simulation budget of src/sim/simulate.ts, checked where duration and step are plain
 * numbers: a file that validates can also be simulated.
 */
export function budgetError(spec: ScenarioSpec, file: string, locate: (pointer: string) => { line: number; col: number }): ScenarioError | null {
  const sim = (spec.simulation ?? {}) as Record<string, unknown>;
  const durationS = sim.durationS ?? DEFAULT_DURATION_S;
  const dtS = sim.dtS ?? DEFAULT_DT_S;
  if (typeof durationS !== 'number' || typeof dtS !== 'number' || !(dtS > 0)) return null;
  const actors = Array.isArray(spec.actors) ? spec.actors.length : 0;
  const err = simulationBudgetError(durationS, dtS, 1 + actors);
  if (!err) return null;
  const pointer = sim.dtS === undefined ? '/simulation' : '/simulation/dtS';
  const pos = locate(pointer);
  return { file, line: pos.line, col: pos.col, pointer, message: err.message };
}
