/**
 * The export the studio's export panel starts: the product's dataset run (runDataset, the same
 * code as `roadsynth run`) with the panel's settings, progress after every frame, and an abort
 * signal that finishes the frames in flight and starts no new ones.
 */
import type { ScenarioSpec } from '../../scenario/types.js';
import { createRenderHost, type RenderHost } from '../../dataset/renderHost.js';
import { runDataset } from '../../dataset/runDataset.js';
import type { ExportRequest } from '../api.js';
import type { Shard } from '../../dataset/shard.js';

/** The panel's export settings (the request minus the file text), with the spec as exported. */
export interface ExportRunOptions extends Omit<ExportRequest, 'text' | 'overrides' | 'perturbations' | 'scope' | 'index' | 'sourcePath' | 'unsaved'> {
  /** The spec with the overrides and perturbations written in. */
  spec: ScenarioSpec;
  /** Where that spec was saved (the file the dataset card and the command name). */
  scenarioFile: string;
  /** Only this block of sample indices ('this sample': index i of i + 1). */
  shard?: Shard;
  /** The command line that reproduces the export. */
  command: string;
  /** Lines for the dataset card: where the text came from, overrides, perturbations. */
  notes: string[];
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellWord(w: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** `roadsynth run` with the settings of an export: it writes the same dataset. */
export function exportCommand(o: Omit<ExportRunOptions, 'command' | 'notes' | 'spec' | 'fileName'>): string {
  const args = [
    'roadsynth',
    'run',
    o.scenarioFile,
    '--out',
    o.outDir,
    '--count',
    String(o.count),
    '--frames',
    String(o.frames),
    '--fps',
    String(STUDIO_EXPORT_FPS),
    '--clip',
    'focus',
    '--design',
    o.design,
    '--seed',
    String(o.seed),
    '--resolution',
    `${o.widthPx}x${o.heightPx}`,
    '--formats',
    o.formats.join(','),
    '--passes',
    'rgb',
    ...(o.shard ? ['--shard', `${o.shard.index}/${o.shard.of}`] : []),
  ];
  return args.map(shellWord).join(' ');
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
        scenario: { file: o.scenarioFile, spec: o.spec, name },
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
        ...(o.shard ? { shard: o.shard } : {}),
        command: o.command,
        notes: o.notes,
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
