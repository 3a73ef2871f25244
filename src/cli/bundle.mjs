// The CLI bundle: src/cli/main.ts and what it imports, compiled by esbuild into out/cli/ (one
// chunk per command, loaded when that command runs). Built at set-up (`npm run build:cli`)
// and again by roadsynth.mjs whenever a file under src/ is newer than the bundle, so editing
// the source never runs stale code. npm packages stay outside the bundle.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = path.join(ROOT, 'src');
const OUT = path.join(ROOT, 'out/cli');
export const BUNDLE_ENTRY = path.join(OUT, 'main.mjs');

function newestMtimeMs(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtimeMs(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when out/cli/main.mjs exists and no source file is newer. */
export function bundleIsFresh() {
  if (!existsSync(BUNDLE_ENTRY)) return false;
  const built = statSync(BUNDLE_ENTRY).mtimeMs;
  return newestMtimeMs(SRC) <= built && statSync(path.join(ROOT, 'package.json')).mtimeMs <= built;
}

/**
 * Builds into a private folder and swaps it in, so processes starting at the same time (shards
 * of an array job) never load a half-written bundle. Returns the entry that was built.
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const tmp = `${OUT}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(SRC, 'cli/main.ts')],
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  const old = `${OUT}.old-${process.pid}`;
  try {
    if (existsSync(OUT)) renameSync(OUT, old);
    renameSync(tmp, OUT);
  } catch {
    // Another process swapped its own build in first: run from ours, which is as fresh.
    return path.join(tmp, 'main.mjs');
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
  return BUNDLE_ENTRY;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`built ${path.relative(process.cwd(), await buildCli())}\n`);
}
