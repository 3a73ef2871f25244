/**
 * What a render host asks the render page for, and what comes back. Everything here is plain
 * JSON (it crosses the page boundary); binary data (trajectories, PNG bytes) travels separately.
 */
import type { ScenarioInstance } from '../scenario/types.js';
import type { SceneQuality, SemanticClass } from '../scene/types.js';
import type { FrameLabels, LabelClass } from './types.js';
import type { LabelOptions } from './labels/labelOptions.js';

export type PassName = 'rgb' | 'instance' | 'semantic' | 'depth';

/**
 * Antialiasing of the RGB pass: FXAA in the post pass over a single-sampled scene (the default:
 * a multisampled canvas costs 2.5 times the scene under a software rasterizer), multisampling
 * (4 samples; sub-pixel detail such as far poles and bicycle tubes is kept), or none.
 */
export const ANTIALIAS_MODES = ['fxaa', 'msaa', 'none'] as const;
export type Antialias = (typeof ANTIALIAS_MODES)[number];
export const DEFAULT_ANTIALIAS: Antialias = 'fxaa';
export const PASS_NAMES: readonly PassName[] = ['rgb', 'instance', 'semantic', 'depth'];

/** A box-shaped object of a primitive scene, placed in the world frame (z up). */
export interface PrimitiveObject {
  /** Labeled objects carry a track; unlabeled ones (walls, ground) only occlude. */
  track?: { trackId: number; actorId: string; cls: LabelClass };
  semantic: SemanticClass;
  /** Bottom centre [m], world frame. */
  x: number;
  y: number;
  z: number;
  /** Heading, counter-clockwise from +x [rad]. */
  yawRad: number;
  lengthM: number;
  widthM: number;
  heightM: number;
  /** sRGB hex colour for the RGB pass, e.g. "#aa3322". */
  colour: string;
  /** Only seen in the RGB pass (LAYERS.APPEARANCE), like rain or glows. */
  appearanceOnly?: boolean;
}

/** Ego camera of a primitive scene, world frame. */
export interface PrimitiveCamera {
  x: number;
  y: number;
  z: number;
  yawRad: number;
  /** Positive looks down [rad]. */
  pitchRad: number;
  hfovDeg: number;
  nearM: number;
  farM: number;
}

/**
 * A scene made of boxes: used by tests (objects at known poses), benchmarks and self-checks.
 * It satisfies the SceneRig contract like a scenario scene does.
 */
export interface PrimitiveScene {
  kind: 'primitives';
  /** Identity of the scene: pages keep a loaded scene while the key stays the same. */
  key: string;
  widthPx: number;
  heightPx: number;
  camera: PrimitiveCamera;
  objects: PrimitiveObject[];
  /** Sun light and shadows in the RGB pass. */
  lit: boolean;
  /** Antialiasing of the RGB pass (default DEFAULT_ANTIALIAS). */
  antialias?: Antialias;
  effects?: Partial<{ noise: number; motionBlur: number; lensDrops: number; glare: number; exposureEv: number }>;
}

/** A sampled scenario replayed from its simulated trajectory. */
export interface ScenarioScenePage {
  kind: 'scenario';
  key: string;
  instance: ScenarioInstance;
  seed: number;
  quality: SceneQuality;
  /** Antialiasing of the RGB pass (default DEFAULT_ANTIALIAS). */
  antialias?: Antialias;
  /** URL the page fetches the trajectory from (src/sim/trajectoryFile.ts format). */
  trajectoryUrl: string;
}

export type PageScene = PrimitiveScene | ScenarioScenePage;

export interface PageFrameRequest {
  /** Frame number written into the labels. */
  frame: number;
  tick: number;
  passes: PassName[];
  labels: LabelOptions;
  /** Time each step of the RGB pass apart (waits for the rasterizer after each; benchmarks). */
  profile?: boolean;
  /**
   * Where the page POSTs the frame's PNGs, all in one body, before it answers (the host's page
   * server, render-host/pageServer.ts): raw bytes, which the page's main thread does not touch.
   * Without it they come back in the result as base64, serialized by the page's main thread.
   */
  imagesTo?: string;
}

/** A frame's PNGs: in the result as base64, or POSTed to imagesTo, the passes' PNGs one after another in `sizes` order (nothing POSTed when `sizes` is empty). */
export type PageFrameImages = { as: 'base64'; png: Partial<Record<PassName, string>> } | { as: 'posted'; sizes: [PassName, number][] };

export interface PageFrameResult {
  labels: FrameLabels;
  /** PNGs of the requested passes. */
  images: PageFrameImages;
  /** Where the page spent its time [ms]. */
  timingsMs: Record<string, number>;
}

/** The API the render page installs as `window.roadsynthPage`. */
export interface RenderPageApi {
  load(scene: PageScene): Promise<void>;
  render(request: PageFrameRequest): Promise<PageFrameResult>;
  /** Renders the RGB pass (same look as export; `sceneOnly`: no camera effects) into the canvas only, without readback or labels (benchmarks). */
  renderOnly(tick: number, sceneOnly?: boolean): number;
  loadedKey(): string | null;
}
