/**
 * Marks meshes for the render passes: a semantic class on every labeled-pass mesh, and the
 * APPEARANCE-only layer for things that only change the look (particles, glows, the sky).
 */
import type * as THREE from 'three';
import { LAYERS, type SemanticClass } from '../types.js';

export interface ShadowFlags {
  cast: boolean;
  receive: boolean;
}

/** Sets `userData.semantic` and shadow flags; returns the object for chaining. */
export function tagSemantic<T extends THREE.Object3D>(obj: T, semantic: SemanticClass, shadow?: ShadowFlags): T {
  obj.userData['semantic'] = semantic;
  if (shadow) {
    obj.castShadow = shadow.cast;
    obj.receiveShadow = shadow.receive;
  }
  return obj;
}

/** Moves an object (not its children) to the APPEARANCE layer only: hidden from id, semantic and depth passes. */
export function tagAppearance<T extends THREE.Object3D>(obj: T): T {
  obj.layers.set(LAYERS.APPEARANCE);
  obj.castShadow = false;
  obj.receiveShadow = false;
  return obj;
}

/** Sets `semantic` on every mesh below `root` (each mesh gets the class of its part). */
export function tagTree(root: THREE.Object3D, semantic: SemanticClass, shadow?: ShadowFlags): void {
  root.traverse((o) => {
    if ((o as THREE.Mesh).isMesh && o.layers.mask !== 1 << LAYERS.APPEARANCE && o.userData['semantic'] === undefined) {
      tagSemantic(o, semantic, shadow);
    }
  });
}
