/**
 * Buildings: boxes with a window facade texture made in code (no DOM), windows lit at night,
 * and pitched roofs for suburban houses.
 */
import * as THREE from 'three';
import type { ScenarioInstance } from '../../scenario/types.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import type { SceneRng } from '../sceneRng.js';
import { sceneRng } from '../sceneRng.js';
import { tagSemantic } from '../materials/tagging.js';

/** The facade texture covers 4 x 4 window cells of this size [m]. */
const CELL_W_M = 3.5;
const CELL_H_M = 3.2;
const CELLS = 4;
/** Texture pixels per cell, each way. */
const PX = 32;

export interface BuildingSpec {
  widthM: number;
  depthM: number;
  heightM: number;
  setting: ScenarioInstance['road']['setting'];
}

const WALLS = [0xd8cfc0, 0xb9a48a, 0xa8a8a4, 0xc7b79c, 0x9c6f5a, 0xe2ddd2, 0x8a8f96];
const HOUSE_WALLS = [0xe9e2d3, 0xd7c6a8, 0xc9a58a, 0xb8c2c8, 0xe6d8b8];

/** Colour map (wall white, window glass dark) and emissive map (some windows lit). */
function facadeTextures(seed: number): { map: THREE.DataTexture; lit: THREE.DataTexture } {
  const n = CELLS * PX;
  const col = new Uint8Array(n * n * 4);
  const lit = new Uint8Array(n * n * 4);
  const rng = sceneRng(seed, 99);
  const litCell: boolean[] = [];
  for (let c = 0; c < CELLS * CELLS; c++) litCell.push(rng.next() < 0.4);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const cx = x % PX;
      const cy = y % PX;
      const glass = cx >= 7 && cx < 25 && cy >= 8 && cy < 26;
      const frame = !glass && cx >= 6 && cx < 26 && cy >= 7 && cy < 27;
      const o = (y * n + x) * 4;
      const v = glass ? 70 : frame ? 200 : 255;
      col[o] = glass ? 60 : v;
      col[o + 1] = glass ? 72 : v;
      col[o + 2] = glass ? 86 : v;
      col[o + 3] = 255;
      const on = glass && litCell[Math.floor(y / PX) * CELLS + Math.floor(x / PX)];
      lit[o] = on ? 255 : 0;
      lit[o + 1] = on ? 205 : 0;
      lit[o + 2] = on ? 140 : 0;
      lit[o + 3] = 255;
    }
  }
  const make = (data: Uint8Array, srgb: boolean): THREE.DataTexture => {
    const t = new THREE.DataTexture(data, n, n, THREE.RGBAFormat);
    t.wrapS = t.wrapT = THREE.RepeatWrapping;
    t.magFilter = THREE.LinearFilter;
    t.minFilter = THREE.LinearMipmapLinearFilter;
    t.generateMipmaps = true;
    t.colorSpace = srgb ? THREE.SRGBColorSpace : THREE.NoColorSpace;
    t.needsUpdate = true;
    return t;
  };
  return { map: make(col, true), lit: make(lit, true) };
}

/** Facade material of a wall colour; `nightGlow` 0..1 lights the windows. */
export function facadeMaterial(lib: MaterialLibrary, wall: number, nightGlow: number): THREE.MeshStandardMaterial {
  const tex = lib.texture('facade', () => facadeTextures(7).map);
  const lit = lib.texture('facade-lit', () => facadeTextures(7).lit);
  const m = lib.standard(`facade:${wall.toString(16)}`, { colour: wall, roughness: 0.85, emissive: 0xffffff, emissiveIntensity: 1.4 * nightGlow });
  m.map = tex;
  m.emissiveMap = nightGlow > 0 ? lit : null;
  if (nightGlow <= 0) m.emissive.setHex(0x000000);
  return m;
}

/** Box geometry whose wall UVs repeat the facade once per 4 x 4 windows of real size. */
function facadeBox(w: number, h: number, d: number): THREE.BoxGeometry {
  const g = new THREE.BoxGeometry(w, h, d);
  g.translate(0, h / 2, 0);
  const uv = g.getAttribute('uv') as THREE.BufferAttribute;
  // Face order of BoxGeometry: +x, -x, +y, -y, +z, -z; four vertices each.
  const faceW = [d, d, 0, 0, w, w];
  for (let f = 0; f < 6; f++) {
    for (let v = 0; v < 4; v++) {
      const i = f * 4 + v;
      if (faceW[f] === 0) uv.setXY(i, 0.01, 0.01);
      else uv.setXY(i, (uv.getX(i) * (faceW[f] as number)) / (CELLS * CELL_W_M), (uv.getY(i) * h) / (CELLS * CELL_H_M));
    }
  }
  return g;
}

/** A pitched roof (triangular prism along x). */
function roofGeometry(w: number, d: number, rise: number): THREE.BufferGeometry {
  const shape = new THREE.Shape([new THREE.Vector2(-d / 2 - 0.3, 0), new THREE.Vector2(d / 2 + 0.3, 0), new THREE.Vector2(0, rise)]);
  const g = new THREE.ExtrudeGeometry(shape, { depth: w + 0.6, bevelEnabled: false });
  g.translate(0, 0, -(w + 0.6) / 2);
  g.rotateY(Math.PI / 2);
  return g;
}

/** One building, its base centre at the origin, its front along local x. */
export function buildingMesh(lib: MaterialLibrary, rng: SceneRng, spec: BuildingSpec, nightGlow = 0): THREE.Object3D {
  const g = new THREE.Object3D();
  const house = spec.setting === 'suburban' || spec.setting === 'rural';
  const wall = rng.pick(house ? HOUSE_WALLS : WALLS);
  const body = new THREE.Mesh(facadeBox(spec.widthM, spec.heightM, spec.depthM), facadeMaterial(lib, wall, nightGlow));
  g.add(tagSemantic(body, 'building'));
  if (house) {
    const roofColour = rng.pick([0x7a3a2a, 0x3e3e44, 0x5a4a3e]);
    const roof = new THREE.Mesh(
      roofGeometry(spec.widthM, spec.depthM, spec.depthM * 0.35),
      lib.standard(`roof:${roofColour.toString(16)}`, { colour: roofColour, roughness: 0.8 }),
    );
    roof.position.y = spec.heightM;
    g.add(tagSemantic(roof, 'building'));
  }
  return g;
}
