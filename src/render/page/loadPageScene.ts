/**
 * Builds the SceneRig of a page scene: primitive scenes directly; scenarios by rebuilding the
 * road network (pure, the same code as in Node) and the scene from the instance, then replaying
 * the simulated trajectory fetched from the host (rendering never re-simulates).
 */
import { buildRoadNetwork } from '../../road/buildRoadNetwork.js';
import { buildScene } from '../../scene/buildScene.js';
import { decodeTrajectory } from '../../sim/trajectoryFile.js';
import type { PageScene, ScenarioScenePage } from '../request.js';
import type { LoadedScene } from './renderSession.js';
import { buildPrimitiveScene } from './primitiveScene.js';

/** Step of the (static) primitive scenes [s]; they have no trajectory. */
const PRIMITIVE_DT_S = 0.05;

async function loadScenario(scene: ScenarioScenePage): Promise<LoadedScene> {
  const res = await fetch(scene.trajectoryUrl);
  if (!res.ok) throw new Error(`render page: trajectory ${scene.trajectoryUrl} gave HTTP ${res.status}`);
  const trajectory = decodeTrajectory(new Uint8Array(await res.arrayBuffer()));
  const { instance, seed, quality } = scene;
  const network = buildRoadNetwork(instance.road, instance.weather);
  const rig = buildScene({ instance, network, trajectory, seed, quality });
  return {
    rig,
    widthPx: instance.ego.camera.widthPx,
    heightPx: instance.ego.camera.heightPx,
    seed,
    dtS: trajectory.dtS,
    antialias: quality === 'export',
  };
}

export async function loadPageScene(scene: PageScene): Promise<LoadedScene> {
  switch (scene.kind) {
    case 'primitives':
      return {
        rig: buildPrimitiveScene(scene),
        widthPx: scene.widthPx,
        heightPx: scene.heightPx,
        seed: 0,
        dtS: PRIMITIVE_DT_S,
        antialias: scene.antialias !== false,
      };
    case 'scenario':
      return loadScenario(scene);
  }
}
