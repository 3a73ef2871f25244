/**
 * Contract between the scene builder (what the world looks like) and the render passes
 * (how frames and labels are produced). Needs no DOM: it builds three.js objects only.
 *
 * three.js frame used by the scene: x = world x, y = world z (up), z = -world y.
 * (World: x, y ground plane, z up; see src/road/types.ts.)
 */
import type * as THREE from 'three';
import type { ScenarioInstance } from '../scenario/types.js';
import type { RoadNetwork } from '../road/types.js';
import type { Trajectory } from '../sim/types.js';
import type { LabelClass } from './labelClasses.js';

/** Semantic classes of the semantic pass (ids are the array index + 1; 0 = unlabeled/sky). */
export const SEMANTIC_CLASSES = [
  'road',
  'lane-marking',
  'sidewalk',
  'kerb',
  'crosswalk',
  'parking',
  'terrain',
  'vegetation',
  'building',
  'pole',
  'traffic-sign',
  'traffic-light',
  'barrier',
  'cone',
  'tunnel',
  'car',
  'van',
  'truck',
  'bus',
  'motorcycle',
  'bicycle',
  'rider',
  'pedestrian',
  'animal',
  'object',
] as const;
export type SemanticClass = (typeof SEMANTIC_CLASSES)[number];

/**
 * Object3D.layers used by the scene. Everything is on DEFAULT. Things that only change the
 * look (rain streaks, snow flakes, light glows, the sky dome) are also on APPEARANCE and are
 * hidden from the id, semantic and depth passes.
 */
export const LAYERS = { DEFAULT: 0, APPEARANCE: 1 } as const;

/**
 * userData keys on meshes:
 *   semantic: SemanticClass  (every mesh that is not APPEARANCE-only)
 * and on each labeled actor's root Object3D:
 *   trackId: number          (meshes below it inherit it for the instance pass)
 */
export interface TrackedObject {
  trackId: number;
  actorId: string;
  cls: LabelClass;
  /** Root object; its position is the bottom centre of the 3D box, rotation the heading. */
  root: THREE.Object3D;
  /** Box size [m] (length along the object's forward axis, width, height). */
  size: { lengthM: number; widthM: number; heightM: number };
}

export type SceneQuality = 'preview' | 'export';

export interface SceneInput {
  instance: ScenarioInstance;
  network: RoadNetwork;
  trajectory: Trajectory;
  /** Seed for roadside context and weather particles. */
  seed: number;
  quality: SceneQuality;
}

export interface SceneRig {
  scene: THREE.Scene;
  /** The ego camera, configured from instance.ego.camera. */
  camera: THREE.PerspectiveCamera;
  tracks: TrackedObject[];
  /** Poses actors, wheels, limbs, doors, lights, signals, particles and camera for a tick. */
  setTick(tick: number): void;
  /** Camera post effects for the RGB pass at the current tick (noise, blur, drops, glare, exposure). */
  readonly effects: { noise: number; motionBlur: number; lensDrops: number; glare: number; exposureEv: number };
  dispose(): void;
}
