/**
 * A grey noise texture (made in code, no DOM) that breaks up flat road and pavement colours:
 * two octaves of smooth value noise for patches plus fine grain. UVs are in metres.
 */
import * as THREE from 'three';
import { sceneRng } from '../sceneRng.js';

const SIZE = 256;
/** Metres covered by one repeat of the texture. */
export const SURFACE_TILE_M = 8;

function valueNoise(cells: number, rng: () => number): (x: number, y: number) => number {
  const grid = new Float32Array(cells * cells);
  for (let i = 0; i < grid.length; i++) grid[i] = rng();
  const at = (i: number, j: number): number => grid[((j + cells) % cells) * cells + ((i + cells) % cells)] as number;
  return (x, y) => {
    const gx = (x / SIZE) * cells;
    const gy = (y / SIZE) * cells;
    const i = Math.floor(gx);
    const j = Math.floor(gy);
    const fx = THREE.MathUtils.smootherstep(gx - i, 0, 1);
    const fy = THREE.MathUtils.smootherstep(gy - j, 0, 1);
    const a = at(i, j) + (at(i + 1, j) - at(i, j)) * fx;
    const b = at(i, j + 1) + (at(i + 1, j + 1) - at(i, j + 1)) * fx;
    return a + (b - a) * fy;
  };
}

/** Seamless (tiling) noise around 1.0, strength `amount`, as an sRGB colour map. */
export function surfaceNoiseTexture(amount: number): THREE.DataTexture {
  const rng = sceneRng(0, 77);
  const coarse = valueNoise(8, rng.next);
  const mid = valueNoise(32, rng.next);
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const n = 0.5 * coarse(x, y) + 0.3 * mid(x, y) + 0.2 * rng.next();
      const v = Math.round(255 * THREE.MathUtils.clamp(1 - amount + amount * 2 * (n - 0.5) + amount * 0.5, 0, 1));
      const o = (y * SIZE + x) * 4;
      data[o] = data[o + 1] = data[o + 2] = v;
      data[o + 3] = 255;
    }
  }
  const t = new THREE.DataTexture(data, SIZE, SIZE, THREE.RGBAFormat);
  t.wrapS = t.wrapT = THREE.RepeatWrapping;
  t.repeat.set(1 / SURFACE_TILE_M, 1 / SURFACE_TILE_M);
  t.magFilter = THREE.LinearFilter;
  t.minFilter = THREE.LinearMipmapLinearFilter;
  t.generateMipmaps = true;
  t.colorSpace = THREE.SRGBColorSpace;
  t.needsUpdate = true;
  return t;
}
