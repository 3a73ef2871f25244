/**
 * The render page bundle, built with esbuild at run time into a cache folder and rebuilt when
 * any of its source files change (keyed by a hash of the files the last build read), so
 * `npx roadsynth` works with no build step. Electron hosts load the same file.
 *
 * A packaged desktop app cannot build it (its node_modules live in an asar archive, which
 * esbuild cannot read), so `npm run build:app` also writes a prebuilt bundle to
 * out/render-page/ (`npm run build:page`), used when building fails.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

import { PACKAGE_ROOT } from '../packageRoot.js';

const ENTRY = path.join(PACKAGE_ROOT, 'src/render/page/main.ts');

/** The prebuilt bundle of a packaged app. */
export const PREBUILT_PAGE = path.join(PACKAGE_ROOT, 'out/render-page/render-page.js');

const BUILD_OPTIONS = {
  entryPoints: [ENTRY],
  absWorkingDir: PACKAGE_ROOT,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome110',
  metafile: true,
  write: false,
  logLevel: 'silent',
} as const satisfies BuildOptions;

export interface BundleOptions {
  /** Where built bundles are cached (default: node_modules/.cache/roadsynth, else the temp folder). */
  cacheDir?: string;
  /** The prebuilt bundle used when building fails (default PREBUILT_PAGE). */
  prebuilt?: string;
  /** The bundler (default esbuild's build). */
  bundler?: typeof build;
}

interface Manifest {
  /** Files the bundle was built from, relative to PACKAGE_ROOT. */
  inputs: string[];
  hash: string;
  bundle: string;
}

export interface PageBundle {
  /** Absolute path of the bundled script. */
  scriptPath: string;
  /** Hash of the sources it was built from. */
  hash: string;
  /** Whether this call built it (false: taken from the cache). */
  built: boolean;
}

function cacheDir(): string {
  const preferred = path.join(PACKAGE_ROOT, 'node_modules/.cache/roadsynth');
  for (const dir of [preferred, path.join(os.tmpdir(), 'roadsynth-cache')]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // read-only install: try the next place
    }
  }
  throw new Error(`cannot create a cache folder for the render page (tried ${preferred} and the temp folder)`);
}

function hashInputs(inputs: readonly string[]): string | null {
  const h = createHash('sha256');
  for (const rel of inputs) {
    const abs = path.join(PACKAGE_ROOT, rel);
    if (!existsSync(abs)) return null;
    h.update(rel).update('\0').update(readFileSync(abs)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function writeAtomic(file: string, data: string): void {
  // Several processes (shards) may build at once: write aside, then rename over.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Returns the bundle, building it if the cache is missing or stale (the prebuilt one if building fails). */
export async function renderPageBundle(options: BundleOptions = {}): Promise<PageBundle> {
  const dir = options.cacheDir ?? cacheDir();
  const manifestPath = path.join(dir, 'render-page.json');
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      const scriptPath = path.join(dir, m.bundle);
      if (hashInputs(m.inputs) === m.hash && existsSync(scriptPath)) return { scriptPath, hash: m.hash, built: false };
    } catch {
      // unreadable manifest: rebuild
    }
  }
  let result: Awaited<ReturnType<typeof build<typeof BUILD_OPTIONS>>>;
  try {
    result = await (options.bundler ?? build)(BUILD_OPTIONS);
  } catch (err) {
    const prebuilt = options.prebuilt ?? PREBUILT_PAGE;
    if (existsSync(prebuilt)) return { scriptPath: prebuilt, hash: 'prebuilt', built: false };
    throw new Error(
      `cannot build the render page (${(err as Error).message.split('\n')[0]}), and there is no prebuilt page at ${prebuilt}: run \`npm run build:page\` in the package folder`,
    );
  }
  const inputs = Object.keys(result.metafile.inputs).sort();
  const hash = hashInputs(inputs);
  if (hash === null) throw new Error('render page bundle: an input vanished while building; run again');
  const bundle = `render-page-${hash}.js`;
  const scriptPath = path.join(dir, bundle);
  writeAtomic(scriptPath, result.outputFiles[0].text);
  writeAtomic(manifestPath, JSON.stringify({ inputs, hash, bundle } satisfies Manifest));
  return { scriptPath, hash, built: true };
}

/** Writes the prebuilt bundle (for a packaged app) and returns its path. */
export async function writePrebuiltPage(file = PREBUILT_PAGE): Promise<string> {
  const result = await build(BUILD_OPTIONS);
  mkdirSync(path.dirname(file), { recursive: true });
  writeAtomic(file, result.outputFiles[0].text);
  return file;
}
