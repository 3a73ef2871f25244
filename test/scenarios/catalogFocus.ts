/**
 * Runs a catalog scenario the way a user does (`roadsynth run FILE --count 4 --frames 5` at
 * 640x360, the CLI's default clip) and reads back from manifest.jsonl how often the focus is
 * labeled. Shared by test/scenarios/focus.test.ts and the catalog-focus script.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestEntry } from '../../src/export/manifest.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CATALOG = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => /^\d{2}-.*\.yaml$/.test(f))
  .sort();

/** The default run of the "must show" figure. */
export const DEFAULT_RUN = ['--count', '4', '--frames', '5', '--resolution', '640x360'];

export interface FocusRun {
  file: string;
  frames: number;
  labeled: number;
  entries: ManifestEntry[];
  /** What the run printed. */
  stdout: string;
}

/** Runs `roadsynth run <file> --out <outDir> <args>` (file: under scenarios/, or absolute) and reads its manifest. */
export function runScenario(file: string, outDir: string, args: string[] = DEFAULT_RUN): FocusRun {
  const path = isAbsolute(file) ? file : join('scenarios', file);
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/roadsynth.mjs'), 'run', path, '--out', outDir, ...args, '--formats', 'coco', '--passes', 'rgb'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`roadsynth run ${file} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  const entries = readFileSync(join(outDir, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ManifestEntry);
  return { file, frames: entries.length, labeled: entries.filter((e) => e.focusLabeled).length, entries, stdout: r.stdout };
}

/**
 * The frame a catalog page shows: among the frames with the focus labeled, the one whose
 * smallest focus box is the median of those frames (a typical frame, not the easiest one);
 * ties by frame id. Null when no frame labels the focus.
 */
export function typicalFocusFrame(entries: readonly ManifestEntry[]): ManifestEntry | null {
  const shown = entries
    .filter((e) => e.focusLabeled)
    .map((e) => ({ e, h: Math.min(...e.objects.filter((o) => o.focus).map((o) => o.heightPx)) }))
    .sort((a, b) => a.h - b.h || (a.e.frameId < b.e.frameId ? -1 : 1));
  return shown.length ? shown[(shown.length - 1) >> 1].e : null;
}
