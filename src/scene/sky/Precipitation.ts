/**
 * Rain streaks and snow flakes in a box that travels with the camera. Each particle has a
 * seeded base position; its position at tick k is a pure function of (seed, k) and the camera
 * position: fall and drift by time, then wrap into the box around the camera, so the pattern
 * is anchored to the world and the same for the same (seed, tick).
 */
import * as THREE from 'three';
import { RNG_STREAM, sceneRng } from '../sceneRng.js';
import type { SceneQuality } from '../types.js';
import { radialTexture, whiteAlpha } from '../lights/radialTexture.js';
import { tagAppearance } from '../materials/tagging.js';

export interface PrecipitationSpec {
  kind: 'rain' | 'snow';
  count: number;
  seed: number;
  stream: number;
  /** Half extent of the box around the camera, horizontally [m], and its height [m]. */
  halfM: number;
  heightM: number;
  fallMps: number;
  /** Streak length of rain [m] (0 for snow). */
  streakM: number;
  /** Constant wind drift [m/s] along three's x and z. */
  windX: number;
  windZ: number;
}

/**
 * Rain and snow as drawn: particles at full strength (1) for each quality, the box they fill
 * around the camera, how they fall and drift (see PrecipitationSpec).
 */
const LOOK = {
  rain: { particles: { export: 5000, preview: 2000 }, halfM: 22, heightM: 14, fallMps: 9, streakM: 0.55, windX: 0.8, windZ: 0.4 },
  snow: { particles: { export: 7000, preview: 3000 }, halfM: 20, heightM: 12, fallMps: 1.1, streakM: 0, windX: 0.6, windZ: 0.3 },
} as const;

/** Rain or snow of strength `amount` (0..1, weather.rain or weather.snow), or null when there is too little to show. */
export function precipitation(kind: PrecipitationSpec['kind'], amount: number, quality: SceneQuality, seed: number): Precipitation | null {
  if (!(amount > 0.01)) return null;
  const { particles, ...look } = LOOK[kind];
  return new Precipitation({ kind, count: Math.round(particles[quality] * amount), seed, stream: RNG_STREAM[kind], ...look });
}

function wrap(v: number, size: number): number {
  return v - Math.floor(v / size) * size;
}

/** Round, soft flake sprite. */
function flakeTexture(): THREE.DataTexture {
  return radialTexture({ size: 16, falloff: (r) => Math.max(0, 1 - r * r), texel: whiteAlpha });
}

export class Precipitation {
  readonly object: THREE.LineSegments | THREE.Points;
  private readonly base: Float32Array;
  private readonly phase: Float32Array;
  private readonly positions: Float32Array;

  constructor(readonly spec: PrecipitationSpec) {
    const rng = sceneRng(spec.seed, spec.stream);
    const size = 2 * spec.halfM;
    this.base = new Float32Array(spec.count * 3);
    this.phase = new Float32Array(spec.count);
    for (let i = 0; i < spec.count; i++) {
      this.base[3 * i] = rng.next() * size;
      this.base[3 * i + 1] = rng.next() * spec.heightM;
      this.base[3 * i + 2] = rng.next() * size;
      this.phase[i] = rng.next() * 2 * Math.PI;
    }
    const perParticle = spec.kind === 'rain' ? 2 : 1;
    this.positions = new Float32Array(spec.count * 3 * perParticle);
    const geometry = new THREE.BufferGeometry();
    const attr = new THREE.BufferAttribute(this.positions, 3);
    attr.setUsage(THREE.DynamicDrawUsage);
    geometry.setAttribute('position', attr);
    if (spec.kind === 'rain') {
      const material = new THREE.LineBasicMaterial({ color: 0xc8d2dc, transparent: true, opacity: 0.42, depthWrite: false });
      this.object = new THREE.LineSegments(geometry, material);
    } else {
      const material = new THREE.PointsMaterial({ color: 0xffffff, size: 0.07, map: flakeTexture(), transparent: true, alphaTest: 0.05, depthWrite: false });
      this.object = new THREE.Points(geometry, material);
    }
    this.object.name = spec.kind;
    this.object.frustumCulled = false;
    tagAppearance(this.object);
  }

  /** Places every particle for time t [s] around the camera at (cx, cy, cz) in three.js axes. */
  update(timeS: number, cx: number, cy: number, cz: number): void {
    const s = this.spec;
    const size = 2 * s.halfM;
    const p = this.positions;
    const rain = s.kind === 'rain';
    // Streak direction: the fall velocity including wind.
    const vLen = Math.hypot(s.windX, s.fallMps, s.windZ);
    const dx = (s.windX / vLen) * s.streakM;
    const dy = (-s.fallMps / vLen) * s.streakM;
    const dz = (s.windZ / vLen) * s.streakM;
    const ground = cy - 2;
    for (let i = 0; i < s.count; i++) {
      const ph = this.phase[i] as number;
      // Snow sways; rain falls straight with the wind.
      const sway = rain ? 0 : 0.35 * Math.sin(timeS * 1.3 + ph);
      const wx = (this.base[3 * i] as number) + s.windX * timeS + sway;
      const wy = (this.base[3 * i + 1] as number) - s.fallMps * timeS * (rain ? 1 : 0.7 + 0.3 * Math.sin(ph));
      const wz = (this.base[3 * i + 2] as number) + s.windZ * timeS + sway * 0.5;
      const x = cx - s.halfM + wrap(wx - cx + s.halfM, size);
      const y = ground + wrap(wy - ground, s.heightM);
      const z = cz - s.halfM + wrap(wz - cz + s.halfM, size);
      if (rain) {
        const o = 6 * i;
        p[o] = x;
        p[o + 1] = y;
        p[o + 2] = z;
        p[o + 3] = x + dx;
        p[o + 4] = y + dy;
        p[o + 5] = z + dz;
      } else {
        p[3 * i] = x;
        p[3 * i + 1] = y;
        p[3 * i + 2] = z;
      }
    }
    (this.object.geometry.getAttribute('position') as THREE.BufferAttribute).needsUpdate = true;
  }

  /** Particle positions (three.js axes), for tests. */
  get positionsView(): Float32Array {
    return this.positions;
  }
}
