/** A motorcycle with a helmeted rider (motorcycle and rider semantic classes, one track). */
import * as THREE from 'three';
import type { Size } from '../../scenario/types.js';
import { STATE_COLUMN } from '../../sim/types.js';
import type { ActorRig } from './ActorRig.js';
import { legReach } from './legReach.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';
import { newPose, PersonFigure } from './PersonFigure.js';
import { rod } from './rod.js';
import { tagTree } from '../materials/tagging.js';
import { VehicleGlows } from './VehicleGlows.js';
import { VehicleLamps } from './vehicleLamps.js';
import { makeWheel, poseWheel, type Wheel } from './wheelRig.js';

export class MotorcycleRig implements ActorRig {
  readonly root = new THREE.Object3D();
  private readonly wheels: Wheel[];
  private readonly lamps = new VehicleLamps();
  private readonly glows: VehicleGlows;

  /** `glow` 0..1: strength of lamp halos (dark, fog). */
  constructor(lib: MaterialLibrary, colour: THREE.Color, size: Size, shadows: boolean, glow: number) {
    const L = size.lengthM;
    const r = Math.min(0.32, 0.16 * L);
    const paint = lib.paint(colour);
    const dark = lib.standard('chassis', { colour: 0x202022, roughness: 0.8 });
    const metal = lib.standard('rim', { colour: 0x9a9ca0, roughness: 0.4, metalness: 0.6 });
    const bike = new THREE.Object3D();
    const front = L / 2 - r;
    const rear = -L / 2 + r;
    bike.add(
      part(lib.box, paint, 0.5, 0.22, 0.3, 0.12, r + 0.42, 0),
      part(lib.box, dark, 0.62, 0.1, 0.28, -0.3, r + 0.36, 0),
      part(lib.box, dark, 0.45, 0.3, 0.3, 0.0, r + 0.08, 0),
      part(lib.box, paint, 0.35, 0.08, 0.2, rear + 0.05, r + 0.3, 0),
      rod(lib, metal, front, r, front - 0.22, r + 0.62, 0.09, 0.04),
      rod(lib, metal, front, r, front - 0.22, r + 0.62, -0.09, 0.04),
      rod(lib, dark, rear, r, 0, r + 0.15, 0, 0.06),
      part(lib.box, dark, 0.04, 0.04, 0.7, front - 0.28, r + 0.66, 0),
    );
    bike.add(part(lib.box, this.lamps.head, 0.05, 0.12, 0.14, front - 0.12, r + 0.52, 0));
    bike.add(part(lib.box, this.lamps.tail, 0.04, 0.06, 0.14, rear - 0.12, r + 0.35, 0));
    bike.add(part(lib.box, this.lamps.indicatorLeft, 0.05, 0.04, 0.05, front - 0.15, r + 0.5, -0.2));
    bike.add(part(lib.box, this.lamps.indicatorRight, 0.05, 0.04, 0.05, front - 0.15, r + 0.5, 0.2));
    this.glows = new VehicleGlows(
      lib,
      [
        { kind: 'head', x: front - 0.05, y: r + 0.52, z: 0 },
        { kind: 'tail', x: rear - 0.18, y: r + 0.35, z: 0 },
      ],
      0.7,
      glow,
    );
    bike.add(this.glows.points);
    this.wheels = [makeWheel(lib, r, 0.14, front, r, 0, 1), makeWheel(lib, r, 0.16, rear, r, 0, 1)];
    for (const w of this.wheels) bike.add(w.steer);
    tagTree(bike, 'motorcycle', { cast: shadows, receive: shadows });

    const rider = new PersonFigure(lib, {
      heightM: Math.min(1.8, Math.max(1.5, size.heightM + 0.25)),
      ageGroup: 'adult',
      skinTone: 'III',
      top: new THREE.Color(0x1b1b1f),
      bottom: new THREE.Color(0x232a38),
      helmet: true,
    });
    const seatX = -0.22;
    const seatY = r + 0.43;
    rider.root.position.set(seatX, seatY - rider.hipY, 0);
    const pose = newPose();
    const leg = legReach(seatX, seatY, 0.05, r + 0.12, rider.thighM, rider.shinM, { hip: 0, knee: 0 });
    pose.hipL = pose.hipR = leg.hip;
    pose.kneeL = pose.kneeR = leg.knee;
    pose.lean = 0.45;
    pose.shoulderL = pose.shoulderR = 1.05;
    pose.elbowL = pose.elbowR = 0.3;
    rider.pose(pose);
    tagTree(rider.root, 'rider', { cast: shadows, receive: shadows });
    this.root.add(bike, rider.root);
  }

  animate(states: Float64Array, o: number, timeS: number): void {
    const spin = states[o + STATE_COLUMN.wheelSpinRad] as number;
    poseWheel(this.wheels[0] as Wheel, states[o + STATE_COLUMN.steerRad] as number, spin);
    poseWheel(this.wheels[1] as Wheel, 0, spin);
    this.lamps.update(states[o + STATE_COLUMN.lights] as number, timeS);
    this.glows.update(states[o + STATE_COLUMN.lights] as number, timeS);
  }
}
