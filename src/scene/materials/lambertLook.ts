/**
 * Lambert stand-ins for standard (PBR) materials. Under SwiftShader (CPU WebGL) the PBR
 * shading of every pixel is most of a frame; a Lambert material with the same colour, maps,
 * emission and transparency is about half the cost (measured in-page on catalog scenes) and,
 * for matte surfaces, looks the same: a rough dielectric's specular lobe is a few per cent.
 */
import * as THREE from 'three';

/** Roughness from which a non-metal counts as matte (its highlight is too faint to see). */
export const MATTE_ROUGHNESS = 0.8;

/** Whether a standard material shows no visible specular highlight and no shader patch. */
export function isMatte(m: THREE.MeshStandardMaterial): boolean {
  return m.roughness >= MATTE_ROUGHNESS && m.metalness <= 0.05 && !m.transparent && m.customProgramCacheKey === THREE.Material.prototype.customProgramCacheKey;
}

/** A Lambert copy of a standard material: same colour, maps, emission, blending and shader patch. */
export function lambertOf(m: THREE.MeshStandardMaterial): THREE.MeshLambertMaterial {
  const l = new THREE.MeshLambertMaterial();
  // The base Material fields (blending, side, depth, polygon offset, alpha test, name ...);
  // the subclass copy would read Lambert-only fields the standard material lacks.
  THREE.Material.prototype.copy.call(l, m);
  l.color.copy(m.color);
  l.map = m.map;
  l.emissive.copy(m.emissive);
  l.emissiveIntensity = m.emissiveIntensity;
  l.emissiveMap = m.emissiveMap;
  l.fog = m.fog;
  // The wet-road patch uses chunks (normal, vViewPosition, outgoingLight) Lambert has too.
  l.onBeforeCompile = m.onBeforeCompile;
  l.customProgramCacheKey = m.customProgramCacheKey;
  return l;
}

/**
 * Replaces, on every mesh below `root`, each standard material `pick` accepts by one shared
 * Lambert copy. Returns the copies (the originals stay with their owner for disposal).
 */
export function useLambert(root: THREE.Object3D, pick: (m: THREE.MeshStandardMaterial) => boolean): THREE.MeshLambertMaterial[] {
  const copies = new Map<THREE.Material, THREE.MeshLambertMaterial | null>();
  const swap = (m: THREE.Material): THREE.Material => {
    if (!(m as THREE.MeshStandardMaterial).isMeshStandardMaterial) return m;
    let l = copies.get(m);
    if (l === undefined) {
      l = pick(m as THREE.MeshStandardMaterial) ? lambertOf(m as THREE.MeshStandardMaterial) : null;
      copies.set(m, l);
    }
    return l ?? m;
  };
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh) return;
    mesh.material = Array.isArray(mesh.material) ? mesh.material.map(swap) : swap(mesh.material);
  });
  return [...copies.values()].filter((l): l is THREE.MeshLambertMaterial => l !== null);
}
