/** Scenario instances and road networks for simulation tests, made in code. */
import { buildRoadNetwork } from '../../src/road/buildRoadNetwork.js';
import type { RoadNetwork } from '../../src/road/types.js';
import { applyDefaults } from '../../src/scenario/defaults.js';
import type { ScenarioInstance, SpecNode } from '../../src/scenario/types.js';

export interface Fixture {
  instance: ScenarioInstance;
  network: RoadNetwork;
}

/** A straight road `lengthM` long with the given extras (lanes, weather, actors ...). */
export function straightRoadScenario(spec: { [key: string]: SpecNode }, lengthM = 600): Fixture {
  const road = (spec.road ?? {}) as { [key: string]: SpecNode };
  const full: { [key: string]: SpecNode } = {
    version: 1,
    name: 'test',
    ...spec,
    road: { blocks: [{ kind: 'straight', lengthM }], ...road },
  };
  const instance = applyDefaults(full);
  return { instance, network: buildRoadNetwork(instance.road, instance.weather) };
}
