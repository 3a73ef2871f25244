/**
 * The front of the pipeline as one pure call: text in, a checked `ScenarioSpec` or every error
 * found, sorted by position. Reading the file is the caller's business (the CLI, the GUI).
 */
import { sortScenarioErrors, type ScenarioError } from './errors.js';
import { parseScenarioText, type ParsedScenario } from './parse.js';
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
 * Parses, validates against the grammar, then checks references and expressions.
 * Semantic checks run only on a schema-valid file, so they can trust the shapes they read.
 * Never throws for any input text.
 */
export function checkScenario(text: string, fileName: string): CheckedScenario {
  const parsed = parseScenarioText(text, fileName);
  if (!parsed.spec) return { errors: parsed.errors, locate: parsed.locate };
  const schemaErrors = validateScenario(parsed.spec, parsed.locate, fileName);
  if (schemaErrors.length > 0) return { errors: sortScenarioErrors(schemaErrors), locate: parsed.locate };
  const semanticErrors = checkSemantics(parsed.spec, parsed, fileName);
  if (semanticErrors.length > 0) return { errors: sortScenarioErrors(semanticErrors), locate: parsed.locate };
  return { spec: parsed.spec, errors: [], locate: parsed.locate };
}
