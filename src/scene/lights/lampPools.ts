/**
 * Pools of lamp light painted on the road under every lit lamp: additive discs on the
 * APPEARANCE layer. They stand in for real lights beyond the few nearest (LampPool), because
 * a software rasteriser pays for every real light on every pixel.
 */
import * as THREE from 'three';
import { radialTexture } from './radialTexture.js';
import { tagAppearance } from '../materials/tagging.js';

/** Radial falloff, warm white. */
function poolTexture(): THREE.DataTexture {
  return radialTexture({
    size: 64,
    falloff: (r) => Math.max(0, 1 - r * r) ** 2,
    texel: (a) => [Math.round(255 * a), Math.round(205 * a), Math.round(140 * a), 255],
    linear: true,
    srgb: true,
  });
}

/**
 * One merged mesh of discs of radius [m] on the ground below each lamp head (three.js axes),
 * lifted `liftM` to stay above the asphalt; `strength` scales the added light.
 */
export function buildLampPools(heads: readonly THREE.Vector3[], radiusM: number, strength: number, liftM: number): THREE.Mesh | null {
  if (heads.length === 0 || strength <= 0.05) return null;
  const disc = new THREE.CircleGeometry(radiusM, 20).rotateX(-Math.PI / 2);
  const pos = disc.getAttribute('position') as THREE.BufferAttribute;
  const uv = disc.getAttribute('uv') as THREE.BufferAttribute;
  const index = disc.getIndex() as THREE.BufferAttribute;
  const n = pos.count;
  const positions = new Float32Array(heads.length * n * 3);
  const uvs = new Float32Array(heads.length * n * 2);
  const indices: number[] = [];
  heads.forEach((h, k) => {
    for (let i = 0; i < n; i++) {
      positions.set([pos.getX(i) + h.x, liftM, pos.getZ(i) + h.z], (k * n + i) * 3);
      uvs.set([uv.getX(i), uv.getY(i)], (k * n + i) * 2);
    }
    for (let i = 0; i < index.count; i++) indices.push(index.getX(i) + k * n);
  });
  disc.dispose();
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  g.setAttribute('uv', new THREE.BufferAttribute(uvs, 2));
  g.setIndex(indices);
  const m = new THREE.MeshBasicMaterial({
    map: poolTexture(),
    color: new THREE.Color(1, 1, 1).multiplyScalar(strength),
    blending: THREE.AdditiveBlending,
    transparent: true,
    depthWrite: false,
    polygonOffset: true,
    polygonOffsetFactor: -4,
    polygonOffsetUnits: -8,
  });
  const mesh = new THREE.Mesh(g, m);
  mesh.name = 'lamp-pools';
  mesh.frustumCulled = false;
  return tagAppearance(mesh);
}
