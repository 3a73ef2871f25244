/** Pedestrians: an articulated figure animated by gait phase and speed, with an optional mobility aid. */
import * as THREE from 'three';
import type { PersonLook } from '../../scenario/types.js';
import { STATE_COLUMN } from '../../sim/types.js';
import type { ActorRig } from './ActorRig.js';
import { sceneColour, type MaterialLibrary } from '../materials/materialLibrary.js';
import { buildMobilityAid, type AidParts } from './mobilityAids.js';
import { gaitAngles, newPose, PersonFigure, type PoseAngles } from './PersonFigure.js';
import { tagTree } from '../materials/tagging.js';

/** Speed above which people run [m/s]; below 0.1 they stand. */
const RUN_MPS = 2.6;

/** 0 stands, 1 walks, 2 runs, interpolated on speed [m/s]. */
export function strideFor(speedMps: number): number {
  if (speedMps < 0.1) return 0;
  if (speedMps < 0.6) return speedMps / 0.6;
  return 1 + Math.max(0, Math.min(1, (speedMps - RUN_MPS + 0.6) / 1.2));
}

export class PedestrianRig implements ActorRig {
  readonly root = new THREE.Object3D();
  private readonly figure: PersonFigure;
  private readonly aid: AidParts | null;
  private readonly angles: PoseAngles = newPose();

  constructor(lib: MaterialLibrary, person: PersonLook, shadows: boolean) {
    this.figure = new PersonFigure(lib, {
      heightM: person.heightM,
      ageGroup: person.ageGroup,
      skinTone: person.skinTone,
      top: sceneColour(person.topColour),
      bottom: sceneColour(person.bottomColour),
    });
    this.aid = buildMobilityAid(lib, person.mobilityAid, this.figure);
    if (this.aid) {
      this.figure.root.position.set(this.aid.figureX, this.aid.figureY, 0);
      this.root.add(this.aid.group);
    }
    this.root.add(this.figure.root);
    tagTree(this.root, 'pedestrian', { cast: shadows, receive: shadows });
  }

  animate(states: Float64Array, o: number): void {
    const speed = Math.hypot(states[o + STATE_COLUMN.vx] as number, states[o + STATE_COLUMN.vy] as number);
    const stride = this.aid?.wheels.length ? 0 : strideFor(speed);
    gaitAngles(states[o + STATE_COLUMN.gaitPhase] as number, stride, this.angles);
    if (this.aid) {
      this.aid.adjust(this.angles);
      const spin = states[o + STATE_COLUMN.wheelSpinRad] as number;
      for (const w of this.aid.wheels) w.rotation.z = -spin;
    }
    this.figure.pose(this.angles);
  }
}
