/**
 * The scene builder's input for a replay (sim/replay.ts): the road network rebuilt from the
 * instance by the same rule the simulation used, and the look asked for. The render page and
 * the studio's viewport both enter the scene here, so they draw the same world from the same
 * replay.
 */
import { type Replay, roadNetworkOf } from '../sim/replay.js';
import type { SceneInput, SceneQuality } from './types.js';

export function sceneInput(replay: Replay, quality: SceneQuality): SceneInput {
  const { instance, trajectory, seed } = replay;
  return { instance, network: roadNetworkOf(instance), trajectory, seed, quality };
}
