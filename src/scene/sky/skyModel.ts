/**
 * Sky and sun colours from the sun elevation and cloud cover: day blue, golden low sun,
 * dusk afterglow, night. Pure functions of the Light and Weather of an instance.
 */
import * as THREE from 'three';
import type { Light, Weather } from '../../scenario/types.js';

export interface SkyState {
  /** Unit vector to the sun in three.js axes. */
  sunDir: THREE.Vector3;
  zenith: THREE.Color;
  horizon: THREE.Color;
  /** Sun light colour and intensity (0 below the horizon). */
  sunColour: THREE.Color;
  sunIntensity: number;
  /** Ambient (hemisphere) sky and ground colours and intensity. */
  ambientSky: THREE.Color;
  ambientGround: THREE.Color;
  ambientIntensity: number;
  /** 0 full day .. 1 full night: drives lamps and lit windows. */
  darkness: number;
}

const C = (hex: number): THREE.Color => new THREE.Color(hex);
const smooth = THREE.MathUtils.smoothstep;

/** Sun direction: elevation above the horizon, azimuth clockwise from the road direction (+x) at s = 0. */
export function sunDirection(elevationDeg: number, azimuthDeg: number, out = new THREE.Vector3()): THREE.Vector3 {
  const el = THREE.MathUtils.degToRad(elevationDeg);
  const az = THREE.MathUtils.degToRad(azimuthDeg);
  // World (cos el cos(-az), cos el sin(-az), sin el) -> three (x, z, -y).
  return out.set(Math.cos(el) * Math.cos(az), Math.sin(el), Math.cos(el) * Math.sin(az)).normalize();
}

export function skyState(light: Light, weather: Weather): SkyState {
  const el = light.sunElevationDeg;
  const day = smooth(el, -4, 12);
  const golden = smooth(el, -6, 2) * (1 - smooth(el, 6, 25));
  const night = 1 - smooth(el, -14, -2);
  const cloud = weather.cloudCover;
  const zenith = C(0x2f6fc6)
    .lerp(C(0x4c6494), golden * 0.6)
    .lerp(C(0x1a2448), 1 - smooth(el, -6, 4))
    .lerp(C(0x010208), night);
  const horizon = C(0xc6dcf0)
    .lerp(C(0xf0a060), golden)
    .lerp(C(0x3a3450), 1 - smooth(el, -8, -1))
    .lerp(C(0x05070d), night);
  // Clouds grey the sky out; heavier cover also darkens it.
  const overcast = C(0xaab0b8).multiplyScalar(0.25 + 0.75 * day + 0.15 * golden);
  zenith.lerp(overcast.clone().multiplyScalar(0.85), cloud * 0.85);
  horizon.lerp(overcast, cloud * 0.8);
  const sunColour = C(0xfff3e2).lerp(C(0xffa050), golden);
  const sunIntensity = 3.2 * smooth(el, -1, 8) * (1 - 0.82 * cloud);
  const ambientIntensity = 0.06 + 1.3 * day * (1 - 0.2 * cloud) + 0.25 * golden;
  return {
    sunDir: sunDirection(el, light.sunAzimuthDeg),
    zenith,
    horizon,
    sunColour,
    sunIntensity,
    ambientSky: zenith.clone().lerp(C(0xffffff), 0.35 * day),
    ambientGround: C(0x5a5248).multiplyScalar(0.3 + 0.7 * day),
    ambientIntensity,
    darkness: 1 - day,
  };
}
