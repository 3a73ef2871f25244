/**
 * Round sprites and light pools made in code (no DOM canvas): a square RGBA texture whose texel
 * at distance r from the centre (0 at the centre, 1 at the edge) is `texel(falloff(r))`.
 */
import * as THREE from 'three';

export interface RadialTextureSpec {
  /** Side [texels]. */
  size: number;
  /** Strength 0..1 at distance r (0..1, and beyond in the corners). */
  falloff: (r: number) => number;
  /** The texel's RGBA bytes for a strength. */
  texel: (a: number) => readonly [number, number, number, number];
  /** Bilinear filtering (default: nearest texel). */
  linear?: boolean;
  /** The colour is sRGB-encoded (default: no colour space). */
  srgb?: boolean;
}

export function radialTexture(spec: RadialTextureSpec): THREE.DataTexture {
  const n = spec.size;
  const data = new Uint8Array(n * n * 4);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(i + 0.5 - n / 2, j + 0.5 - n / 2) / (n / 2);
      data.set(spec.texel(spec.falloff(r)), (j * n + i) * 4);
    }
  }
  const t = new THREE.DataTexture(data, n, n, THREE.RGBAFormat);
  if (spec.linear) t.magFilter = t.minFilter = THREE.LinearFilter;
  if (spec.srgb) t.colorSpace = THREE.SRGBColorSpace;
  t.needsUpdate = true;
  return t;
}

/** A white sprite whose alpha is the strength. */
export const whiteAlpha = (a: number): readonly [number, number, number, number] => [255, 255, 255, Math.round(255 * a)];
