/** A thin box between two points of a side view (x forward, y up) at lateral z [m]: frame tubes. */
import * as THREE from 'three';
import type { MaterialLibrary } from '../materials/materialLibrary.js';

export function rod(lib: MaterialLibrary, mat: THREE.Material, ax: number, ay: number, bx: number, by: number, z: number, thickM: number): THREE.Mesh {
  const m = new THREE.Mesh(lib.box, mat);
  const len = Math.hypot(bx - ax, by - ay);
  m.scale.set(len, thickM, thickM);
  m.position.set((ax + bx) / 2, (ay + by) / 2, z);
  m.rotation.z = Math.atan2(by - ay, bx - ax);
  return m;
}
