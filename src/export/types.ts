/**
 * Contract of the export stage: what the run command hands to `DatasetWriter` and what it gets
 * back. Output layout and file formats: docs/formats.md.
 */
import type { DesignName, SampledInstance } from '../scenario/types.js';
import type { SimMetrics } from '../sim/types.js';
import type { ClassMapSpec } from './classMap.js';
import type { FocusSummary } from './focusSummary.js';
import type { Antialias } from '../render/request.js';

export const EXPORT_FORMATS = ['kitti', 'coco', 'yolo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Image passes of a RenderedFrame that can be written. */
export const RENDER_PASSES = ['rgb', 'instance', 'semantic', 'depth'] as const;
export type RenderPass = (typeof RENDER_PASSES)[number];

/** Which scenario file the dataset came from. */
export interface ScenarioRef {
  /** Path as the user gave it (shown in the manifest and card). */
  file: string;
  /** Stable hash of the scenario file's content (hex). */
  hash: string;
  name: string;
}

/** How the run was made; shown in the dataset card. */
export interface RunSettings {
  /** The exact command line that reproduces this dataset. */
  command: string;
  seed: number;
  design: DesignName;
  /** Number of sampled instances. */
  count: number;
  framesPerInstance: number;
  /** Frames per second of the written sequence [1/s]. */
  fps: number;
  /** roadsynth version that wrote the dataset. */
  version: string;
  /** ISO 8601 creation time; shown in README.md only, never in label files. */
  createdAt?: string;
  /** Lines about how the run was set up (the studio's overrides and perturbations), for README.md. */
  notes?: string[];
}

export interface KittiOptions {
  /**
   * 2D box written to label_2: 'amodal' (projected 3D box clipped to the image, like KITTI's
   * full-extent boxes; falls back to the visible box) or 'visible' (tight box of visible pixels).
   */
  box2d: 'amodal' | 'visible';
  /** Objects flagged lowVisibility: written as KITTI 'DontCare' regions, or kept as their type. */
  lowVisibility: 'dontcare' | 'keep';
}

export interface DatasetOptions {
  formats: ExportFormat[];
  /** Passes to write; each must be present on every frame. */
  passes: RenderPass[];
  /** Antialiasing the RGB images were drawn with (absent: DEFAULT_ANTIALIAS). */
  antialias?: Antialias;
  scenario: ScenarioRef;
  run: RunSettings;
  kitti?: Partial<KittiOptions>;
  /** Renames, merges or drops classes in every writer (classMap.ts); absent: roadsynth's classes. */
  classMap?: ClassMapSpec;
  /** Where the class map came from (a file, or the scenario), for the dataset card. */
  classMapSource?: string;
}

/** Where a frame came from: passed with every frame. */
export interface FrameContext {
  sample: SampledInstance;
  metrics: SimMetrics;
  /** 0-based frame number inside its instance. */
  frameIndexInInstance: number;
  /** Dataset-wide frame number; becomes the COCO image id. Must be unique in the run. */
  globalFrameId: number;
  tick: number;
  /** Simulation time of the frame [s]. */
  timeS: number;
}

/** What finish() reports. */
export interface ExportSummary {
  outDir: string;
  frames: number;
  /** Labeled objects (with visible pixels), all frames. */
  objects: number;
  /** Labeled objects per LabelClass. */
  perClass: Record<string, number>;
  /** Does the dataset show its scenarios' focus (share of frames, clips that never do). */
  focus: FocusSummary;
  /** Files assembled at finish, relative to outDir. */
  files: string[];
}
