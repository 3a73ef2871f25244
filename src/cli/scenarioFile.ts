/**
 * Reads and checks a scenario file for a command. Every command that takes FILE uses this,
 * so a bad file reads the same everywhere: `file:line:col /pointer: message`, exit code 2.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatScenarioError, sortScenarioErrors, type ScenarioError } from '../scenario/errors.js';
import { MAX_SCENARIO_BYTES } from '../scenario/parse.js';
import { checkScenario, type CheckedScenario } from '../scenario/load.js';
import { DESIGNS } from '../scenario/schema.js';
import type { DesignName, ScenarioSpec } from '../scenario/types.js';
import type { SamplingError } from '../sampling/errors.js';
import { UserError } from './runCli.js';

export type ReadResult = { ok: true; text: string } | { ok: false; error: ScenarioError };

function fileError(file: string, message: string, hint?: string, line = 1, col = 1): ReadResult {
  return { ok: false, error: { file, line, col, pointer: '', message, ...(hint ? { hint } : {}) } };
}

/**
 * Reads a scenario file as UTF-8 text. The size is checked on the open descriptor before any
 * byte is read, and at most the cap plus one byte is ever read, so a huge or growing file
 * cannot exhaust memory.
 */
export function readScenarioText(file: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fileError(file, 'no such file', 'check the path');
    if (code === 'EISDIR') return fileError(file, 'is a directory', 'pass scenario files, e.g. scenarios/*.yaml');
    return fileError(file, `cannot open the file (${code ?? String(err)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return fileError(file, 'is a directory', 'pass scenario files, e.g. scenarios/*.yaml');
    if (!stat.isFile()) return fileError(file, 'is not a regular file');
    if (stat.size > MAX_SCENARIO_BYTES) {
      return fileError(
        file,
        `file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_SCENARIO_BYTES / 1024 / 1024} MB limit`,
        'a scenario file is a few kB; is this the right file?',
      );
    }
    const buf = Buffer.alloc(Math.min(stat.size, MAX_SCENARIO_BYTES) + 1);
    let n = 0;
    for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_SCENARIO_BYTES) return fileError(file, `file grew past the ${MAX_SCENARIO_BYTES / 1024 / 1024} MB limit while being read`);
    const bytes = buf.subarray(0, n);
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      const lenient = new TextDecoder('utf-8').decode(bytes);
      const at = lenient.indexOf('\uFFFD');
      const before = lenient.slice(0, Math.max(0, at));
      const line = before.split('\n').length;
      const col = at - before.lastIndexOf('\n');
      return fileError(file, 'file is not valid UTF-8 text; is it a binary file?', 'save it as UTF-8', line, col);
    }
  } catch (err) {
    return fileError(file, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  } finally {
    closeSync(fd);
  }
}

export interface ScenarioFile {
  file: string;
  text: string;
  spec: ScenarioSpec;
  locate: CheckedScenario['locate'];
}

/** Reads and checks a scenario file; any problem becomes a UserError listing every error. */
export function readScenarioFile(file: string): ScenarioFile {
  const read = readScenarioText(file);
  if (!read.ok) throw new UserError(formatScenarioError(read.error));
  const { text } = read;
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
