/**
 * Checks made before any work: the output folder is empty or a roadsynth dataset (a user's
 * files are never overwritten unless they say so), it can be written, and the disk has room for
 * the frames the run will write. A run that would fail hours in should fail now, clearly.
 *
 * Nothing is created here: the checks look at the folder if it exists, else at its nearest
 * existing parent. The folder itself is made by `makeOutDir` once every check has passed.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { IDENTITY_FILE } from '../export/datasetIdentity.js';

export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreflightError';
  }
}

/** Largest image side roadsynth renders [px] (WebGL's usual maximum texture size). */
export const MAX_IMAGE_SIDE_PX = 8192;
/** Largest image area [px]: 33 megapixels, 8K UHD; every pass of a frame is held in the page at once. */
export const MAX_IMAGE_PIXELS = 7680 * 4320;

/** Why a resolution cannot be rendered, or null when it can. */
export function resolutionProblem(widthPx: number, heightPx: number): string | null {
  if (!(widthPx >= 16 && heightPx >= 16)) return `${widthPx}x${heightPx} is too small; each side needs at least 16 px`;
  if (widthPx > MAX_IMAGE_SIDE_PX || heightPx > MAX_IMAGE_SIDE_PX) {
    return `${widthPx}x${heightPx} is too large; each side can be at most ${MAX_IMAGE_SIDE_PX} px`;
  }
  if (widthPx * heightPx > MAX_IMAGE_PIXELS) {
    return `${widthPx}x${heightPx} has ${((widthPx * heightPx) / 1e6).toFixed(1)} megapixels, more than the ${MAX_IMAGE_PIXELS / 1e6} megapixel limit (7680x4320)`;
  }
  return null;
}

/**
 * Rough bytes per frame with every pass: RGB PNG ~1.2 B/px, depth ~1 B/px, masks ~0.1 B/px,
 * plus labels. Errs high, so a "fits" verdict can be trusted.
 */
export function estimateFrameBytes(widthPx: number, heightPx: number, passes: readonly string[]): number {
  const perPx: Record<string, number> = { rgb: 1.6, depth: 1.2, instance: 0.15, semantic: 0.15 };
  return Math.ceil(widthPx * heightPx * passes.reduce((sum, p) => sum + (perPx[p] ?? 1), 0)) + 8192;
}

/** Free space the disk keeps beyond the run's estimate [bytes]. */
const MARGIN_BYTES = 64 * 1024 * 1024;

export interface PreflightOptions {
  /** Bytes the run will write. */
  bytesNeeded: number;
  /** Write into a non-empty folder that is not a roadsynth dataset (--allow-nonempty). */
  allowNonEmpty?: boolean;
}

/** The folder itself when it exists, else its nearest existing parent. */
function nearestExisting(abs: string): string {
  let dir = abs;
  while (!existsSync(dir)) {
    const parent = dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
  return dir;
}

function cannotWrite(outDir: string, why: string): PreflightError {
  return new PreflightError(`${outDir}: cannot write here (${why}). Choose an --out folder you can write to.`);
}

/** Entries of an existing folder that show it holds someone's files. */
function foreignEntries(dir: string): string[] {
  const names = readdirSync(dir);
  if (names.includes(IDENTITY_FILE)) return [];
  return names.sort();
}

export function preflight(outDir: string, opts: PreflightOptions): void {
  const abs = resolve(outDir);
  const base = nearestExisting(abs);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(base);
  } catch (err) {
    throw cannotWrite(outDir, (err as NodeJS.ErrnoException).code ?? String(err));
  }
  if (!st.isDirectory()) {
    throw cannotWrite(outDir, base === abs ? 'it is a file, not a folder' : `${base} is a file, not a folder`);
  }
  if (base === abs && !opts.allowNonEmpty) {
    const foreign = foreignEntries(abs);
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, ... (${foreign.length} entries)` : '');
      throw new PreflightError(
        `${outDir}: this folder is not empty and is not a roadsynth dataset (it holds ${shown}). ` +
          'roadsynth would write README.md, manifest.jsonl and image folders into it, replacing files of the same name. ' +
          'Choose a new or empty --out folder, or add --allow-nonempty to write into it anyway.',
      );
    }
  }
  // A probe file in the folder, or in its nearest existing parent, shows it can be written
  // (permissions, read-only mounts, /proc) without creating the output folder yet.
  const probe = join(base, `.roadsynth-write-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe);
  } catch (err) {
    throw cannotWrite(outDir, (err as NodeJS.ErrnoException).code ?? String(err));
  }
  const fs = statfsSync(base);
  const free = fs.bavail * fs.bsize;
  if (free < opts.bytesNeeded + MARGIN_BYTES) {
    const mb = (b: number) => `${Math.ceil(b / 1048576)} MB`;
    throw new PreflightError(
      `${outDir}: not enough disk space: the run needs about ${mb(opts.bytesNeeded)} and ${mb(free)} are free. ` +
        'Free some space, choose another --out, or lower --count, --frames or --resolution.',
    );
  }
}

/**
 * Creates the output folder and its missing parents one level at a time, after preflight.
 * (Node 20's recursive mkdir spins forever on some paths, such as below /proc, instead of failing.)
 */
export function makeOutDir(outDir: string): void {
  const make = (abs: string): void => {
    if (existsSync(abs)) return;
    const parent = dirname(abs);
    if (parent !== abs) make(parent);
    mkdirSync(abs);
  };
  try {
    make(resolve(outDir));
  } catch (err) {
    throw cannotWrite(outDir, (err as NodeJS.ErrnoException).code ?? String(err));
  }
}
