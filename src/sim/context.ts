/** What behaviours, triggers and controllers may look at during one tick. */
import type { RoadNetwork } from '../road/types.js';
import type { ScenarioInstance } from '../scenario/types.js';
import type { SimActor } from './actor.js';
import type { SimEvent } from './types.js';

export interface SimContext {
  readonly network: RoadNetwork;
  readonly instance: ScenarioInstance;
  readonly actors: readonly SimActor[];
  readonly ego: SimActor;
  readonly byId: ReadonlyMap<string, SimActor>;
  readonly dtS: number;
  readonly durationS: number;
  /** Friction-limited deceleration mu * g [m/s^2]. */
  readonly muG: number;
  tick: number;
  timeS: number;
  /** Time to collision of each actor with the ego at the last recorded tick [s]. */
  readonly ttcWithEgoS: Float64Array;
  readonly events: SimEvent[];
}
