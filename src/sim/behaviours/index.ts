/** Behaviour modules by name. */
import type { Behaviour, BehaviourName } from '../../scenario/types.js';
import { accelerate } from './accelerate.js';
import { brake } from './brake.js';
import { cross } from './cross.js';
import { cutIn } from './cutIn.js';
import { keepLane } from './keepLane.js';
import { laneChange } from './laneChange.js';
import type { BehaviourModule } from './module.js';
import { openDoor } from './openDoor.js';
import { park } from './park.js';
import { signals } from './signals.js';
import { stop } from './stop.js';
import { swerve } from './swerve.js';
import { turn } from './turn.js';
import { walk } from './walk.js';
import { wrongWay } from './wrongWay.js';

type ModuleTable = { [K in BehaviourName]: BehaviourModule<Extract<Behaviour, { do: K }>> };

const MODULES: ModuleTable = { keepLane, brake, accelerate, laneChange, cutIn, turn, signals, wrongWay, park, openDoor, swerve, cross, walk, stop };

export function behaviourModule(name: BehaviourName): BehaviourModule {
  return MODULES[name] as BehaviourModule;
}
