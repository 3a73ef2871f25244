/**
 * Finds and loads the scenario file a dataset was made from (named in roadsynth-dataset.json),
 * so the report can draw each parameter's declared distribution and re-sample instances.
 * The file may have moved or changed since the run; both are reported, never fatal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { collectDimensions } from '../sampling/dimensions.js';
import type { Dimension } from '../sampling/dimensions.js';
import { contentHash } from '../sampling/hash.js';
import { checkScenario } from '../scenario/load.js';
import type { ScenarioSpec } from '../scenario/types.js';

export interface ScenarioSource {
  path: string;
  spec: ScenarioSpec;
  dimensions: Dimension[];
  /** False when the file's content no longer hashes to the dataset's scenario hash. */
  sameAsRun: boolean;
}

/** Places the file named `file` may be: as given (relative to the working folder), then next to the dataset. */
function candidates(file: string, datasetDir: string): string[] {
  if (isAbsolute(file)) return [file];
  return [resolve(file), resolve(datasetDir, file), resolve(dirname(resolve(datasetDir)), file)];
}

/** The scenario, or a note saying why it could not be used. */
export function loadScenarioSource(file: string, expectedHash: string, datasetDir: string): ScenarioSource | string {
  const path = candidates(file, datasetDir).find((p) => existsSync(p));
  if (!path) return `scenario file ${file} was not found (looked in the working folder and next to the dataset)`;
  const checked = checkScenario(readFileSync(path, 'utf8'), path);
  if (!checked.spec) return `scenario file ${path} has errors now (${checked.errors.length}); run "roadsynth validate ${path}"`;
  return { path, spec: checked.spec, dimensions: collectDimensions(checked.spec), sameAsRun: contentHash(checked.spec) === expectedHash };
}
