/**
 * The export the studio's export panel starts: sample `count` instances, simulate each, render
 * `frames` frames spread over its trajectory at export quality, and write them with the
 * dataset writer (KITTI, COCO, YOLO as asked). Progress after every frame; an abort signal
 * stops between frames and leaves only complete frames on disk (the writer's records).
 */
import type { ScenarioSpec } from '../../scenario/types.js';
import { sampleScenario } from '../../sampling/sample.js';
import { contentHash } from '../../sampling/hash.js';
import { buildRoadNetwork } from '../../road/buildRoadNetwork.js';
import { simulate } from '../../sim/simulate.js';
import { createRenderHost, type RenderHost } from '../../dataset/renderHost.js';
import { DatasetWriter } from '../../export/datasetWriter.js';
import type { ExportFormatName } from '../api.js';

export interface ExportRunOptions {
  spec: ScenarioSpec;
  /** Scenario text, for the dataset's scenario hash. */
  text: string;
  fileName: string;
  outDir: string;
  formats: ExportFormatName[];
  count: number;
  frames: number;
  design: 'random' | 'grid' | 'lhs' | 'sobol' | 'pairwise';
  seed: number;
  widthPx: number;
  heightPx: number;
}

export interface ExportRunResult {
  frames: number;
}

/** Runs an export; `onFrame(done, total)` after each written frame. The studio's job runner calls this. */
export type ExportRunner = (options: ExportRunOptions, onFrame: (done: number, total: number) => void, signal: AbortSignal) => Promise<ExportRunResult>;

/** Ticks of `frames` frames spread evenly over a trajectory of `ticks` ticks, first and last included. */
export function frameTicks(ticks: number, frames: number): number[] {
  if (frames === 1) return [Math.floor((ticks - 1) / 2)];
  return Array.from({ length: frames }, (_, k) => Math.round((k * (ticks - 1)) / (frames - 1)));
}

export interface StudioExportDeps {
  /** Default: the playwright render host on a local Chromium. */
  renderHost?: () => RenderHost;
}

export function studioExportRunner(deps: StudioExportDeps = {}): ExportRunner {
  return async (o, onFrame, signal) => {
    const total = o.count * o.frames;
    const host = deps.renderHost?.() ?? createRenderHost({ pages: 1 });
    await host.open();
    try {
      const writer = DatasetWriter.open(o.outDir, {
        formats: o.formats,
        passes: ['rgb'],
        scenario: { file: o.fileName, hash: contentHash(o.text), name: typeof o.spec.name === 'string' ? o.spec.name : o.fileName },
        run: {
          command: `roadsynth run ${o.fileName} --out ${o.outDir} --count ${o.count} --frames ${o.frames} --design ${o.design} --seed ${o.seed} --resolution ${o.widthPx}x${o.heightPx} --format ${o.formats.join(',')}`,
          seed: o.seed,
          design: o.design,
          count: o.count,
          framesPerInstance: o.frames,
          fps: 10,
          version: '0.1.0',
        },
      });
      let done = 0;
      for (let i = 0; i < o.count && !signal.aborted; i++) {
        const sample = sampleScenario(o.spec, { seed: o.seed, design: o.design, index: i, count: o.count });
        sample.instance.ego.camera.widthPx = o.widthPx;
        sample.instance.ego.camera.heightPx = o.heightPx;
        const network = buildRoadNetwork(sample.instance.road, sample.instance.weather);
        const sim = simulate(sample.instance, network);
        const scene = { kind: 'scenario' as const, key: `${sample.hash}-${o.widthPx}x${o.heightPx}`, instance: sample.instance, trajectory: sim.trajectory, seed: o.seed + i, quality: 'export' as const };
        const ticks = frameTicks(sim.trajectory.ticks, o.frames);
        for (let k = 0; k < ticks.length; k++) {
          if (signal.aborted) break;
          const globalFrameId = i * o.frames + k;
          const frame = await host.renderFrame({ scene, frame: globalFrameId, tick: ticks[k], passes: ['rgb'] });
          writer.writeFrame(
            { sample, metrics: sim.metrics, frameIndexInInstance: k, globalFrameId, tick: ticks[k], timeS: ticks[k] * sim.trajectory.dtS },
            { labels: frame.labels, rgb: frame.rgb },
          );
          onFrame(++done, total);
        }
      }
      writer.finish();
      return { frames: done };
    } finally {
      await host.close();
    }
  };
}
