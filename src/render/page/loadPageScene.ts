/**
 * Builds the SceneRig of a page scene: primitive scenes directly; scenarios from their replay
 * (the instance, the simulated trajectory fetched from the host, the scene seed) through
 * sceneInput, which rebuilds the road network by the same rule as in Node (rendering never
 * re-simulates).
 */
import { buildScene } from '../../scene/buildScene.js';
import { sceneInput } from '../../scene/sceneInput.js';
import { decodeTrajectory } from '../../sim/trajectoryFile.js';
import { DEFAULT_ANTIALIAS, type PageScene, type ScenarioScenePage } from '../request.js';
import type { LoadedScene } from './renderSession.js';
import { buildPrimitiveScene } from './primitiveScene.js';

/** Step of the (static) primitive scenes [s]; they have no trajectory. */
const PRIMITIVE_DT_S = 0.05;

async function loadScenario(scene: ScenarioScenePage): Promise<LoadedScene> {
  const res = await fetch(scene.trajectoryUrl);
  if (!res.ok) throw new Error(`render page: trajectory ${scene.trajectoryUrl} gave HTTP ${res.status}`);
  const trajectory = decodeTrajectory(new Uint8Array(await res.arrayBuffer()));
  const { instance, seed, quality } = scene;
  const rig = buildScene(sceneInput({ instance, trajectory, seed }, quality));
  return {
    rig,
    widthPx: instance.ego.camera.widthPx,
    heightPx: instance.ego.camera.heightPx,
    seed,
    dtS: trajectory.dtS,
    antialias: quality === 'export' ? (scene.antialias ?? DEFAULT_ANTIALIAS) : 'none',
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
        antialias: scene.antialias ?? DEFAULT_ANTIALIAS,
      };
    case 'scenario':
      return loadScenario(scene);
  }
}
