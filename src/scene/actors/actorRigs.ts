/**
 * One rig per simulated actor (the ego excluded: the camera rides it), with its track for
 * the labels, posed every tick from the trajectory without allocating.
 */
import * as THREE from 'three';
import type { ActorInstance, ActorKind, ScenarioInstance } from '../../scenario/types.js';
import type { LabelClass } from '../labelClasses.js';
import { stateRow, type TrackInfo, type Trajectory } from '../../sim/types.js';
import type { ActorRig } from './ActorRig.js';
import { AnimalRig } from './animalModel.js';
import { CyclistRig } from './cyclistModel.js';
import { setPoseFromState } from '../frame.js';
import { sceneColour, type MaterialLibrary } from '../materials/materialLibrary.js';
import { MotorcycleRig } from './motorcycleModel.js';
import { ObjectRig } from './objectModel.js';
import { PedestrianRig } from './pedestrianModel.js';
import type { TrackedObject } from '../types.js';
import { VehicleRig } from './vehicleModel.js';

export const LABEL_CLASS_OF: Record<ActorKind, LabelClass> = {
  car: 'Car',
  van: 'Van',
  truck: 'Truck',
  bus: 'Bus',
  motorcycle: 'Motorcycle',
  bicycle: 'Cyclist',
  pedestrian: 'Pedestrian',
  animal: 'Animal',
  object: 'Object',
};

const DEFAULT_PERSON = { heightM: 1.75, ageGroup: 'adult', mobilityAid: 'none', skinTone: 'III', topColour: 'grey', bottomColour: 'navy' } as const;

function rigFor(lib: MaterialLibrary, info: TrackInfo, actor: ActorInstance | undefined, shadows: boolean, glow: number): ActorRig {
  const colour = actor?.colour ?? 'grey';
  const size = info.size;
  switch (info.kind) {
    case 'car':
    case 'van':
    case 'truck':
    case 'bus': {
      const open = actor?.behaviours.find((b) => b.do === 'openDoor');
      const doorSide = open && open.do === 'openDoor' && open.side ? open.side : 'left';
      return new VehicleRig(lib, { kind: info.kind, size, colour: sceneColour(colour), doorSide, shadows, glow });
    }
    case 'motorcycle':
      return new MotorcycleRig(lib, sceneColour(colour), size, shadows, glow);
    case 'bicycle':
      return new CyclistRig(lib, actor?.person ?? { ...DEFAULT_PERSON, heightM: size.heightM }, colour, size, shadows);
    case 'pedestrian':
      return new PedestrianRig(lib, actor?.person ?? { ...DEFAULT_PERSON, heightM: size.heightM }, shadows);
    case 'animal':
      return new AnimalRig(lib, actor?.animal?.species ?? 'deer', size, shadows);
    case 'object':
      return new ObjectRig(lib, actor?.object?.shape ?? 'box', size, shadows);
  }
}

export class ActorRigs {
  readonly group = new THREE.Group();
  readonly tracks: TrackedObject[] = [];
  /** Rig per trajectory actor index (null for the ego). */
  private readonly rigs: (ActorRig | null)[] = [];

  /** `glow` 0..1: strength of vehicle lamp halos (dark, fog). */
  constructor(
    lib: MaterialLibrary,
    instance: ScenarioInstance,
    private readonly trajectory: Trajectory,
    shadows: boolean,
    glow: number,
  ) {
    this.group.name = 'actors';
    const byId = new Map(instance.actors.map((a) => [a.id, a]));
    trajectory.actors.forEach((info, i) => {
      if (i === 0) {
        this.rigs.push(null);
        return;
      }
      const rig = rigFor(lib, info, byId.get(info.id), shadows, glow);
      rig.root.name = info.id;
      rig.root.userData['trackId'] = info.trackId;
      this.group.add(rig.root);
      this.rigs.push(rig);
      this.tracks.push({ trackId: info.trackId, actorId: info.id, cls: LABEL_CLASS_OF[info.kind], root: rig.root, size: { ...info.size } });
    });
  }

  /** Poses every actor at a tick (clamped to the recorded range). */
  setTick(tick: number): void {
    const tr = this.trajectory;
    const k = Math.max(0, Math.min(tr.ticks - 1, tick));
    const n = tr.actors.length;
    const timeS = k * tr.dtS;
    const st = tr.states;
    for (let a = 1; a < n; a++) {
      const rig = this.rigs[a];
      if (!rig) continue;
      const o = stateRow(tr, k, a);
      setPoseFromState(rig.root, st, o);
      rig.animate(st, o, timeS);
    }
  }
}
