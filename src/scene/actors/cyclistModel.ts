/** A bicycle with a pedalling rider (bicycle and rider semantic classes, one track). */
import * as THREE from 'three';
import type { PersonLook, Size } from '../../scenario/types.js';
import { STATE_COLUMN } from '../../sim/types.js';
import type { ActorRig } from './ActorRig.js';
import { legReach, type LegAngles } from './legReach.js';
import { sceneColour, type MaterialLibrary } from '../materials/materialLibrary.js';
import { newPose, PersonFigure, type PoseAngles } from './PersonFigure.js';
import { rod } from './rod.js';
import { tagTree } from '../materials/tagging.js';
import { makeWheel, poseWheel, type Wheel } from './wheelRig.js';

const CRANK_M = 0.17;

export class CyclistRig implements ActorRig {
  readonly root = new THREE.Object3D();
  private readonly rider: PersonFigure;
  private readonly wheels: Wheel[];
  private readonly angles: PoseAngles = newPose();
  private readonly leg: LegAngles = { hip: 0, knee: 0 };
  private readonly crankY: number;
  private readonly saddleX: number;
  private readonly crank = new THREE.Object3D();

  constructor(lib: MaterialLibrary, person: PersonLook, colour: string, size: Size, shadows: boolean) {
    const bike = new THREE.Object3D();
    const frame = lib.paint(sceneColour(colour));
    const dark = lib.standard('chassis', { colour: 0x202022, roughness: 0.8 });
    const r = 0.34;
    const wb = Math.min(1.1, size.lengthM - 2 * r);
    const rear = -wb / 2;
    const front = wb / 2;
    this.crankY = r - 0.04;
    const legLen = 0.245 * person.heightM + (0.525 * person.heightM - 0.275 * person.heightM);
    const saddleY = this.crankY + 0.9 * legLen;
    this.saddleX = rear + 0.3;
    const barX = front - 0.12;
    const barY = saddleY + 0.05;
    bike.add(
      rod(lib, frame, rear, r, 0, this.crankY, 0, 0.035),
      rod(lib, frame, 0, this.crankY, this.saddleX, saddleY - 0.08, 0, 0.04),
      rod(lib, frame, this.saddleX, saddleY - 0.08, rear, r, 0, 0.03),
      rod(lib, frame, 0, this.crankY, barX, barY - 0.12, 0, 0.045),
      rod(lib, frame, this.saddleX + 0.02, saddleY - 0.1, barX, barY - 0.1, 0, 0.04),
      rod(lib, frame, barX, barY - 0.12, front, r, 0, 0.03),
    );
    const bar = new THREE.Mesh(lib.box, dark);
    bar.scale.set(0.04, 0.03, 0.55);
    bar.position.set(barX, barY, 0);
    const saddle = new THREE.Mesh(lib.box, dark);
    saddle.scale.set(0.24, 0.05, 0.12);
    saddle.position.set(this.saddleX, saddleY, 0);
    this.crank.position.set(0, this.crankY, 0);
    this.crank.add(rod(lib, dark, 0, 0, CRANK_M, 0, 0.07, 0.025), rod(lib, dark, 0, 0, -CRANK_M, 0, -0.07, 0.025));
    bike.add(bar, saddle, this.crank);
    this.wheels = [makeWheel(lib, r, 0.04, front, r, 0, 1), makeWheel(lib, r, 0.04, rear, r, 0, 1)];
    for (const w of this.wheels) bike.add(w.steer);
    tagTree(bike, 'bicycle', { cast: shadows, receive: shadows });

    this.rider = new PersonFigure(lib, {
      heightM: person.heightM,
      ageGroup: person.ageGroup,
      skinTone: person.skinTone,
      top: sceneColour(person.topColour),
      bottom: sceneColour(person.bottomColour),
    });
    this.rider.root.position.set(this.saddleX, saddleY + 0.03 - this.rider.hipY, 0);
    tagTree(this.rider.root, 'rider', { cast: shadows, receive: shadows });
    this.root.add(bike, this.rider.root);
  }

  animate(states: Float64Array, o: number): void {
    const spin = states[o + STATE_COLUMN.wheelSpinRad] as number;
    poseWheel(this.wheels[0] as Wheel, states[o + STATE_COLUMN.steerRad] as number, spin);
    poseWheel(this.wheels[1] as Wheel, 0, spin);
    const crankRad = (states[o + STATE_COLUMN.gaitPhase] as number) * 2 * Math.PI;
    this.crank.rotation.z = -crankRad;
    const a = this.angles;
    const fig = this.rider;
    // Hip in the bike frame is the saddle; pedals circle the crank axle.
    const hx = this.saddleX;
    const hy = fig.root.position.y + fig.hipY;
    const c = Math.cos(crankRad);
    const s = Math.sin(crankRad);
    legReach(hx, hy, c * CRANK_M, this.crankY - s * CRANK_M, fig.thighM, fig.shinM, this.leg);
    a.hipL = this.leg.hip;
    a.kneeL = this.leg.knee;
    legReach(hx, hy, -c * CRANK_M, this.crankY + s * CRANK_M, fig.thighM, fig.shinM, this.leg);
    a.hipR = this.leg.hip;
    a.kneeR = this.leg.knee;
    a.lean = 0.55;
    a.shoulderL = a.shoulderR = 0.95;
    a.elbowL = a.elbowR = 0.35;
    a.bobM = 0;
    fig.pose(a);
  }
}
