/**
 * The instances of a dataset, one row per sample index, read from manifest.jsonl (whose metrics
 * and parameters are per instance and repeat on each of its frames).
 */
import { FocusTally, type FocusSummary } from '../export/focusSummary.js';
import type { ManifestEntry } from '../export/manifest.js';
import { forEachLine } from './lineReader.js';

export interface InstanceRow {
  sampleIndex: number;
  instanceHash: string;
  seed: number;
  parameters: ManifestEntry['parameters'];
  metrics: ManifestEntry['metrics'];
  frames: number;
  /** Frames in which a focus actor is labeled (manifest focusLabeled). */
  focusFrames: number;
  /** Importance weight (manifest weight); absent means 1. */
  weight?: number;
}

export interface ManifestSummary {
  instances: InstanceRow[];
  frames: number;
  /** Objects with visible pixels per roadsynth class, all frames. */
  classCounts: Record<string, number>;
  focus: FocusSummary;
}

export function readManifest(path: string): ManifestSummary {
  const byIndex = new Map<number, InstanceRow>();
  const classCounts: Record<string, number> = {};
  let frames = 0;
  const focus = new FocusTally();
  forEachLine(path, (line, lineNo) => {
    let e: ManifestEntry;
    try {
      e = JSON.parse(line) as ManifestEntry;
    } catch {
      throw new Error(`${path}:${lineNo}: not a JSON line; is this a roadsynth manifest?`);
    }
    frames += 1;
    for (const [cls, n] of Object.entries(e.counts)) classCounts[cls] = (classCounts[cls] ?? 0) + n;
    focus.add(e);
    const focusFrame = e.focusLabeled === true ? 1 : 0;
    const row = byIndex.get(e.sampleIndex);
    if (row) {
      row.frames += 1;
      row.focusFrames += focusFrame;
    } else {
      byIndex.set(e.sampleIndex, {
        sampleIndex: e.sampleIndex,
        instanceHash: e.instanceHash,
        seed: e.seed,
        parameters: e.parameters,
        metrics: e.metrics,
        frames: 1,
        focusFrames: focusFrame,
        ...(e.weight !== undefined ? { weight: e.weight } : {}),
      });
    }
  });
  const instances = [...byIndex.values()].sort((a, b) => a.sampleIndex - b.sampleIndex);
  return { instances, frames, classCounts, focus: focus.summary() };
}
