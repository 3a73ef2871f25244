/**
 * roadsynth-build.json: what made a dataset folder's frames: the code (a hash of the package's
 * source files and lock file, plus the git commit when there is one, for people) and the renderer
 * (browser version and WebGL rasterizer). Labels are a pure function of the code; pixels also
 * depend on the rasterizer. So a resumed run must use the same code and renderer as the run it
 * continues, and `roadsynth merge` joins only shards made alike: otherwise "merged equals one
 * run" would silently not hold.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../export/atomicWrite.js';
import { PACKAGE_ROOT } from './packageRoot.js';

export const BUILD_FILE = 'roadsynth-build.json';

export interface BuildInfo {
  version: 1;
  /** sha256 of src/ and package-lock.json, first 16 hex digits. */
  codeRevision: string;
  /** The git commit of the checkout, or null outside git (informative; codeRevision decides). */
  gitCommit: string | null;
  /** Browser and rasterizer, e.g. "chromium 120.0.6099.224, ANGLE (Google, Vulkan 1.3.0 (SwiftShader ...))". */
  renderer: string;
}

/** The folder was made by other code or another renderer; the message says which and what to do. */
export class BuildMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildMismatchError';
  }
}

function sourceFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...sourceFiles(dir, r));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

let cachedRevision: string | null = null;

/**
 * Hash of the code that runs: every file under src/ (by path and content) and the lock file.
 * ROADSYNTH_CODE_REVISION replaces it, for a development checkout whose files change while a
 * test kills and resumes runs (the suite's runs pin it; see test/dataset/cli.ts).
 */
export function codeRevision(root: string = PACKAGE_ROOT): string {
  const pinned = process.env.ROADSYNTH_CODE_REVISION;
  if (pinned) return pinned;
  if (root === PACKAGE_ROOT && cachedRevision !== null) return cachedRevision;
  const h = createHash('sha256');
  const files = existsSync(join(root, 'src'))
    ? sourceFiles(join(root, 'src'))
        .sort()
        .map((f) => `src/${f}`)
    : [];
  if (existsSync(join(root, 'package-lock.json'))) files.push('package-lock.json');
  for (const f of files) {
    const bytes = readFileSync(join(root, f));
    h.update(`${f}\0${bytes.length}\0`);
    h.update(bytes);
  }
  const rev = h.digest('hex').slice(0, 16);
  if (root === PACKAGE_ROOT) cachedRevision = rev;
  return rev;
}

/** The commit checked out at `root`, read from .git without running git; null when there is none. */
export function gitCommit(root: string = PACKAGE_ROOT): string | null {
  try {
    const head = readFileSync(join(root, '.git', 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return null;
    const loose = join(root, '.git', ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
    const packed = readFileSync(join(root, '.git', 'packed-refs'), 'utf8');
    return (
      packed
        .split('\n')
        .find((l) => l.endsWith(` ${ref}`))
        ?.slice(0, 40) ?? null
    );
  } catch {
    return null;
  }
}

export function buildInfo(renderer: string): BuildInfo {
  return { version: 1, codeRevision: codeRevision(), gitCommit: gitCommit(), renderer };
}

export function readBuildInfo(dir: string): BuildInfo | null {
  const path = join(dir, BUILD_FILE);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as BuildInfo;
}

/** What differs between two builds that matters (code and renderer), as text; null when alike. */
export function buildDifference(a: BuildInfo | null, b: BuildInfo | null, aName: string, bName: string): string | null {
  const show = (x: BuildInfo | null, key: 'codeRevision' | 'renderer'): string => (x === null ? `unknown (no ${BUILD_FILE})` : JSON.stringify(x[key]));
  const diffs: string[] = [];
  for (const key of ['codeRevision', 'renderer'] as const) {
    if (show(a, key) !== show(b, key)) diffs.push(`${key}: ${aName} ${show(a, key)}, ${bName} ${show(b, key)}`);
  }
  return diffs.length > 0 ? diffs.join('; ') : null;
}

/**
 * Writes `info` into a new dataset folder, or checks a folder being resumed was made by the same
 * code and renderer. Throws BuildMismatchError otherwise.
 */
export function claimBuild(outDir: string, info: BuildInfo): void {
  const existing = readBuildInfo(outDir);
  const hasFrames = existsSync(join(outDir, 'records')) && readdirSync(join(outDir, 'records')).length > 0;
  if (existing === null && !hasFrames) {
    writeFileAtomic(join(outDir, BUILD_FILE), JSON.stringify(info, null, 2) + '\n');
    return;
  }
  const why = buildDifference(existing, info, 'the folder', 'this run');
  if (why !== null) {
    throw new BuildMismatchError(
      `${outDir}: the frames here were made by other code or another renderer (${why}). ` +
        'Resume with the roadsynth version and browser that started the run, or write to a new --out folder.',
    );
  }
}
