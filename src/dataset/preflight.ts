/**
 * Checks made before any work: the output folder can be written, and the disk has room for
 * the frames the run will write. A run that would fail hours in should fail now, clearly.
 */
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

export function preflight(outDir: string, bytesNeeded: number): void {
  try {
    mkdirSync(outDir, { recursive: true });
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
