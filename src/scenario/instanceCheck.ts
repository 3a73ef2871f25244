/**
 * Checks a resolved scenario (every distribution, "$name" and "=expr" replaced by its sampled
 * value) against the same grammar and meaning checks as the file itself. Literal values and
 * distributions are checked when the file is validated; values that only exist once sampled
 * (an expression choosing an actor kind, a lane or a speed) are checked here, so a bad draw is
 * reported at the place in the file that produced it instead of failing later in simulation.
 */
import type { Position } from './parse.js';
import { checkSemantics, type SourceLocator } from './semantics.js';
import { pointerSegment } from './errors.js';
import type { ScenarioSpec, SpecNode } from './types.js';
import { schemaProblems } from './validate.js';

export interface ResolvedProblem {
  /** JSON pointer of the sampled value, the same in the file and in the resolved scenario. */
  pointer: string;
  message: string;
}

const NOWHERE: Position = { line: 1, col: 1 };
const noSource: SourceLocator = { locate: () => NOWHERE, locateInString: () => NOWHERE };

/** Keys whose strings are names, never references; and free text. */
const NAME_KEYS = new Set(['id', 'relativeTo', 'at', 'actor', 'road', 'do', 'name', 'description', '$schema']);

/**
 * Strings of a resolved scenario that still look like a reference or an expression. The grammar
 * accepts them where a reference may stand, but once sampled they are literal values (say a
 * choice of ["=0/0", car]: choices are taken as written), which no later stage can use.
 */
function leftoverReferences(node: SpecNode, pointer: string, key: string, out: ResolvedProblem[]): void {
  if (typeof node === 'string') {
    if (!NAME_KEYS.has(key) && (node.startsWith('=') || node.startsWith('$'))) {
      out.push({
        pointer,
        message: `the sampled value ${JSON.stringify(node)} is text that looks like a reference or expression; values of a choice or const are taken as written`,
      });
    }
  } else if (Array.isArray(node))
    node.forEach((v, i) => {
      leftoverReferences(v, `${pointer}/${i}`, key, out);
    });
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) leftoverReferences(v, `${pointer}/${pointerSegment(k)}`, k, out);
  }
}

/** Problems of a resolved scenario, schema problems first; empty when every sampled value fits. */
export function resolvedProblems(resolved: ScenarioSpec): ResolvedProblem[] {
  const leftovers: ResolvedProblem[] = [];
  leftoverReferences(resolved, '', '', leftovers);
  if (leftovers.length > 0) return leftovers;
  const schema = schemaProblems(resolved).map((p) => ({ pointer: p.pointer, message: p.message }));
  if (schema.length > 0) return schema;
  return checkSemantics(resolved, noSource, '').map((e) => ({ pointer: e.pointer, message: e.hint ? `${e.message} (${e.hint})` : e.message }));
}
