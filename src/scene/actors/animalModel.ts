/**
 * Quadrupeds by species, modelled in a unit box (x length, y height, z width) and scaled to
 * the actor's size; legs trot with the gait phase.
 */
import * as THREE from 'three';
import type { AnimalSpecies, Size } from '../../scenario/types.js';
import { STATE_COLUMN } from '../../sim/types.js';
import type { ActorRig } from './ActorRig.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';
import { rod } from './rod.js';
import { tagTree } from '../materials/tagging.js';

interface SpeciesLook {
  coat: number;
  /** Leg length as a fraction of height. */
  leg: number;
  /** Head height as a fraction of height. */
  head: number;
  antlers: boolean;
  tail: number;
}

const SPECIES: Record<AnimalSpecies, SpeciesLook> = {
  deer: { coat: 0x8a5a32, leg: 0.55, head: 0.95, antlers: true, tail: 0.08 },
  dog: { coat: 0x6b4a2b, leg: 0.5, head: 0.92, antlers: false, tail: 0.25 },
  boar: { coat: 0x3b2f28, leg: 0.4, head: 0.6, antlers: false, tail: 0.1 },
  cow: { coat: 0x2b2622, leg: 0.45, head: 0.75, antlers: false, tail: 0.3 },
  horse: { coat: 0x6e3f22, leg: 0.55, head: 0.97, antlers: false, tail: 0.3 },
  fox: { coat: 0xc8641e, leg: 0.45, head: 0.85, antlers: false, tail: 0.4 },
  moose: { coat: 0x3a2a1e, leg: 0.58, head: 0.9, antlers: true, tail: 0.05 },
};

export class AnimalRig implements ActorRig {
  readonly root = new THREE.Object3D();
  private readonly legs: THREE.Object3D[] = [];

  constructor(lib: MaterialLibrary, species: AnimalSpecies, size: Size, shadows: boolean) {
    const look = SPECIES[species];
    const coat = lib.standard(`coat:${species}`, { colour: look.coat, roughness: 0.95 });
    const horn = lib.standard('antler', { colour: 0xcdb891, roughness: 0.8 });
    const body = new THREE.Object3D();
    body.scale.set(size.lengthM, size.heightM, size.widthM);
    const legY = look.leg;
    const torsoH = Math.min(0.4, (look.head - legY) * 1.4 + 0.2);
    body.add(part(lib.sphere, coat, 0.32, torsoH / 2, 0.45, -0.06, legY + torsoH / 2 - 0.05, 0));
    const headX = 0.38;
    const headY = look.head - 0.07;
    body.add(rod(lib, coat, 0.18, legY + torsoH * 0.5, headX - 0.03, headY, 0, 0.1));
    body.add(part(lib.sphere, coat, 0.1, 0.07, 0.22, headX, headY, 0));
    body.add(part(lib.sphere, coat, 0.07, 0.045, 0.15, headX + 0.09, headY - 0.02, 0));
    if (look.antlers) {
      for (const z of [0.15, -0.15]) body.add(rod(lib, horn, headX - 0.02, headY + 0.05, headX - 0.06, Math.min(1, headY + 0.18), z, 0.02));
    }
    body.add(rod(lib, coat, -0.38, legY + torsoH * 0.6, -0.38 - look.tail * 0.6, legY + torsoH * 0.6 - look.tail, 0, 0.04));
    for (const x of [0.2, -0.3]) {
      for (const z of [0.25, -0.25]) {
        const pivot = new THREE.Object3D();
        pivot.position.set(x, legY + 0.02, z);
        pivot.add(part(lib.limb, coat, 0.05, legY + 0.02, 0.16));
        body.add(pivot);
        this.legs.push(pivot);
      }
    }
    this.root.add(body);
    tagTree(this.root, 'animal', { cast: shadows, receive: shadows });
  }

  animate(states: Float64Array, o: number): void {
    const speed = Math.hypot(states[o + STATE_COLUMN.vx] as number, states[o + STATE_COLUMN.vy] as number);
    const amp = Math.min(0.5, speed * 0.25);
    const s = Math.sin((states[o + STATE_COLUMN.gaitPhase] as number) * 2 * Math.PI) * amp;
    // Trot: diagonal legs move together.
    (this.legs[0] as THREE.Object3D).rotation.z = s;
    (this.legs[3] as THREE.Object3D).rotation.z = s;
    (this.legs[1] as THREE.Object3D).rotation.z = -s;
    (this.legs[2] as THREE.Object3D).rotation.z = -s;
  }
}
