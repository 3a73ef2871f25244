/**
 * Reads and checks a scenario file for a command. Every command that takes FILE uses this,
 * so a bad file reads the same everywhere: `file:line:col /pointer: message`, exit code 2.
 */
import { readFileSync, statSync } from 'node:fs';
import { formatScenarioError, sortScenarioErrors } from '../scenario/errors.js';
import { checkScenario, type CheckedScenario } from '../scenario/load.js';
import { DESIGNS } from '../scenario/schema.js';
import type { DesignName, ScenarioSpec } from '../scenario/types.js';
import type { SamplingError } from '../sampling/errors.js';
import { UserError } from './run-cli.js';

/** Larger files are refused before reading (the parser caps them too). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ScenarioFile {
  file: string;
  text: string;
  spec: ScenarioSpec;
  locate: CheckedScenario['locate'];
}

export function readScenarioFile(file: string): ScenarioFile {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      throw new UserError(`${file}: the file is ${(size / 1048576).toFixed(1)} MB; scenario files are limited to 5 MB (split it, or check that this is a scenario)`);
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read the file (${code ?? String(err)}); check the path`);
  }
  const { spec, errors, locate } = checkScenario(text, file);
  if (errors.length > 0 || spec === undefined) {
    const lines = sortScenarioErrors(errors).map(formatScenarioError);
    throw new UserError(lines.length > 0 ? lines.join('\n') : `${file}: not a valid scenario`);
  }
  return { file, text, spec, locate };
}

/** A sampling error as `file:line:col /pointer: message`, located in the file's text. */
export function samplingUserError(err: SamplingError, scenario: Pick<ScenarioFile, 'file' | 'locate'>): UserError {
  const pos = scenario.locate(err.pointer ?? '');
  return new UserError(`${scenario.file}:${pos.line}:${pos.col} ${err.message}`);
}

/** The design named in the file's `sweep` block, else random. */
export function sweepDesign(spec: ScenarioSpec): DesignName {
  const sweep = spec.sweep;
  const d = sweep !== null && typeof sweep === 'object' && !Array.isArray(sweep) ? sweep.design : undefined;
  return typeof d === 'string' && (DESIGNS as readonly string[]).includes(d) ? (d as DesignName) : 'random';
}
