/**
 * Halos around a vehicle's lit lamps at dusk, night and in fog (APPEARANCE layer only): head
 * lamps white, tail and brake lamps red, indicators amber. One Points object per vehicle
 * whose vertex colours follow the same light bits as the lamp materials.
 */
import * as THREE from 'three';
import { LIGHT } from '../../sim/types.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { blinkOn } from './blink.js';
import { radialTexture, whiteAlpha } from '../lights/radialTexture.js';
import { tagAppearance } from '../materials/tagging.js';

const HEAD = new THREE.Color(0xfff1d8);
const TAIL = new THREE.Color(0xff2a10);
const AMBER = new THREE.Color(0xff9a10);

/** Soft round sprite, shared by every vehicle through the library. */
function makeSprite(): THREE.DataTexture {
  return radialTexture({ size: 32, falloff: (r) => Math.max(0, 1 - r) ** 2.5, texel: whiteAlpha, linear: true });
}

/** Which lamp each glow belongs to. */
export type GlowKind = 'head' | 'tail' | 'indicatorLeft' | 'indicatorRight';

export class VehicleGlows {
  readonly points: THREE.Points;
  private readonly colours: Float32Array;
  private readonly kinds: GlowKind[] = [];

  /** Glow positions in the vehicle frame; `strength` 0..1 (0: no halos, e.g. by day). */
  constructor(
    lib: MaterialLibrary,
    spots: readonly { kind: GlowKind; x: number; y: number; z: number }[],
    sizeM: number,
    private readonly strength: number,
  ) {
    const pos = new Float32Array(spots.length * 3);
    spots.forEach((s, i) => {
      pos.set([s.x, s.y, s.z], 3 * i);
      this.kinds.push(s.kind);
    });
    this.colours = new Float32Array(spots.length * 3);
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
    const c = new THREE.BufferAttribute(this.colours, 3);
    c.setUsage(THREE.DynamicDrawUsage);
    g.setAttribute('color', c);
    const m = new THREE.PointsMaterial({
      size: sizeM,
      map: lib.texture('glow-sprite', makeSprite),
      vertexColors: true,
      transparent: true,
      blending: THREE.AdditiveBlending,
      depthWrite: false,
    });
    this.points = new THREE.Points(g, m);
    this.points.name = 'vehicle-glows';
    this.points.visible = strength > 0.05;
    tagAppearance(this.points);
  }

  update(bits: number, timeS: number): void {
    if (!this.points.visible) return;
    const blink = blinkOn(timeS);
    const hazard = (bits & LIGHT.hazard) !== 0;
    for (let i = 0; i < this.kinds.length; i++) {
      let col = HEAD;
      let k = 0;
      switch (this.kinds[i]) {
        case 'head':
          k = bits & LIGHT.head ? 1 : 0;
          break;
        case 'tail':
          col = TAIL;
          k = bits & LIGHT.brake ? 1 : bits & LIGHT.tail ? 0.35 : 0;
          break;
        case 'indicatorLeft':
          col = AMBER;
          k = blink && (hazard || (bits & LIGHT.indicatorLeft) !== 0) ? 0.8 : 0;
          break;
        case 'indicatorRight':
          col = AMBER;
          k = blink && (hazard || (bits & LIGHT.indicatorRight) !== 0) ? 0.8 : 0;
          break;
      }
      k *= this.strength;
      this.colours[3 * i] = col.r * k;
      this.colours[3 * i + 1] = col.g * k;
      this.colours[3 * i + 2] = col.b * k;
    }
    (this.points.geometry.getAttribute('color') as THREE.BufferAttribute).needsUpdate = true;
  }
}
