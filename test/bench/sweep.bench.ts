/**
 * Sweep throughput with 1 and 2 workers (browser pages) in one run, and the Node process's
 * resident memory after 200 and 1,000 frames of one long run (it must stay flat: frames are
 * streamed to disk, nothing per frame is kept).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRenderHost } from '../../src/dataset/renderHost.js';
import { runDataset, type RunOptions } from '../../src/dataset/runDataset.js';
import { checkScenario } from '../../src/scenario/load.js';

const FILE = 'scenarios/01-pedestrian-behind-van.yaml';

function options(outDir: string, count: number, frames: number, workers: number, widthPx: number, heightPx: number): RunOptions {
  const { spec } = checkScenario(readFileSync(FILE, 'utf8'), FILE);
  if (!spec) throw new Error(`${FILE} does not validate`);
  return {
    scenario: { file: FILE, spec, name: 'bench' },
    outDir,
    count,
    seed: 1,
    design: 'sobol',
    frames,
    fps: 10,
    anchor: 'focus',
    resolution: { widthPx, heightPx },
    formats: ['kitti', 'coco', 'yolo'],
    passes: ['rgb', 'instance', 'semantic', 'depth'],
    resume: false,
    command: 'bench',
    version: 'bench',
    workers,
  };
}

async function sweep(opts: RunOptions, onFrames?: (done: number) => void): Promise<{ frames: number; seconds: number }> {
  const t0 = performance.now();
  const result = await runDataset(
    opts,
    async () => {
      const host = createRenderHost({ pages: opts.workers });
      await host.open();
      return host;
    },
    { onProgress: (p) => onFrames?.(p.framesDone) },
  );
  return { frames: result.framesWritten, seconds: (performance.now() - t0) / 1000 };
}

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const root = mkdtempSync(join(tmpdir(), 'roadsynth-bench-sweep-'));
  const figures: Record<string, number> = {};
  try {
    for (const workers of [1, 2]) {
      const r = await sweep(options(join(root, `w${workers}`), 8, 5, workers, 640, 360));
      figures[`framesPerS_${workers}worker`] = r.frames / r.seconds;
      log(
        `640x360, all passes and formats, ${workers} worker(s): ${r.frames} frames in ${r.seconds.toFixed(1)} s = ${(r.frames / r.seconds).toFixed(2)} frames/s (browser start included)`,
      );
    }
    figures.speedup2Workers = figures.framesPerS_2worker / figures.framesPerS_1worker;
    log(`2 workers / 1 worker: ${figures.speedup2Workers.toFixed(2)}x (2 cores here, shared by Node, Chromium's GPU and render processes)`);

    const rss: Record<number, number> = {};
    const marks = [200, 1000];
    global.gc?.();
    const startRss = process.memoryUsage().rss;
    const long = await sweep(options(join(root, 'long'), 100, 10, 1, 160, 96), (done) => {
      for (const m of marks) if (done >= m && rss[m] === undefined) rss[m] = process.memoryUsage().rss;
    });
    figures.rssMiBStart = startRss / 1048576;
    figures.rssMiBAfter200Frames = rss[200] / 1048576;
    figures.rssMiBAfter1000Frames = rss[1000] / 1048576;
    log(
      `1,000 frames at 160x96 (${(long.frames / long.seconds).toFixed(1)} frames/s): Node resident memory ${figures.rssMiBStart.toFixed(0)} MiB at start, ${figures.rssMiBAfter200Frames.toFixed(0)} MiB after 200 frames, ${figures.rssMiBAfter1000Frames.toFixed(0)} MiB after 1,000`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return figures;
}
