/**
 * Soft glows around lit lamp heads at dusk and night (APPEARANCE layer only): what makes a
 * street light read as lit in a photo. One Points object for all lamps, sized in metres.
 */
import * as THREE from 'three';
import { tagAppearance } from './tagging.js';

/** Radial falloff sprite made in code (no DOM canvas). */
function glowTexture(): THREE.DataTexture {
  const n = 32;
  const data = new Uint8Array(n * n * 4);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(i + 0.5 - n / 2, j + 0.5 - n / 2) / (n / 2);
      const a = Math.max(0, 1 - r) ** 2.2;
      const o = (j * n + i) * 4;
      data[o] = 255;
      data[o + 1] = 226;
      data[o + 2] = 170;
      data[o + 3] = Math.round(255 * a);
    }
  }
  const t = new THREE.DataTexture(data, n, n, THREE.RGBAFormat);
  t.magFilter = THREE.LinearFilter;
  t.minFilter = THREE.LinearFilter;
  t.colorSpace = THREE.SRGBColorSpace;
  t.needsUpdate = true;
  return t;
}

/** Glows at lamp heads (three.js axes); `strength` 0..1 from darkness. */
export function buildLampGlows(heads: readonly THREE.Vector3[], strength: number, sizeM: number): THREE.Points | null {
  if (heads.length === 0 || strength <= 0.05) return null;
  const pos = new Float32Array(heads.length * 3);
  heads.forEach((h, i) => pos.set([h.x, h.y - 0.1, h.z], 3 * i));
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
