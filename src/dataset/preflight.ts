/**
 * Checks made before any work: the output folder can be written, and the disk has room for
 * the frames the run will write. A run that would fail hours in should fail now, clearly.
 */
import { existsSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreflightError';
  }
}

/**
 * Rough bytes per frame with every pass: RGB PNG ~1.2 B/px, depth ~1 B/px, masks ~0.1 B/px,
 * plus labels. Errs high, so a "fits" verdict can be trusted.
 */
export function estimateFrameBytes(widthPx: number, heightPx: number, passes: readonly string[]): number {
  const perPx: Record<string, number> = { rgb: 1.6, depth: 1.2, instance: 0.15, semantic: 0.15 };
  return Math.ceil(widthPx * heightPx * passes.reduce((sum, p) => sum + (perPx[p] ?? 1), 0)) + 8192;
}

/**
 * Creates a folder and its missing parents one level at a time. (Node 20's recursive mkdir
 * spins forever on some paths, such as below /proc, instead of failing.)
 */
function makeDirs(dir: string): void {
  const abs = resolve(dir);
  if (existsSync(abs)) return;
  const parent = dirname(abs);
  if (parent !== abs) makeDirs(parent);
  mkdirSync(abs);
}

export function preflight(outDir: string, bytesNeeded: number): void {
  try {
    makeDirs(outDir);
    const probe = join(outDir, `.roadsynth-write-probe-${process.pid}`);
    writeFileSync(probe, 'probe');
    rmSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new PreflightError(`${outDir}: cannot write here (${code}). Choose an --out folder you can write to.`);
  }
  const fs = statfsSync(outDir);
  const free = fs.bavail * fs.bsize;
  const margin = 64 * 1024 * 1024;
  if (free < bytesNeeded + margin) {
    const mb = (b: number) => `${Math.ceil(b / 1048576)} MB`;
    throw new PreflightError(
      `${outDir}: not enough disk space: the run needs about ${mb(bytesNeeded)} and ${mb(free)} are free. ` +
        'Free some space, choose another --out, or lower --count, --frames or --resolution.',
    );
  }
}
