/**
 * A catalog scenario made ready to render in a page (Node side): checked, sampled (design
 * 'random', seed 7, sample 0), simulated, at 1280x720 by default. The trajectory travels as
 * the trajectory file's bytes in base64, so the page rebuilds exactly what the renderer does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkScenario } from '../../src/scenario/load.js';
import { sampleScenario } from '../../src/sampling/sample.js';
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import { simulate } from '../../src/sim/simulate.js';
import { encodeTrajectory } from '../../src/sim/trajectoryFile.js';
import type { CatalogScenePayload } from './framePage.js';

/** Path of a catalog scenario file by its file name (e.g. '07-cyclist-door-swerve.yaml'). */
export function catalogFile(name: string): string {
  return fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));
}

/** Samples and simulates a catalog scenario; the tick is two thirds in (the action, most actors near). */
export function catalogScene(name: string, widthPx = 1280, heightPx = 720): CatalogScenePayload {
  const file = catalogFile(name);
  const checked = checkScenario(readFileSync(file, 'utf8'), file);
  if (!checked.spec) throw new Error(`${file}: ${checked.errors.map((e) => e.message).join('; ')}`);
  const s = sampleScenario(checked.spec, { seed: 7, design: 'random', index: 0 });
  const instance = structuredClone(s.instance);
  instance.ego.camera.widthPx = widthPx;
  instance.ego.camera.heightPx = heightPx;
  const sim = simulate(instance, buildRoadNetwork(instance.road, instance.weather));
  return {
    name,
    instance,
    trajectoryB64: Buffer.from(encodeTrajectory(sim.trajectory)).toString('base64'),
    seed: s.seed,
    tick: Math.floor((2 * sim.trajectory.ticks) / 3),
  };
}
