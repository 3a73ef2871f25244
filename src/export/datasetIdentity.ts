/**
 * roadsynth-dataset.json: what makes the frames of a folder belong together (scenario, sampling,
 * formats, passes, KITTI options). Written when a writer opens a folder and checked when one
 * opens it again, so frames of a different dataset are never mixed into one set of run-wide
 * files. Count, frames per instance and the command are left out on purpose: sample i is the
 * same in any run with the same seed and design, so a run may be resumed or extended.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';
import type { DatasetOptions, KittiOptions } from './types.js';
import type { ClassMapSpec } from './classMap.js';
import { LABEL_CLASSES } from '../render/types.js';
import { type Antialias, DEFAULT_ANTIALIAS } from '../render/request.js';

export const IDENTITY_FILE = 'roadsynth-dataset.json';

export interface DatasetIdentity {
  version: 1;
  scenarioFile: string;
  scenarioHash: string;
  seed: number;
  design: string;
  formats: string[];
  passes: string[];
  /** The RGB images' antialiasing (render/request.ts): their pixels differ between modes. */
  antialias: Antialias;
  kitti: KittiOptions;
  /** The class map in effect ({} for roadsynth's own classes). */
  classMap: ClassMapSpec;
}

/** The folder holds frames of another dataset; the message says which setting differs and what to do. */
export class DatasetMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetMismatchError';
  }
}

export function datasetIdentity(opts: DatasetOptions, kitti: KittiOptions): DatasetIdentity {
  return {
    version: 1,
    scenarioFile: opts.scenario.file,
    scenarioHash: opts.scenario.hash,
    seed: opts.run.seed,
    design: opts.run.design,
    formats: [...opts.formats].sort(),
    passes: [...opts.passes].sort(),
    antialias: opts.antialias ?? DEFAULT_ANTIALIAS,
    kitti: { box2d: kitti.box2d, lowVisibility: kitti.lowVisibility },
    // In LABEL_CLASSES order, so the same map written in another key order is the same dataset.
    classMap: Object.fromEntries(LABEL_CLASSES.filter((c) => opts.classMap && c in opts.classMap).map((c) => [c, opts.classMap![c] ?? null])),
  };
}

/** Writes the identity into `outDir`, or checks it against the one already there. */
export function claimDatasetFolder(outDir: string, identity: DatasetIdentity): void {
  const path = join(outDir, IDENTITY_FILE);
  const text = JSON.stringify(identity, null, 2) + '\n';
  if (!existsSync(path)) {
    writeFileAtomic(path, text);
    return;
  }
  const existing = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const wanted = identity as unknown as Record<string, unknown>;
  const differing = Object.keys(wanted).filter((k) => JSON.stringify(existing[k]) !== JSON.stringify(wanted[k]));
  if (differing.length > 0) {
    const detail = differing.map((k) => `${k}: folder has ${JSON.stringify(existing[k])}, this run ${JSON.stringify(wanted[k])}`);
    throw new DatasetMismatchError(`${path}: this folder holds another dataset (${detail.join('; ')}). ` + 'Write to a new output folder, or delete this one to start over.');
  }
}
