/**
 * Browser side of the scene frame timer (bundled by frameTiming.ts): builds a catalog scene
 * with a scene builder, draws it the way the render page's RGB pass does (ACES, sRGB, PCF
 * shadow maps redrawn each frame, canvas multisampling for export) and times frames in-page.
 */
import * as THREE from 'three';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import type { ScenarioInstance } from '../../src/scenario/types.js';
import type { SceneInput, SceneQuality, SceneRig } from '../../src/scene/types.js';
import { decodeTrajectory } from '../../src/sim/trajectoryFile.js';

export interface CatalogScenePayload {
  name: string;
  instance: ScenarioInstance;
  trajectoryB64: string;
  seed: number;
  tick: number;
}

export interface FrameInfo {
  buildMs: number;
  drawCalls: number;
  triangles: number;
  /** Shader programs after the first frame and after the timed frames (equal: no recompiles). */
  programsFirst: number;
  programsAfter: number;
}

export type SceneBuilder = (input: SceneInput) => SceneRig;

interface Prepared {
  rig: SceneRig;
  renderer: THREE.WebGLRenderer;
  tick: number;
  widthPx: number;
  heightPx: number;
}

let current: Prepared | null = null;
const onePixel = new Uint8Array(4);

/** Blocks until the frame is drawn: a readback waits for the GPU process. */
function sync(renderer: THREE.WebGLRenderer): void {
  const gl = renderer.getContext();
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, onePixel);
}

function drawFrame(p: Prepared, tick: number): void {
  p.rig.setTick(tick);
  p.renderer.shadowMap.needsUpdate = true;
  p.renderer.toneMappingExposure = 2 ** p.rig.effects.exposureEv;
  p.renderer.render(p.rig.scene, p.rig.camera);
  sync(p.renderer);
}

function prepare(builders: Record<string, SceneBuilder>, builder: string, payload: CatalogScenePayload, quality: SceneQuality): FrameInfo {
  dispose();
  const build = builders[builder];
  if (!build) throw new Error(`no scene builder ${builder}`);
  const bytes = Uint8Array.from(atob(payload.trajectoryB64), (c) => c.charCodeAt(0));
  const trajectory = decodeTrajectory(bytes);
  const { instance } = payload;
  const network = buildRoadNetwork(instance.road, instance.weather);
  const t0 = performance.now();
  const rig = build({ instance, network, trajectory, seed: payload.seed, quality });
  const buildMs = performance.now() - t0;
  const canvas = document.createElement('canvas');
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: quality === 'export', alpha: false, preserveDrawingBuffer: false });
  renderer.setPixelRatio(1);
  renderer.setSize(instance.ego.camera.widthPx, instance.ego.camera.heightPx, false);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  renderer.toneMapping = THREE.ACESFilmicToneMapping;
  renderer.shadowMap.enabled = true;
  renderer.shadowMap.type = THREE.PCFShadowMap;
  renderer.shadowMap.autoUpdate = false;
  current = { rig, renderer, tick: payload.tick, widthPx: instance.ego.camera.widthPx, heightPx: instance.ego.camera.heightPx };
  drawFrame(current, payload.tick);
  const programsFirst = renderer.info.programs?.length ?? 0;
  return { buildMs, drawCalls: renderer.info.render.calls, triangles: renderer.info.render.triangles, programsFirst, programsAfter: programsFirst };
}

/** Times n frames (setTick, render, sync), stepping through ticks around the chosen one; each frame [ms]. */
function time(n: number): { ms: number[]; programs: number } {
  const p = current;
  if (!p) throw new Error('prepare a scene first');
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    drawFrame(p, p.tick + (i % 2));
    ms.push(performance.now() - t0);
  }
  return { ms, programs: p.renderer.info.programs?.length ?? 0 };
}

/** RGBA pixels of the chosen tick, bottom row first, in base64. */
function pixels(): string {
  const p = current;
  if (!p) throw new Error('prepare a scene first');
  p.rig.setTick(p.tick);
  p.renderer.shadowMap.needsUpdate = true;
  p.renderer.render(p.rig.scene, p.rig.camera);
  const gl = p.renderer.getContext();
  const px = new Uint8Array(p.widthPx * p.heightPx * 4);
  gl.readPixels(0, 0, p.widthPx, p.heightPx, gl.RGBA, gl.UNSIGNED_BYTE, px);
  let s = '';
  for (let i = 0; i < px.length; i += 0x8000) s += String.fromCharCode(...px.subarray(i, i + 0x8000));
  return btoa(s);
}

function dispose(): void {
  if (!current) return;
  current.rig.dispose();
  current.renderer.dispose();
  current = null;
}

/** Puts the timer on globalThis.sceneFrames with the given scene builders. */
export function installFrameTimer(builders: Record<string, SceneBuilder>): void {
  Object.assign(globalThis, {
    sceneFrames: {
      prepare: (builder: string, payload: CatalogScenePayload, quality: SceneQuality) => prepare(builders, builder, payload, quality),
      time,
      pixels,
      dispose,
    },
  });
}
