/**
 * Per-vehicle lamp materials whose emissive brightness follows the light bits: head, tail
 * (brighter when braking), reverse and the two indicator sides (blinking).
 */
import * as THREE from 'three';
import { LIGHT } from '../../sim/types.js';
import { blinkOn } from './blink.js';

const HEAD = new THREE.Color(0xfff4dc);
const RED = new THREE.Color(0xff1a0a);
const AMBER = new THREE.Color(0xff9a10);
const WHITE = new THREE.Color(0xffffff);

function lamp(base: number, emissive: THREE.Color): THREE.MeshStandardMaterial {
  return new THREE.MeshStandardMaterial({ color: base, emissive, emissiveIntensity: 0, roughness: 0.3 });
}

export class VehicleLamps {
  readonly head = lamp(0xd8d8d0, HEAD);
  readonly tail = lamp(0x7a0d08, RED);
  readonly reverse = lamp(0xd0d0d0, WHITE);
  readonly indicatorLeft = lamp(0xb86a10, AMBER);
  readonly indicatorRight = lamp(0xb86a10, AMBER);

  /** Sets brightness from a light bit set at time t [s]. */
  update(bits: number, timeS: number): void {
    this.head.emissiveIntensity = bits & LIGHT.head ? 6 : 0;
    this.tail.emissiveIntensity = bits & LIGHT.brake ? 8 : bits & LIGHT.tail ? 1.6 : 0;
    this.reverse.emissiveIntensity = bits & LIGHT.reverse ? 4 : 0;
    const blink = blinkOn(timeS);
    const hazard = (bits & LIGHT.hazard) !== 0;
    this.indicatorLeft.emissiveIntensity = blink && (hazard || (bits & LIGHT.indicatorLeft) !== 0) ? 6 : 0;
    this.indicatorRight.emissiveIntensity = blink && (hazard || (bits & LIGHT.indicatorRight) !== 0) ? 6 : 0;
  }

  dispose(): void {
    for (const m of [this.head, this.tail, this.reverse, this.indicatorLeft, this.indicatorRight]) m.dispose();
  }
}
