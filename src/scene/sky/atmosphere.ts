/**
 * Fog from meteorological visibility (Koschmieder: contrast falls to 3 % at the visibility
 * distance) and how much it hazes the sky and dims the sun.
 */
import * as THREE from 'three';
import type { SkyState } from './skyModel.js';

/** Contrast threshold of meteorological visibility. */
export const VISIBILITY_CONTRAST = 0.03;

/**
 * Density of three's FogExp2 (factor 1 - exp(-(d z)^2)) that leaves 3 % contrast at the
 * visibility distance [m]: exp(-(d V)^2) = 0.03, so d = sqrt(ln(1 / 0.03)) / V.
 */
export function fogExp2Density(visibilityM: number): number {
  return Math.sqrt(Math.log(1 / VISIBILITY_CONTRAST)) / visibilityM;
}

/** Extinction coefficient of the Koschmieder relation [1/m]: 3.912 / V. */
export function extinctionPerM(visibilityM: number): number {
  return Math.log(1 / VISIBILITY_CONTRAST) / visibilityM;
}

export interface Atmosphere {
  fog: THREE.FogExp2;
  /** 0 clear .. 1 the sky is all fog. */
  haze: number;
  /** Factor on direct sunlight. */
  sunFactor: number;
}

export function atmosphereFor(visibilityM: number, sky: SkyState): Atmosphere {
  const haze = THREE.MathUtils.clamp(1 - (visibilityM - 150) / 2500, 0, 1);
  // Fog is lit by the sky: grey by day, dark at night.
  const colour = sky.horizon.clone().lerp(new THREE.Color(0xb4b8bc).multiplyScalar(0.15 + 0.85 * (1 - sky.darkness)), 0.4 + 0.6 * haze);
  return {
    fog: new THREE.FogExp2(colour.getHex(), fogExp2Density(visibilityM)),
    haze,
    sunFactor: 1 - 0.85 * haze,
  };
}

/** Whether fog changes a colour by at least one 8-bit step anywhere within `distanceM`. */
export function fogVisibleWithin(fog: THREE.FogExp2, distanceM: number): boolean {
  return 1 - Math.exp(-((fog.density * distanceM) ** 2)) >= 1 / 255;
}
