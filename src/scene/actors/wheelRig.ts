/** A wheel that steers about the vertical and spins about its axle (three.js local z). */
import * as THREE from 'three';
import type { MaterialLibrary } from '../materials/materialLibrary.js';

export interface Wheel {
  steer: THREE.Object3D;
  spin: THREE.Object3D;
}

/** Tyre and a five-sided rim (so spinning shows) at hub position (x, y, z) [m] in the body frame. */
export function makeWheel(lib: MaterialLibrary, radiusM: number, widthM: number, x: number, y: number, z: number, outward: number): Wheel {
  const steer = new THREE.Object3D();
  steer.position.set(x, y, z);
  const spin = new THREE.Object3D();
  steer.add(spin);
  const tyreGeo = lib.geometry('tyre', () => new THREE.CylinderGeometry(1, 1, 1, 18).rotateX(Math.PI / 2));
  const rimGeo = lib.geometry('rim', () => new THREE.CylinderGeometry(1, 1, 1, 5).rotateX(Math.PI / 2));
  const tyre = new THREE.Mesh(tyreGeo, lib.standard('tyre', { colour: 0x151515, roughness: 0.95 }));
  tyre.scale.set(radiusM, radiusM, widthM);
  const rim = new THREE.Mesh(rimGeo, lib.standard('rim', { colour: 0x9a9ca0, roughness: 0.4, metalness: 0.6 }));
  rim.scale.set(radiusM * 0.62, radiusM * 0.62, widthM * 0.2);
  rim.position.z = (outward * widthM) / 2;
  spin.add(tyre, rim);
  return { steer, spin };
}

/** Forward rolling about three's z: a wheel moving to +x turns clockwise seen from its left. */
export function poseWheel(w: Wheel, steerRad: number, spinRad: number): void {
  w.steer.rotation.y = steerRad;
  w.spin.rotation.z = -spinRad;
}
