/**
 * Vehicles (car, van, truck, bus) built from a side profile extruded across the width, with
 * glass, steering and spinning wheels, lamps that follow the light bits and an opening door.
 */
import * as THREE from 'three';
import type { Side, Size, VehicleKind } from '../../scenario/types.js';
import { STATE_COLUMN } from '../../sim/types.js';
import type { ActorRig } from './ActorRig.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';
import { tagTree } from '../materials/tagging.js';
import { VEHICLE_PLANS, type BoxFrac, type Profile } from './vehiclePlans.js';
import { VehicleGlows, type GlowKind } from './VehicleGlows.js';
import { VehicleLamps } from './vehicleLamps.js';
import { makeWheel, poseWheel, type Wheel } from './wheelRig.js';

export interface VehicleLook {
  kind: Exclude<VehicleKind, 'motorcycle'>;
  size: Size;
  colour: THREE.Color;
  /** Side of the door that opens (from an openDoor behaviour); left by default. */
  doorSide: Side;
  shadows: boolean;
  /** Strength 0..1 of the lamp halos (dark, fog); 0 draws none. */
  glow: number;
}

function extruded(profile: Profile, size: Size, widthFrac: number): THREE.ExtrudeGeometry {
  const shape = new THREE.Shape(profile.map(([x, y]) => new THREE.Vector2(x * size.lengthM, y * size.heightM)));
  const depth = size.widthM * widthFrac;
  const g = new THREE.ExtrudeGeometry(shape, { depth, bevelEnabled: false, curveSegments: 1 });
  g.translate(0, 0, -depth / 2);
  return g;
}

function boxPart(lib: MaterialLibrary, b: BoxFrac, size: Size, mat: THREE.Material): THREE.Mesh {
  const L = size.lengthM;
  const H = size.heightM;
  return part(lib.box, mat, (b.x1 - b.x0) * L, (b.y1 - b.y0) * H, b.w * size.widthM, ((b.x0 + b.x1) / 2) * L, ((b.y0 + b.y1) / 2) * H, 0);
}

export class VehicleRig implements ActorRig {
  readonly root = new THREE.Object3D();
  private readonly wheels: Wheel[] = [];
  private readonly steered: boolean[] = [];
  private readonly lamps = new VehicleLamps();
  private readonly glows: VehicleGlows;
  private readonly door: THREE.Object3D | null = null;
  private readonly doorSign: number;

  constructor(lib: MaterialLibrary, look: VehicleLook) {
    const plan = VEHICLE_PLANS[look.kind];
    const { lengthM: L, widthM: W, heightM: H } = look.size;
    const sizeKey = `${look.kind}:${L.toFixed(2)}:${W.toFixed(2)}:${H.toFixed(2)}`;
    const paint = lib.paint(look.colour);
    const glass = lib.standard('glass', { colour: 0x1c2630, roughness: 0.08, metalness: 0.2 });
    const neutral = lib.standard('cargo', { colour: 0xd9dadc, roughness: 0.7 });
    const dark = lib.standard('chassis', { colour: 0x202022, roughness: 0.8 });

    const body = new THREE.Mesh(
      lib.geometry(`body:${sizeKey}`, () => extruded(plan.body, look.size, 1)),
      paint,
    );
    const windows = new THREE.Mesh(
      lib.geometry(`glass:${sizeKey}`, () => extruded(plan.glass, look.size, plan.glassWidth)),
      glass,
    );
    this.root.add(body, windows);
    if (plan.roof) this.root.add(boxPart(lib, plan.roof, look.size, paint));
    if (plan.cargo) this.root.add(boxPart(lib, plan.cargo, look.size, neutral));
    if (plan.chassis) this.root.add(boxPart(lib, plan.chassis, look.size, dark));

    const r = plan.wheelRadiusFrac * H;
    const tyreW = Math.min(0.35, 0.13 * W);
    plan.axles.forEach((ax, i) => {
      for (const side of [1, -1]) {
        // side 1 = left = three -z.
        const w = makeWheel(lib, r, tyreW, ax * L, r, -side * (W / 2 - tyreW / 2 - 0.02), -side);
        this.wheels.push(w);
        this.steered.push(i === 0);
        this.root.add(w.steer);
      }
    });

    this.addLamps(lib, look.size, plan.headY, plan.tailY);
    this.glows = this.addGlows(lib, look.size, plan.headY, plan.tailY, look.glow);
    this.doorSign = look.doorSide === 'left' ? 1 : -1;
    if (plan.door) this.door = this.addDoor(lib, plan.door, look.size, paint);
    tagTree(this.root, look.kind, { cast: look.shadows, receive: look.shadows });
  }

  private addLamps(lib: MaterialLibrary, size: Size, headY: number, tailY: number): void {
    const { lengthM: L, widthM: W, heightM: H } = size;
    const lampH = Math.min(0.14, 0.08 * H);
    const lampW = Math.min(0.32, 0.17 * W);
    const inset = lampW / 2 + 0.08;
    for (const side of [1, -1]) {
      const z = -side * (W / 2 - inset);
      this.root.add(part(lib.box, this.lamps.head, 0.04, lampH, lampW, L / 2 + 0.005, headY * H, z));
      this.root.add(part(lib.box, this.lamps.tail, 0.04, lampH, lampW, -L / 2 - 0.005, tailY * H, z));
      const ind = side === 1 ? this.lamps.indicatorLeft : this.lamps.indicatorRight;
      const zi = -side * (W / 2 - 0.05);
      this.root.add(part(lib.box, ind, 0.04, lampH * 0.7, 0.08, L / 2 + 0.005, headY * H, zi));
      this.root.add(part(lib.box, ind, 0.04, lampH * 0.7, 0.08, -L / 2 - 0.005, tailY * H + lampH, zi));
    }
    this.root.add(part(lib.box, this.lamps.reverse, 0.04, lampH * 0.6, 0.12, -L / 2 - 0.005, tailY * H - lampH, 0));
  }

  private addGlows(lib: MaterialLibrary, size: Size, headY: number, tailY: number, strength: number): VehicleGlows {
    const { lengthM: L, widthM: W, heightM: H } = size;
    const z = W / 2 - Math.min(0.32, 0.17 * W) / 2 - 0.08;
    const spots: { kind: GlowKind; x: number; y: number; z: number }[] = [];
    for (const side of [1, -1]) {
      spots.push({ kind: 'head', x: L / 2 + 0.08, y: headY * H, z: -side * z });
      spots.push({ kind: 'tail', x: -L / 2 - 0.08, y: tailY * H, z: -side * z });
      spots.push({ kind: side === 1 ? 'indicatorLeft' : 'indicatorRight', x: -L / 2 - 0.08, y: tailY * H + 0.1, z: -side * (W / 2 - 0.05) });
    }
    const glows = new VehicleGlows(lib, spots, 1.4, strength);
    this.root.add(glows.points);
    return glows;
  }

  private addDoor(lib: MaterialLibrary, d: BoxFrac, size: Size, paint: THREE.Material): THREE.Object3D {
    const { lengthM: L, widthM: W, heightM: H } = size;
    const hinge = new THREE.Object3D();
    hinge.position.set(d.x1 * L, 0, -this.doorSign * (W / 2 + 0.015));
    const len = (d.x1 - d.x0) * L;
    hinge.add(part(lib.box, paint, len, (d.y1 - d.y0) * H, 0.03, -len / 2, ((d.y0 + d.y1) / 2) * H, 0));
    this.root.add(hinge);
    return hinge;
  }

  animate(states: Float64Array, o: number, timeS: number): void {
    const steer = states[o + STATE_COLUMN.steerRad] as number;
    const spin = states[o + STATE_COLUMN.wheelSpinRad] as number;
    for (let i = 0; i < this.wheels.length; i++) poseWheel(this.wheels[i] as Wheel, this.steered[i] ? steer : 0, spin);
    this.lamps.update(states[o + STATE_COLUMN.lights] as number, timeS);
    this.glows.update(states[o + STATE_COLUMN.lights] as number, timeS);
    // Doors swing up to 70 degrees, the rear edge outwards.
    if (this.door) this.door.rotation.y = -this.doorSign * (states[o + STATE_COLUMN.door] as number) * 1.22;
  }
}
