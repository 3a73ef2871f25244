/**
 * Merges the static meshes below a group into one mesh per (material, semantic class, chunk of
 * ground): a roadside of hundreds of parts becomes a few dozen draw calls. World transforms are
 * baked in. Chunks keep what merging would lose: three.js sorts opaque meshes front to back by
 * their centres, so near facades are drawn first and hide far ones from the (software)
 * rasteriser's shading, and chunks behind the camera are culled.
 */

/** Side of a merge chunk on the ground [m]. */
const CHUNK_M = 40;
const _centre = new THREE.Vector3();
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { RENDER_ORDER } from './renderOrder.js';
import { tagSemantic } from './tagging.js';
import type { SemanticClass } from '../types.js';

export function mergeStatic(group: THREE.Object3D, name: string, shadows: { cast: boolean; receive: boolean }): THREE.Group {
  group.updateMatrixWorld(true);
  const buckets = new Map<string, { material: THREE.Material; semantic: SemanticClass; geos: THREE.BufferGeometry[] }>();
  group.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh || Array.isArray(mesh.material)) return;
    const material = mesh.material;
    const semantic = mesh.userData['semantic'] as SemanticClass;
    const g0 = mesh.geometry;
    if (!g0.boundingSphere) g0.computeBoundingSphere();
    _centre.copy(g0.boundingSphere?.center ?? _centre.set(0, 0, 0)).applyMatrix4(mesh.matrixWorld);
    const key = `${material.uuid}|${semantic}|${Math.floor(_centre.x / CHUNK_M)},${Math.floor(_centre.z / CHUNK_M)}`;
    let b = buckets.get(key);
    if (!b) {
      b = { material, semantic, geos: [] };
      buckets.set(key, b);
    }
    const g = mesh.geometry.clone().applyMatrix4(mesh.matrixWorld);
    // Keep only the attributes every geometry has, so they merge.
    for (const name of Object.keys(g.attributes)) if (name !== 'position' && name !== 'normal' && name !== 'uv') g.deleteAttribute(name);
    g.clearGroups();
    b.geos.push(g);
  });
  const out = new THREE.Group();
  out.name = name;
  for (const b of buckets.values()) {
    // All indexed, so vertices shared by triangles stay shared (and are shaded once).
    for (const g of b.geos) if (!g.index) g.setIndex(Array.from({ length: g.getAttribute('position').count }, (_, i) => i));
    const merged = mergeGeometries(b.geos, false);
    for (const g of b.geos) g.dispose();
    if (!merged) continue;
    merged.computeBoundingSphere();
    const mesh = new THREE.Mesh(merged, b.material);
    mesh.name = `${name}:${b.semantic}`;
    mesh.renderOrder = RENDER_ORDER.roadside;
    out.add(tagSemantic(mesh, b.semantic, shadows));
  }
  return out;
}
