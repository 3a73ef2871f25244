/**
 * Preview quality for the live viewport: standard (PBR) materials are swapped for Lambert
 * materials with the same colour, textures, emission and transparency. On a GPU-less machine
 * (SwiftShader) the PBR shading of every pixel under several lights is most of a frame's cost;
 * exports keep the scene builder's materials.
 */
import * as THREE from 'three';

/** Swaps the materials in place; returns the replaced originals (for disposal). */
export function simplifyMaterials(root: THREE.Object3D): THREE.Material[] {
  const swapped = new Map<THREE.Material, THREE.Material>();
  const swap = (m: THREE.Material): THREE.Material => {
    if (!(m instanceof THREE.MeshStandardMaterial)) return m;
    let l = swapped.get(m);
    if (!l) {
      const lambert = new THREE.MeshLambertMaterial({
        color: m.color,
        map: m.map,
        emissive: m.emissive,
        emissiveMap: m.emissiveMap,
        emissiveIntensity: m.emissiveIntensity,
        transparent: m.transparent,
        opacity: m.opacity,
        side: m.side,
        vertexColors: m.vertexColors,
        alphaTest: m.alphaTest,
        fog: m.fog,
        depthWrite: m.depthWrite,
        polygonOffset: m.polygonOffset,
        polygonOffsetFactor: m.polygonOffsetFactor,
        polygonOffsetUnits: m.polygonOffsetUnits,
      });
      // Shader patches (the wet-road reflection) use chunks the Lambert shader has too.
      lambert.onBeforeCompile = m.onBeforeCompile;
      lambert.customProgramCacheKey = m.customProgramCacheKey;
      lambert.name = m.name;
      lambert.toneMapped = m.toneMapped;
      lambert.visible = m.visible;
      l = lambert;
      swapped.set(m, l);
    }
    return l;
  };
  root.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh) return;
    mesh.material = Array.isArray(mesh.material) ? mesh.material.map(swap) : swap(mesh.material);
  });
  return [...swapped.keys()];
}
