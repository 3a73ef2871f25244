/**
 * roadsynth-run.json: the options the run-wide files were last assembled with (scenario name,
 * run settings, formats, passes, KITTI options). Written by assembleDataset, so a folder of
 * records can be assembled again later without the process that wrote it (`roadsynth merge`
 * joins shard folders this way, `roadsynth report` reads the sweep size from it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';
import type { DatasetOptions } from './types.js';

export const RUN_FILE = 'roadsynth-run.json';

interface RunFile {
  version: 1;
  options: DatasetOptions;
}

/** Stores `options` without the creation time, which by design appears in README.md only. */
export function writeRunFile(outDir: string, options: DatasetOptions): void {
  const { createdAt: _createdAt, ...run } = options.run;
  const file: RunFile = { version: 1, options: { ...options, run } };
  writeFileAtomic(join(outDir, RUN_FILE), JSON.stringify(file, null, 2) + '\n');
}

/** The options stored in `outDir`, or null when the folder was never assembled. */
export function readRunFile(outDir: string): DatasetOptions | null {
  const path = join(outDir, RUN_FILE);
  if (!existsSync(path)) return null;
  const file = JSON.parse(readFileSync(path, 'utf8')) as RunFile;
  if (file.version !== 1) throw new Error(`${path}: unknown run file version ${String(file.version)}`);
  return file.options;
}
