/**
 * Checks a resolved scenario (every distribution, "$name" and "=expr" replaced by its sampled
 * value) against the same grammar and meaning checks as the file itself. Literal values and
 * distributions are checked when the file is validated; values that only exist once sampled
 * (an expression choosing an actor kind, a lane or a speed) are checked here, so a bad draw is
 * reported at the place in the file that produced it instead of failing later in simulation.
 */
import type { Position } from './parse.js';
import { checkSemantics, type SourceLocator } from './semantics.js';
import type { ScenarioSpec } from './types.js';
import { schemaProblems } from './validate.js';

export interface ResolvedProblem {
  /** JSON pointer of the sampled value, the same in the file and in the resolved scenario. */
  pointer: string;
  message: string;
}

const NOWHERE: Position = { line: 1, col: 1 };
const noSource: SourceLocator = { locate: () => NOWHERE, locateInString: () => NOWHERE };

/** Problems of a resolved scenario, schema problems first; empty when every sampled value fits. */
export function resolvedProblems(resolved: ScenarioSpec): ResolvedProblem[] {
  const schema = schemaProblems(resolved).map((p) => ({ pointer: p.pointer, message: p.message }));
  if (schema.length > 0) return schema;
  return checkSemantics(resolved, noSource, '').map((e) => ({ pointer: e.pointer, message: e.hint ? `${e.message} (${e.hint})` : e.message }));
}
