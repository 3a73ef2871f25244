/**
 * What a scene replays: a sampled instance, its simulated trajectory and the scene seed. Plain
 * data, so it travels as is from Node (where physics runs) to a render page or the studio's
 * viewport (which only replay). Both sides derive the rest with the rules here: the road
 * network from the instance, the scene seed from the sample. simulateSample.ts makes a Replay
 * in Node; scene/sceneInput.ts turns one into the scene builder's input.
 *
 * No physics is imported here: the render page bundles this file.
 */
import { buildRoadNetwork } from '../road/buildRoadNetwork.js';
import type { RoadNetwork } from '../road/types.js';
import { sceneSeed } from '../sampling/sceneSeed.js';
import type { SampledInstance, ScenarioInstance } from '../scenario/types.js';
import type { Trajectory } from './types.js';

export interface Replay {
  instance: ScenarioInstance;
  trajectory: Trajectory;
  /** Seed of everything random in the scene that is not a scenario value (sampling/sceneSeed.ts). */
  seed: number;
}

/**
 * The road network of an instance. Pure: the simulation in Node and the scene in the page each
 * build it from the instance and get the same network.
 */
export function roadNetworkOf(instance: Pick<ScenarioInstance, 'road' | 'weather'>): RoadNetwork {
  return buildRoadNetwork(instance.road, instance.weather);
}

/** The replay of sample `index` of run seed `seed`: the one place the scene seed is chosen. */
export function replayOf(sample: Pick<SampledInstance, 'instance' | 'seed' | 'index'>, trajectory: Trajectory): Replay {
  return { instance: sample.instance, trajectory, seed: sceneSeed(sample.seed, sample.index) };
}
