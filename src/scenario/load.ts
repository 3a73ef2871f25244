/**
 * The front of the pipeline as one pure call: text in, a checked `ScenarioSpec` or every error
 * found, sorted by position. Reading the file is the caller's business (the CLI, the GUI).
 */
import { sortScenarioErrors, type ScenarioError } from './errors.js';
import { parseScenarioText, type ParsedScenario } from './parse.js';
import { checkDistributionRanges } from './bounds.js';
import { checkSemantics } from './semantics.js';
import type { ScenarioSpec } from './types.js';
import { validateScenario } from './validate.js';

export interface CheckedScenario {
  /** Present only when there are no errors. */
  spec?: ScenarioSpec;
  errors: ScenarioError[];
  /** Source positions, for errors found later (sampling) at a JSON pointer. */
  locate: ParsedScenario['locate'];
}

/**
 * Parses, validates against the grammar, then checks references, expressions and the values
 * literal distributions can give, and returns every error found. The meaning checks read the
 * file defensively, so they also run on a file with schema errors (a user sees all problems at
 * once); where both find fault at the same place, the schema error is kept.
 * Never throws for any input text.
 */
export function checkScenario(text: string, fileName: string): CheckedScenario {
  const parsed = parseScenarioText(text, fileName);
  if (!parsed.spec) return { errors: parsed.errors, locate: parsed.locate };
  const schemaErrors = validateScenario(parsed.spec, parsed.locate, fileName);
  const covered = (pointer: string): boolean => schemaErrors.some((e) => e.pointer !== '' && (pointer === e.pointer || pointer.startsWith(e.pointer + '/')));
  const semanticErrors = checkSemantics(parsed.spec, parsed, fileName).filter((e) => !covered(e.pointer));
  // Probing finds each place by following the data through the schema, so it needs a valid file.
  const rangeErrors = schemaErrors.length === 0 ? checkDistributionRanges(parsed.spec, parsed.locate, fileName) : [];
  const errors = sortScenarioErrors([...schemaErrors, ...semanticErrors, ...rangeErrors]);
  return errors.length > 0 ? { errors, locate: parsed.locate } : { spec: parsed.spec, errors, locate: parsed.locate };
}
