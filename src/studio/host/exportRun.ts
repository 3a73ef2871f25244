/**
 * The export the studio's export panel starts: the product's dataset run (runDataset, the same
 * code as `roadsynth run`) with the panel's settings, progress after every frame, and an abort
 * signal that finishes the frames in flight and starts no new ones.
 */
import type { DesignName, ScenarioSpec } from '../../scenario/types.js';
import { createRenderHost, type RenderHost } from '../../dataset/renderHost.js';
import { runDataset } from '../../dataset/runDataset.js';
import type { ExportRequest } from '../api.js';

/** The panel's export settings (the request minus the file text), with the checked spec. */
export interface ExportRunOptions extends Omit<ExportRequest, 'text' | 'overrides'> {
  spec: ScenarioSpec;
}

export interface ExportRunResult {
  framesWritten: number;
  interrupted: boolean;
}

/** Runs an export; `onFrame(done, total)` as frames are written. The studio's job runner calls this. */
export type ExportRunner = (options: ExportRunOptions, onFrame: (done: number, total: number) => void, signal: AbortSignal) => Promise<ExportRunResult>;

/** Frame rate of exported clips [1/s] (the run command's default). */
export const STUDIO_EXPORT_FPS = 10;

export function studioExportRunner(createHost: () => RenderHost = () => createRenderHost({ pages: 1 })): ExportRunner {
  return async (o, onFrame, signal) => {
    const name = typeof o.spec.name === 'string' ? o.spec.name : o.fileName;
    const result = await runDataset(
      {
        scenario: { file: o.fileName, spec: o.spec, name },
        outDir: o.outDir,
        count: o.count,
        seed: o.seed,
        design: o.design,
        frames: o.frames,
        fps: STUDIO_EXPORT_FPS,
        anchor: 'focus',
        resolution: { widthPx: o.widthPx, heightPx: o.heightPx },
        formats: o.formats,
        passes: ['rgb'],
        // Exporting again into the same folder continues it instead of refusing.
        resume: true,
        command: `roadsynth run ${o.fileName} --out ${o.outDir} --count ${o.count} --frames ${o.frames} --design ${o.design} --seed ${o.seed} --resolution ${o.widthPx}x${o.heightPx} --formats ${o.formats.join(',')} --passes rgb`,
        version: '0.1.0',
        workers: 1,
      },
      async () => {
        const host = createHost();
        await host.open();
        return host;
      },
      { onProgress: (p) => onFrame(p.framesDone, p.framesTotal), signal },
    );
    return { framesWritten: result.framesWritten, interrupted: result.interrupted };
  };
}
