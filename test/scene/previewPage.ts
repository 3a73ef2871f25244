/**
 * Browser side of the scene preview (bundled by preview.ts): builds the fixture scene for a
 * named condition, renders ticks with WebGL and hands back PNG data URLs and timings.
 */
import * as THREE from 'three';
import { buildScene } from '../../src/scene/buildScene.js';
import type { SceneQuality, SceneRig } from '../../src/scene/types.js';
import { fixtureInstance, fixtureNetwork, fixtureTrajectory } from './fixture.js';
import { PREVIEW_CONDITIONS } from './previewConditions.js';

export interface PreparedInfo {
  buildMs: number;
  firstRenderMs: number;
  drawCalls: number;
  triangles: number;
  lights: number;
}

let current: { rig: SceneRig; renderer: THREE.WebGLRenderer; canvas: HTMLCanvasElement; tick: number } | null = null;

function sync(renderer: THREE.WebGLRenderer): void {
  // Reading a pixel back waits until the GPU process has drawn the frame (finish() does not).
  const gl = renderer.getContext();
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

/**
 * Builds a condition and renders its tick once. `strip` removes parts of the look to see
 * what they cost: 'shadows', 'antialias', or object names ('sky', 'actors', 'roadside', ...).
 */
function prepare(name: string, quality: SceneQuality, strip: string[]): PreparedInfo {
  if (current) {
    current.rig.dispose();
    current.renderer.dispose();
  }
  const cond = PREVIEW_CONDITIONS[name];
  if (!cond) throw new Error(`no preview condition ${name}`);
  const instance = fixtureInstance(cond.patch);
  if (cond.blocks) instance.road.blocks = cond.blocks;
  const network = fixtureNetwork(instance);
  const trajectory = fixtureTrajectory(instance);
  const t0 = performance.now();
  const rig = buildScene({ instance, network, trajectory, seed: 7, quality });
  const buildMs = performance.now() - t0;
  rig.scene.traverse((o) => {
    if (strip.includes(o.name) || strip.includes(o.type)) o.visible = false;
    const m = (o as THREE.Mesh).material as THREE.MeshStandardMaterial | undefined;
    if (strip.includes('standard') && m?.isMeshStandardMaterial) {
      (o as THREE.Mesh).material = new THREE.MeshLambertMaterial({ color: m.color, map: m.map, emissive: m.emissive, emissiveIntensity: m.emissiveIntensity });
    }
  });
  const canvas = document.createElement('canvas');
  canvas.width = instance.ego.camera.widthPx;
  canvas.height = instance.ego.camera.heightPx;
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: quality === 'export' && !strip.includes('antialias'), preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.toneMapping = THREE.ACESFilmicToneMapping;
  renderer.toneMappingExposure = 2 ** rig.effects.exposureEv;
  renderer.shadowMap.enabled = quality === 'export' && !strip.includes('shadows');
  rig.setTick(cond.tick);
  const t1 = performance.now();
  renderer.render(rig.scene, rig.camera);
  sync(renderer);
  const firstRenderMs = performance.now() - t1;
  let lights = 0;
  rig.scene.traverse((o) => {
    if ((o as THREE.Light).isLight && o.visible) lights++;
  });
  current = { rig, renderer, canvas, tick: cond.tick };
  return { buildMs, firstRenderMs, drawCalls: renderer.info.render.calls, triangles: renderer.info.render.triangles, lights };
}

/** Renders the prepared scene n more times; wall time per frame [ms]. */
function renderRepeats(n: number): number {
  if (!current) throw new Error('prepare a condition first');
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    current.rig.setTick(current.tick);
    current.renderer.render(current.rig.scene, current.rig.camera);
    sync(current.renderer);
  }
  return (performance.now() - t) / Math.max(1, n);
}

function snapshot(): string {
  if (!current) throw new Error('prepare a condition first');
  return current.canvas.toDataURL('image/png');
}

Object.assign(globalThis, { scenePreview: { prepare, renderRepeats, snapshot } });
