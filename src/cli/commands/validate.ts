/**
 * `roadsynth validate FILE...`: checks scenario files (syntax, grammar, references,
 * expressions) and prints `ok  FILE` or every error with its place. Exit 2 when any file has
 * errors, so it can gate CI.
 */
import type { Command } from 'commander';
import { formatScenarioError, type ScenarioError } from '../../scenario/errors.js';
import { checkScenario } from '../../scenario/load.js';
import { MAX_SCENARIO_BYTES } from '../../scenario/parse.js';
import { readScenarioText } from '../scenarioFile.js';
import { budgetError } from '../../sim/budget.js';
import { UserError } from '../runCli.js';

export interface FileReport {
  file: string;
  ok: boolean;
  errors: ScenarioError[];
}

/** Reads and checks one file. */
export function validateFile(file: string): FileReport {
  const read = readScenarioText(file);
  if (!read.ok) return { file, ok: false, errors: [read.error] };
  const { spec, errors, locate } = checkScenario(read.text, file);
  const over = spec ? budgetError(spec, file, locate) : null;
  if (over) return { file, ok: false, errors: [over] };
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
    throw new UserError(`${failed.length} of ${reports.length} file${reports.length === 1 ? '' : 's'} ha${failed.length === 1 ? 's' : 've'} errors (${errorCount} in all)`);
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
