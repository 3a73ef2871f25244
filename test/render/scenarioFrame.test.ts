/**
 * A simulated scenario replayed in the render page: the page rebuilds road and scene from the
 * instance and poses it from the trajectory. Small frames at preview quality keep it quick.
 * Skipped (with the reason printed) only when no browser is installed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from 'fast-png';
import { createRenderHost, type RenderHost, type ScenarioScene } from '../../src/dataset/renderHost.js';
import { checkScenario } from '../../src/scenario/load.js';
import { browserMissing } from './fixtures.js';
import { sampleScenario } from '../../src/sampling/sample.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { simulate } from '../../src/sim/simulate.js';

const missing = browserMissing();
if (missing) console.log(`scenario frame tests skipped: ${missing}`);

function scenarioScene(): { scene: ScenarioScene; lateTick: number } {
  const file = 'scenarios/01-pedestrian-behind-van.yaml';
  const checked = checkScenario(readFileSync(file, 'utf8'), file);
  if (!checked.spec) throw new Error(checked.errors.map((e) => e.message).join('\n'));
  const s = sampleScenario(checked.spec, { seed: 7, design: 'random', index: 0 });
  const instance = structuredClone(s.instance);
  instance.ego.camera.widthPx = 320;
  instance.ego.camera.heightPx = 180;
  const sim = simulate(instance, buildRoadNetwork(instance.road, instance.weather));
  return {
    scene: { kind: 'scenario', key: s.hash, instance, trajectory: sim.trajectory, seed: s.seed, quality: 'preview' },
    lateTick: Math.floor((2 * sim.trajectory.ticks) / 3),
  };
}

describe.skipIf(missing !== null)('scenario frames', () => {
  let host: RenderHost;
  beforeAll(async () => {
    host = createRenderHost();
    await host.open();
  });
  afterAll(async () => {
    await host?.close();
  });

  it('labels only simulated actors, never the ego, with pixel counts matching the instance image', async () => {
    const { scene, lateTick } = scenarioScene();
    const f = await host.renderFrame({ scene, frame: 2, tick: lateTick });
    const actorIds = new Map(scene.trajectory.actors.map((a) => [a.trackId, a.id]));
    expect(f.labels.objects.length).toBeGreaterThan(0);
    for (const o of f.labels.objects) {
      expect(o.trackId).toBeGreaterThan(0);
      expect(actorIds.get(o.trackId)).toBe(o.actorId);
    }
    const png = decode(f.instance!);
    expect([png.width, png.height]).toEqual([320, 180]);
    const counts = new Map<number, number>();
    for (let i = 0; i < png.data.length; i += png.channels) {
      const id = png.data[i] + 256 * png.data[i + 1] + 65536 * png.data[i + 2];
      if (id !== 0) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, n] of counts) {
      expect(actorIds.has(id)).toBe(true);
      expect(f.labels.objects.find((o) => o.trackId === id)?.visiblePixels).toBe(n);
    }
    expect(f.labels.timeS).toBeCloseTo(lateTick * scene.trajectory.dtS, 9);
  });
});
