/** The shadow of a directional light (the sun): a square map over an area around its target. */
import type * as THREE from 'three';

export interface SunShadow {
  /** Shadow map size, each way [px]. */
  mapPx: number;
  /** Half the side of the square the map covers, around the light's target [m]. */
  halfM: number;
  /** Far end of the shadow camera, from the light [m] (the near end is 1 m). */
  farM: number;
}

export function castSunShadow(sun: THREE.DirectionalLight, shadow: SunShadow): void {
  sun.castShadow = true;
  sun.shadow.mapSize.set(shadow.mapPx, shadow.mapPx);
  const c = sun.shadow.camera;
  c.left = -shadow.halfM;
  c.right = shadow.halfM;
  c.top = shadow.halfM;
  c.bottom = -shadow.halfM;
  c.near = 1;
  c.far = shadow.farM;
}
