/**
 * Browser side of the scene preview (bundled by preview.ts): builds the fixture scene for a
 * named condition, renders one tick with WebGL and returns a PNG data URL.
 */
import * as THREE from 'three';
import { buildScene } from '../../src/scene/buildScene.js';
import type { SceneQuality } from '../../src/scene/types.js';
import { fixtureInstance, fixtureTrajectory, straightNetwork } from './fixture.js';
import { PREVIEW_CONDITIONS } from './previewConditions.js';

interface RenderResult {
  png: string;
  buildMs: number;
  renderMs: number;
  firstRenderMs: number;
  drawCalls: number;
  triangles: number;
}

function render(name: string, tick: number, quality: SceneQuality, repeats: number, strip: string[] = []): RenderResult {
  const cond = PREVIEW_CONDITIONS[name];
  if (!cond) throw new Error(`no preview condition ${name}`);
  const instance = fixtureInstance(cond.patch);
  const network = straightNetwork(cond.network ?? {});
  const trajectory = fixtureTrajectory(instance);
  const t0 = performance.now();
  const rig = buildScene({ instance, network, trajectory, seed: 7, quality });
  const buildMs = performance.now() - t0;
  // Diagnostics: strip parts of the look to see what a frame costs.
  if (strip.includes('env')) rig.scene.environment = null;
  rig.scene.traverse((o) => {
    if (strip.includes(o.name) || strip.includes(o.type)) o.visible = false;
  });
  const canvas = document.createElement('canvas');
  canvas.width = instance.ego.camera.widthPx;
  canvas.height = instance.ego.camera.heightPx;
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: quality === 'export' && !strip.includes('antialias'), preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.toneMapping = THREE.ACESFilmicToneMapping;
  renderer.toneMappingExposure = Math.pow(2, rig.effects.exposureEv);
  renderer.shadowMap.enabled = quality === 'export' && !strip.includes('shadows');
  renderer.shadowMap.type = THREE.PCFSoftShadowMap;
  rig.setTick(tick);
  const gl = renderer.getContext();
  const pixel = new Uint8Array(4);
  // Reading a pixel back waits until the GPU process has drawn the frame (finish() does not).
  const sync = (): void => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  const t1 = performance.now();
  renderer.render(rig.scene, rig.camera);
  sync();
  const firstRenderMs = performance.now() - t1;
  const t2 = performance.now();
  for (let i = 0; i < repeats; i++) {
    rig.setTick(tick);
    renderer.render(rig.scene, rig.camera);
    sync();
  }
  const renderMs = repeats > 0 ? (performance.now() - t2) / repeats : firstRenderMs;
  const info = renderer.info.render;
  const png = canvas.toDataURL('image/png');
  const out = { png, buildMs, renderMs, firstRenderMs, drawCalls: info.calls, triangles: info.triangles };
  rig.dispose();
  renderer.dispose();
  return out;
}

(globalThis as unknown as { renderCondition: typeof render }).renderCondition = render;
