/**
 * Builds the studio renderer on demand for `roadsynth studio`, so `npx roadsynth studio` works
 * with no build step. The build lands in node_modules/.cache/roadsynth/studio-<hash>, keyed by
 * a hash of the sources the page is made of and the installed package versions; a later start
 * with unchanged sources reuses it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../dataset/packageRoot.js';
import { rendererViteConfig } from './rendererViteConfig.js';

/**
 * Sources the renderer bundle can import from (host-only code is left out): code, the data
 * tables the scenario layer imports as JSON, and the grammar reference the page bundles.
 */
const PAGE_SOURCES = ['src/renderer', 'src/studio/api.ts', 'src/scenario', 'src/sampling', 'src/road', 'src/sim', 'src/scene', 'src/render', 'docs/grammar.md'];

const SOURCE_FILE = /\.(ts|html|css|json|md)$/;

function collect(abs: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    if (SOURCE_FILE.test(abs) && existsSync(abs)) out.push(abs);
    return;
  }
  for (const e of entries.sort()) collect(path.join(abs, e), out);
}

/** Hash of the renderer's sources and the lock file [hex, 16 chars]. */
export function rendererSourceHash(root = PACKAGE_ROOT): string {
  const files: string[] = [];
  for (const s of PAGE_SOURCES) collect(path.join(root, s), files);
  const h = createHash('sha256');
  for (const f of [...files, path.join(root, 'package-lock.json')]) {
    if (!existsSync(f)) continue;
    h.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function cacheRoot(): string {
  for (const dir of [path.join(PACKAGE_ROOT, 'node_modules/.cache/roadsynth'), path.join(os.tmpdir(), 'roadsynth-cache')]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // read-only install: try the next place
    }
  }
  throw new Error('cannot create a cache folder for the studio renderer');
}

export interface RendererBuild {
  dir: string;
  built: boolean;
}

/** The built renderer folder, building it when missing or stale. */
export async function ensureRendererBuild(log: (line: string) => void = () => {}): Promise<RendererBuild> {
  const dir = path.join(cacheRoot(), `studio-${rendererSourceHash()}`);
  if (existsSync(path.join(dir, 'index.html'))) return { dir, built: false };
  log('building the studio page (first start after a change; takes a little while) ...');
  const tmp = `${dir}.${process.pid}.tmp`;
  const { build } = await import('vite');
  await build(rendererViteConfig(PACKAGE_ROOT, tmp));
  try {
    renameSync(tmp, dir);
  } catch (err) {
    // Another process finished the same build first: keep theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'index.html'))) throw err;
  }
  return { dir, built: true };
}
