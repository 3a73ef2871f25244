/**
 * Scene builder figures in plain Node (no rendering): build time per quality, setTick time,
 * and the size of what the render passes get (meshes, triangles, real lights). Then frame
 * rates at 1280x720 in headless Chromium (SwiftShader) for the catalog's costliest scenarios,
 * preview and export quality, timed in-page (min of repeats) with the browser's CPU time per
 * frame beside it (on a shared machine CPU time / cores is the better guess of an idle frame).
 */
import { cpus, loadavg } from 'node:os';
import type * as THREE from 'three';
import { buildScene } from '../../src/scene/buildScene.js';
import type { SceneQuality } from '../../src/scene/types.js';
import { fixtureInstance, fixtureNetwork, fixtureTrajectory } from '../scene/fixture.js';
import { catalogScene } from '../scene/catalogScene.js';
import { FrameTimer } from '../scene/frameTimer.js';

/** The costliest catalog scenarios to draw (measured): night rain with lamps, and a row of parked cars by day. */
const BUSIEST = ['14-wheelchair-crosswalk-rain-night.yaml', '07-cyclist-door-swerve.yaml'];
const FRAME_REPEATS = 5;

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
  const network = fixtureNetwork(instance);
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
  await frameRates(log, out);
  return out;
}

/** Browser frame rates of the busiest scenarios; skipped with a line when Chromium cannot start. */
async function frameRates(log: (line: string) => void, out: Record<string, number>): Promise<void> {
  let timer: FrameTimer;
  try {
    timer = await FrameTimer.open();
  } catch (err) {
    log(`frame rates skipped: Chromium unavailable (${(err as Error).message.split('\n')[0]})`);
    return;
  }
  try {
    for (const name of BUSIEST) {
      const payload = catalogScene(name);
      const tag = name.slice(0, 2);
      for (const quality of ['preview', 'export'] as SceneQuality[]) {
        const t = await timer.measure(payload, quality, FRAME_REPEATS);
        log(
          `scenario ${name} ${quality} 1280x720: ${(1000 / t.minMs).toFixed(2)} frames/s (min ${t.minMs.toFixed(0)} ms, median ${t.medianMs.toFixed(0)} ms of ${FRAME_REPEATS}; browser CPU ${t.cpuMs.toFixed(0)} ms/frame); ${t.drawCalls} draw calls, ${t.triangles} triangles, shader programs ${t.programsFirst} -> ${t.programsAfter}`,
        );
        out[`scenario${tag}_${quality}Fps`] = +(1000 / t.minMs).toFixed(3);
        out[`scenario${tag}_${quality}CpuMsPerFrame`] = +t.cpuMs.toFixed(1);
      }
    }
    log(
      `load average: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
  } finally {
    await timer.close();
  }
}
