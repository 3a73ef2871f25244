/**
 * `roadsynth validate FILE...`: checks scenario files (syntax, grammar, references,
 * expressions) and prints `ok  FILE` or every error with its place. Exit 2 when any file has
 * errors, so it can gate CI.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Command } from 'commander';
import { formatScenarioError, type ScenarioError } from '../../scenario/errors.js';
import { checkScenario } from '../../scenario/load.js';
import { MAX_SCENARIO_BYTES } from '../../scenario/parse.js';
import { UserError } from '../run-cli.js';

export type ReadResult = { ok: true; text: string } | { ok: false; error: ScenarioError };

function fileError(file: string, message: string, hint?: string, line = 1, col = 1): ReadResult {
  return { ok: false, error: { file, line, col, pointer: '', message, ...(hint ? { hint } : {}) } };
}

/**
 * Reads a scenario file as UTF-8 text. The size is checked on the open descriptor before any
 * byte is read, and at most the cap plus one byte is ever read, so a huge or growing file
 * cannot exhaust memory.
 */
export function readScenarioFile(file: string): ReadResult {
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
      return fileError(file, `file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_SCENARIO_BYTES / 1024 / 1024} MB limit`, 'a scenario file is a few kB; is this the right file?');
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

export interface FileReport {
  file: string;
  ok: boolean;
  errors: ScenarioError[];
}

/** Reads and checks one file. */
export function validateFile(file: string): FileReport {
  const read = readScenarioFile(file);
  if (!read.ok) return { file, ok: false, errors: [read.error] };
  const { errors } = checkScenario(read.text, file);
  return { file, ok: errors.length === 0, errors };
}

interface ValidateFlags {
  json?: boolean;
}

function run(files: string[], flags: ValidateFlags): void {
  const reports = files.map(validateFile);
  const failed = reports.filter((r) => !r.ok);
  if (flags.json) {
    process.stdout.write(JSON.stringify({ ok: failed.length === 0, files: reports }, null, 2) + '\n');
    if (failed.length > 0) process.exitCode = 2;
    return;
  }
  for (const r of reports) {
    if (r.ok) process.stdout.write(`ok  ${r.file}\n`);
    else for (const e of r.errors) process.stdout.write(formatScenarioError(e) + '\n');
  }
  if (failed.length > 0) {
    const errorCount = failed.reduce((n, r) => n + r.errors.length, 0);
    throw new UserError(
      `${failed.length} of ${reports.length} file${reports.length === 1 ? '' : 's'} ha${failed.length === 1 ? 's' : 've'} errors (${errorCount} in all)`,
    );
  }
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('Check scenario files: YAML/JSON syntax, the grammar, references between parts, and expressions.')
    .argument('<file...>', 'scenario files (.yaml, .yml or .json)')
    .option('--json', 'print one JSON object: {ok, files: [{file, ok, errors: [{file, line, col, pointer, message, hint?}]}]}')
    .addHelpText(
      'after',
      `
Every error names its place and, where it can, the fix:
  scenarios/x.yaml:14:7 /actors/2/speedMps: expected a number from 0 to 90, a distribution or a "$param" or "=expr" reference, got "fast"
  scenarios/x.yaml:9:5 /actors/0/speedMsp: unknown key "speedMsp" (did you mean "speedMps"?)

All errors of a file are reported at once. Files over ${MAX_SCENARIO_BYTES / 1024 / 1024} MB are refused unread.
Exit status: 0 when every file is valid, 2 when any file has errors.

Examples:
  roadsynth validate scenarios/*.yaml
  roadsynth validate my-scenario.json --json
  roadsynth validate scenarios/01-pedestrian-behind-van.yaml && roadsynth sample scenarios/01-pedestrian-behind-van.yaml`,
    )
    .action((files: string[], flags: ValidateFlags) => run(files, flags));
}
