/**
 * Scene builder figures in plain Node (no rendering): build time per quality, setTick time,
 * and the size of what the render passes get (meshes, triangles, real lights). Frame render
 * times need Chromium: `npx tsx test/scene/preview.ts out/scene-preview --repeats 5`.
 */
import * as THREE from 'three';
import { buildScene } from '../../src/scene/buildScene.js';
import type { SceneQuality } from '../../src/scene/types.js';
import { fixtureInstance, fixtureTrajectory, straightNetwork } from '../scene/fixture.js';

function counts(scene: THREE.Scene): { meshes: number; triangles: number; lights: number } {
  let meshes = 0;
  let triangles = 0;
  let lights = 0;
  scene.traverse((o) => {
    const m = o as THREE.Mesh;
    if (m.isMesh) {
      meshes++;
      const g = m.geometry;
      triangles += (g.index ? g.index.count : g.getAttribute('position').count) / 3;
    }
    if ((o as THREE.Light).isLight) lights++;
  });
  return { meshes, triangles, lights };
}

export async function bench(log: (line: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // Night in the rain: the most that the scene builds (lamps, headlights, particles, puddles).
  const instance = fixtureInstance({ weather: { rain: 0.8, puddles: 0.5 }, light: { sunElevationDeg: -15, streetLights: true } });
  const trajectory = fixtureTrajectory(instance);
  const network = straightNetwork();
  for (const quality of ['export', 'preview'] as SceneQuality[]) {
    const runs = 5;
    let rig = buildScene({ instance, network, trajectory, seed: 1, quality });
    rig.dispose();
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      rig = buildScene({ instance, network, trajectory, seed: i, quality });
      if (i < runs - 1) rig.dispose();
    }
    const buildMs = (performance.now() - t0) / runs;
    const ticks = 2000;
    const t1 = performance.now();
    for (let k = 0; k < ticks; k++) rig.setTick(k % trajectory.ticks);
    const setTickUs = ((performance.now() - t1) * 1000) / ticks;
    const c = counts(rig.scene);
    rig.dispose();
    log(`${quality}: build ${buildMs.toFixed(0)} ms, setTick ${setTickUs.toFixed(0)} us, ${c.meshes} meshes, ${c.triangles.toFixed(0)} triangles, ${c.lights} lights`);
    out[`${quality}BuildMs`] = buildMs;
    out[`${quality}SetTickUs`] = setTickUs;
    out[`${quality}Meshes`] = c.meshes;
    out[`${quality}Triangles`] = c.triangles;
    out[`${quality}Lights`] = c.lights;
  }
  return out;
}
