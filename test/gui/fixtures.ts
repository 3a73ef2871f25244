/** Temporary studio folders made in code: a scenario folder, an export folder, a recovery folder. */
import { CHROMIUM_FLAGS } from '../../src/dataset/renderHost.js';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';

export interface StudioDirs {
  base: string;
  scenarios: string;
  out: string;
  recovery: string;
  remove(): void;
}

/** A scenario folder holding copies of the named catalog files, plus empty export and recovery folders. */
export function studioDirs(catalogFiles: string[]): StudioDirs {
  const base = mkdtempSync(path.join(os.tmpdir(), 'roadsynth-studio-'));
  const scenarios = path.join(base, 'scenarios');
  const out = path.join(base, 'out');
  const recovery = path.join(base, 'recovery');
  for (const d of [scenarios, out, recovery]) mkdirSync(d);
  for (const f of catalogFiles) copyFileSync(path.join(PACKAGE_ROOT, 'scenarios', f), path.join(scenarios, f));
  return { base, scenarios, out, recovery, remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** A renderer folder with a one-line page, for server tests that need no real build. */
export function fakeRendererDir(base: string): string {
  const dir = path.join(base, 'renderer');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>studio</title>');
  return dir;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless=new', ...CHROMIUM_FLAGS];
