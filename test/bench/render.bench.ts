/**
 * Render throughput: labeled frames per second (rgb, instance, semantic and depth passes
 * encoded as PNG, plus labels) against render-only frames per second (three.js render of the
 * RGB pass alone, no readback) of the same scene in the same browser, at 1280x720 and 640x360;
 * a stage-by-stage profile of one export frame; CPU time per frame by what spends it; and the two
 * software rasterizers side by side.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRenderHost, type PlaywrightRenderHost, type ScenarioScene, type SceneSource } from '../../src/dataset/renderHost.js';
import { PASS_NAMES, type PassName, type PrimitiveObject, type PrimitiveScene } from '../../src/render/request.js';
import { checkScenario } from '../../src/scenario/load.js';
import { sampleScenario } from '../../src/sampling/sample.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { simulate } from '../../src/sim/simulate.js';
import { cpuByThreadRole } from './processCpu.js';

/** A street made of boxes: road, two rows of buildings, 12 cars and 6 pedestrians, sun and shadows. */
function street(widthPx: number, heightPx: number): PrimitiveScene {
  const objects: PrimitiveObject[] = [
    { semantic: 'road', x: 60, y: 0, z: -0.05, yawRad: 0, lengthM: 160, widthM: 14, heightM: 0.05, colour: '#3c3c3c' },
    { semantic: 'sidewalk', x: 60, y: 9, z: -0.05, yawRad: 0, lengthM: 160, widthM: 4, heightM: 0.15, colour: '#9a968c' },
    { semantic: 'sidewalk', x: 60, y: -9, z: -0.05, yawRad: 0, lengthM: 160, widthM: 4, heightM: 0.15, colour: '#9a968c' },
  ];
  for (let i = 0; i < 10; i++) {
    for (const side of [1, -1]) {
      objects.push({ semantic: 'building', x: 8 + i * 15, y: side * 16, z: 0, yawRad: 0, lengthM: 12, widthM: 8, heightM: 8 + ((i * 7) % 5) * 3, colour: '#a58f7a' });
    }
  }
  let id = 1;
  for (let i = 0; i < 12; i++) {
    objects.push({
      track: { trackId: id++, actorId: `car${i}`, cls: 'Car' },
      semantic: 'car',
      x: 10 + i * 7,
      y: ((i % 3) - 1) * 3.5,
      z: 0,
      yawRad: (i % 2) * Math.PI + 0.05 * i,
      lengthM: 4.5,
      widthM: 1.85,
      heightM: 1.5,
      colour: ['#b02020', '#2050b0', '#d0d0d0'][i % 3],
    });
  }
  for (let i = 0; i < 6; i++) {
    objects.push({
      track: { trackId: id++, actorId: `ped${i}`, cls: 'Pedestrian' },
      semantic: 'pedestrian',
      x: 12 + i * 9,
      y: (i % 2 ? 1 : -1) * 8.5,
      z: 0,
      yawRad: 1.57,
      lengthM: 0.5,
      widthM: 0.6,
      heightM: 1.75,
      colour: '#3a7a3a',
    });
  }
  return {
    kind: 'primitives',
    key: `street-${widthPx}x${heightPx}`,
    widthPx,
    heightPx,
    lit: true,
    objects,
    camera: { x: 0, y: -1.75, z: 1.6, yawRad: 0, pitchRad: 0.03, hfovDeg: 90, nearM: 0.1, farM: 400 },
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A catalog scenario (default 01, pedestrian behind a van), sample 0 of seed 7, simulated, at a tick two thirds in. */
export async function scenarioScene(widthPx: number, heightPx: number, name = '01-pedestrian-behind-van'): Promise<{ scene: ScenarioScene; tick: number }> {
  const file = fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url));
  const checked = checkScenario(readFileSync(file, 'utf8'), file);
  if (!checked.spec) throw new Error(`${file}: ${checked.errors.map((e) => e.message).join('; ')}`);
  const s = sampleScenario(checked.spec, { seed: 7, design: 'random', index: 0 });
  const instance = structuredClone(s.instance);
  instance.ego.camera.widthPx = widthPx;
  instance.ego.camera.heightPx = heightPx;
  const sim = simulate(instance, buildRoadNetwork(instance.road, instance.weather));
  const scene: ScenarioScene = { kind: 'scenario', key: `${s.hash}-${widthPx}x${heightPx}`, instance, trajectory: sim.trajectory, seed: s.seed, quality: 'export' };
  return { scene, tick: Math.floor((2 * sim.trajectory.ticks) / 3) };
}

interface Case {
  name: string;
  scene: SceneSource;
  tick: number;
  frames: number;
}

type Figures = Record<string, number | string>;

/** Steps of one export frame in pipeline order, as the page and host name them. */
const PROFILE_ORDER = [
  'sceneUpdate',
  'rgb.shadowMaps',
  'rgb.scene',
  'rgb.copy',
  'rgb.blurScene',
  'rgb.post',
  'rgb',
  'readRgb',
  'encodeRgbCopy',
  'labelPass',
  'scan',
  'labels',
  'labels.occlusionPasses',
  'encodeStart',
  'encode.rgb',
  'encode.instance',
  'encode.semantic',
  'encode.depth',
  'encodeWait',
  'encodeDone.rgb',
  'encodeDone.instance',
  'encodeDone.semantic',
  'encodeDone.depth',
  'page.sendImages',
  'host.transfer',
  'host.diskWrite',
];

/**
 * A stage-by-stage profile of one export frame, every stage alone: the page waits for the
 * rasterizer after each RGB step (scene with its shadow maps, copy, motion-blur scene, post
 * effects), then the label pass with its readbacks, the id scan, labels with their occlusion
 * passes, each PNG encode (filter, deflate, in a worker), the PNGs' POST to Node
 * (page.sendImages), the labels' trip (host.transfer) and the PNG writes. In a real run the
 * encodes overlap the next frame's drawing.
 */
async function profile(host: PlaywrightRenderHost, c: Case, log: (l: string) => void, out: Figures): Promise<void> {
  const runs: Record<string, number>[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'roadsynth-bench-'));
  try {
    await host.renderFrame({ scene: c.scene, frame: 0, tick: c.tick }); // warm-up: scene build, shader compiles, encoder JIT
    for (let i = 0; i < 3; i++) {
      const f = await host.renderFrame({ scene: c.scene, frame: i, tick: c.tick, profile: true });
      const t0 = performance.now();
      for (const [pass, png] of [
        ['rgb', f.rgb],
        ['instance', f.instance],
        ['semantic', f.semantic],
        ['depth', f.depth],
      ] as const) {
        if (png) writeFileSync(path.join(dir, `${pass}-${i}.png`), png);
      }
      const t = f.timingsMs;
      // The page draws the scene twice when profiling: without redrawing its shadow maps, then with.
      const shadowMaps = (t['rgb.sceneAndShadowMaps'] ?? 0) - (t['rgb.scene'] ?? 0);
      const { 'rgb.sceneAndShadowMaps': _both, ...rest } = t;
      runs.push({ ...rest, 'rgb.shadowMaps': Math.max(0, shadowMaps), 'host.diskWrite': performance.now() - t0 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const withShadows = median(await host.timeRenderOnly(c.scene, c.tick, 3, true));
  const keys = [...new Set([...PROFILE_ORDER, ...runs.flatMap((r) => Object.keys(r))])].filter((k) => runs.some((r) => k in r));
  const row = keys.map((k) => `${k} ${median(runs.map((r) => r[k] ?? 0)).toFixed(1)}`);
  log(`${c.name} profile of one export frame, median of 3, ms: ${row.join(', ')}`);
  log(`${c.name} plain scene draw incl. shadow maps (no camera effects), median ms: ${withShadows.toFixed(1)}`);
  for (const k of keys) out[`profileMs_${c.name}_${k}`] = +median(runs.map((r) => r[k] ?? 0)).toFixed(1);
}

/**
 * CPU time per frame [ms, all cores together], by what spends it (processCpu.ts), of labeled
 * frames (all passes, frames in flight as a run requests them) and of render-only frames of one
 * case. Wall-clock rates swing with this machine's load; CPU per frame much less. Where the CPU
 * is the limit (no GPU; render-only already keeps the cores busy), labeled frames/s can reach
 * at most render-only frames/s x (render-only CPU / labeled CPU).
 */
async function cpuPerFrame(host: PlaywrightRenderHost, c: Case, log: (l: string) => void, out: Figures): Promise<void> {
  const { scene, tick, frames } = c;
  await host.renderFrame({ scene, frame: 0, tick });
  const spent = async (work: () => Promise<unknown>): Promise<Map<string, number>> => {
    const before = cpuByThreadRole();
    await work();
    const after = cpuByThreadRole();
    return new Map([...after].map(([role, ms]) => [role, (ms - (before.get(role) ?? 0)) / frames] as const).filter(([, ms]) => ms >= 0.5));
  };
  const labeled = await spent(() =>
    Promise.all(
      Array.from({ length: host.framesInFlight }, async (_, p) => {
        for (let i = p; i < frames; i += host.framesInFlight) await host.renderFrame({ scene, frame: i, tick });
      }),
    ),
  );
  const renderOnly = await spent(() => host.timeRenderOnly(scene, tick, frames));
  const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const show = (m: Map<string, number>): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([role, ms]) => `${role} ${ms.toFixed(0)}`)
      .join(', ');
  const bound = total(renderOnly) / total(labeled);
  log(`${c.name} CPU per frame, ms (all cores): labeled ${total(labeled).toFixed(0)} (${show(labeled)})`);
  log(`${c.name} CPU per frame, ms (all cores): render-only ${total(renderOnly).toFixed(0)} (${show(renderOnly)})`);
  log(`${c.name} render-only CPU / labeled CPU: ${bound.toFixed(3)} (the labeled/render-only ratio a CPU-bound machine can reach)`);
  out[`cpuMsPerFrame_labeled_${c.name}`] = +total(labeled).toFixed(1);
  out[`cpuMsPerFrame_renderOnly_${c.name}`] = +total(renderOnly).toFixed(1);
  out[`cpuRenderOnlyOverLabeled_${c.name}`] = +bound.toFixed(3);
}

/**
 * Labeled and render-only frames per second of one case; `pages` pages render in parallel, each
 * with the host's framesInFlight frames requested at once, as a dataset run requests them.
 */
async function measure(host: PlaywrightRenderHost, c: Case, pages: number, log: (l: string) => void, out: Figures, tagSuffix = '', passes?: PassName[]): Promise<void> {
  const { scene, tick, frames } = c;
  await host.renderFrame({ scene, frame: 0, tick }); // warm-up: scene build, shader compiles
  const withRatio = pages === 1 && !passes;
  // Render-only frames half before and half after the labeled ones: this machine's speed drifts
  // within a run, and drift between the two measurements would show up in their ratio.
  const renderOnlyMs: number[] = [];
  const renderOnly = async (n: number): Promise<void> => {
    if (withRatio) renderOnlyMs.push(...(await host.timeRenderOnly(scene, tick, n)));
  };
  if (withRatio) await host.timeRenderOnly(scene, tick, 1); // its own warm-up
  await renderOnly(Math.ceil(frames / 2));
  const stages = new Map<string, number[]>();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: pages * host.framesInFlight }, async (_, p) => {
      for (let i = 0; i < frames; i++) {
        const f = await host.renderFrame({ scene, frame: i, tick, ...(passes ? { passes } : {}) });
        if (p === 0) for (const [k, v] of Object.entries(f.timingsMs)) stages.set(k, [...(stages.get(k) ?? []), v]);
      }
    }),
  );
  const labeledFps = (frames * pages * host.framesInFlight * 1000) / (performance.now() - t0);
  await renderOnly(Math.floor(frames / 2));
  const tag = `${c.name}${pages > 1 ? `_pages${pages}` : ''}${tagSuffix}`;
  out[`labeledFps_${tag}`] = +labeledFps.toFixed(3);
  log(`${tag}: labeled frames/s (${(passes ?? PASS_NAMES).join('+')} PNGs + labels): ${labeledFps.toFixed(3)}`);
  log(`  page stages, median ms: ${[...stages].map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', ')}`);
  if (!withRatio) return;
  const renderFps = 1000 / (renderOnlyMs.reduce((a, b) => a + b, 0) / renderOnlyMs.length);
  out[`renderOnlyFps_${tag}`] = +renderFps.toFixed(3);
  out[`labeledOverRenderOnly_${tag}`] = +(labeledFps / renderFps).toFixed(3);
  log(
    `${tag}: render-only frames/s (the same export look into the canvas, no readback; half measured before the labeled frames, half after): ${renderFps.toFixed(3)}; ratio labeled/render-only: ${(labeledFps / renderFps).toFixed(3)}`,
  );
}

export async function bench(log: (line: string) => void): Promise<Figures> {
  const out: Figures = {};
  const cases: Case[] = [];
  for (const [w, h] of [
    [1280, 720],
    [640, 360],
  ]) {
    try {
      const { scene, tick } = await scenarioScene(w, h);
      cases.push({ name: `scenario01_${w}x${h}`, scene, tick, frames: w > 1000 ? 6 : 10 });
    } catch (err) {
      log(`scenario scene unavailable (${(err as Error).message}); fixture scene only`);
    }
    if (w > 1000) cases.push({ name: `fixture_${w}x${h}`, scene: street(w, h), tick: 0, frames: 6 });
  }
  log(
    'scenes: scenario01 = scenarios/01-pedestrian-behind-van.yaml built by src/scene/buildScene.ts (export quality, night, rain, camera effects); fixture = a street of boxes (render/page/primitiveScene.ts, sun + shadows, no effects)',
  );
  log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  const main = cases[0]!;
  // The software rasterizers side by side on the main case (a GPU, where one exists, is reported by auto below).
  for (const rasterizer of ['llvmpipe', 'swiftshader'] as const) {
    const host = createRenderHost({ pages: 1, rasterizer });
    try {
      await host.open();
    } catch (err) {
      log(`${rasterizer}: unavailable (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    try {
      log(`${rasterizer}: ${host.glRenderer}`);
      await measure(host, { ...main, frames: 3 }, 1, log, out, `_${rasterizer}`);
    } finally {
      await host.close();
    }
  }
  const host = createRenderHost({ pages: 2 });
  await host.open();
  log(`browser: ${host.browserInfo?.executablePath}; rasterizer chosen by auto: ${host.rasterizer} (${host.glRenderer})`);
  out.renderer = host.glRenderer ?? 'unknown';
  try {
    await profile(host, main, log, out);
    await cpuPerFrame(host, { ...main, frames: 12 }, log, out);
    // A daylight scene too: scenario 01 is at night, where no sun shadow is drawn.
    const day = await scenarioScene(1280, 720, '07-cyclist-door-swerve');
    await profile(host, { name: 'scenario07_1280x720', scene: day.scene, tick: day.tick, frames: 3 }, log, out);
    for (const c of cases) await measure(host, c, 1, log, out);
    // Where the labeled frame's cost lies: the RGB image alone, and the label images without it.
    await measure(host, main, 1, log, out, '_rgbOnly', ['rgb']);
    await measure(host, main, 1, log, out, '_withoutRgb', ['instance', 'semantic', 'depth']);
    const parallel = cases.find((c) => c.name === 'scenario01_640x360');
    if (parallel) await measure(host, parallel, 2, log, out);
  } finally {
    await host.close();
  }
  return out;
}
