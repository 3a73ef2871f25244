/**
 * Soft glows around lit lamp heads at dusk and night (APPEARANCE layer only): what makes a
 * street light read as lit in a photo. One Points object for all lamps, sized in metres.
 */
import * as THREE from 'three';
import { radialTexture } from './radialTexture.js';
import { tagAppearance } from '../materials/tagging.js';

/** Radial falloff sprite, warm white. */
function glowTexture(): THREE.DataTexture {
  return radialTexture({ size: 32, falloff: (r) => Math.max(0, 1 - r) ** 2.2, texel: (a) => [255, 226, 170, Math.round(255 * a)], linear: true, srgb: true });
}

/** Glows at lamp heads (three.js axes); `strength` 0..1 from darkness. */
export function buildLampGlows(heads: readonly THREE.Vector3[], strength: number, sizeM: number): THREE.Points | null {
  if (heads.length === 0 || strength <= 0.05) return null;
  const pos = new Float32Array(heads.length * 3);
  for (const [i, h] of heads.entries()) pos.set([h.x, h.y - 0.1, h.z], 3 * i);
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  const m = new THREE.PointsMaterial({
    size: sizeM,
    map: glowTexture(),
    transparent: true,
    opacity: strength,
    blending: THREE.AdditiveBlending,
    depthWrite: false,
    fog: true,
  });
  const p = new THREE.Points(g, m);
  p.name = 'lamp-glows';
  return tagAppearance(p);
}
