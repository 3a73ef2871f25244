/**
 * Buildings: boxes with a window facade texture made in code (no DOM), windows lit at night,
 * and pitched roofs for suburban houses.
 */
import * as THREE from 'three';
import type { ScenarioInstance } from '../scenario/types.js';
import type { MaterialLibrary } from './materialLibrary.js';
import type { SceneRng } from './sceneRng.js';
import { sceneRng } from './sceneRng.js';
import { tagSemantic } from './tagging.js';

/** The facade texture covers 4 x 4 window cells of this size [m]. */
const CELL_W_M = 3.5;
const CELL_H_M = 3.2;
const CELLS = 4;
const PX = 32;

export interface BuildingSpec {
  widthM: number;
  depthM: number;
  heightM: number;
  setting: ScenarioInstance['road']['setting'];
}

const WALLS = [0xd8cfc0, 0xb9a48a, 0xa8a8a4, 0xc7b79c, 0x9c6f5a, 0xe2ddd2, 0x8a8f96];
const HOUSE_WALLS = [0xe9e2d3, 0xd7c6a8, 0xc9a58a, 0xb8c2c8, 0xe6d8b8];

/**
 * The window pattern of a facade: one cell per window, its glass and frame rectangles as
 * fractions of the cell (u right, v up from the cell's first texel row), the stored (sRGB)
 * values of glass, frame and the lit glass at night (wall is white), and which of the
 * `cells` x `cells` windows are lit. The texture is painted from it; the preview draws it
 * without a texture (preview/previewLook.ts).
 */
export interface WindowPattern {
  cells: number;
  glass: readonly [number, number, number, number];
  frame: readonly [number, number, number, number];
  glassValue: readonly [number, number, number];
  frameValue: number;
  litValue: readonly [number, number, number];
  /** 1 where the window of cell (column i, row j) is lit, at j * cells + i. */
  lit: readonly number[];
}

/** The facade pattern: 4 x 4 windows in 32-texel cells, 40 % of them lit at night. */
function facadePattern(seed: number): WindowPattern {
  const rng = sceneRng(seed, 99);
  const lit: number[] = [];
  for (let c = 0; c < CELLS * CELLS; c++) lit.push(rng.next() < 0.4 ? 1 : 0);
  return {
    cells: CELLS,
    glass: [7 / PX, 8 / PX, 25 / PX, 26 / PX],
    frame: [6 / PX, 7 / PX, 26 / PX, 27 / PX],
    glassValue: [60 / 255, 72 / 255, 86 / 255],
    frameValue: 200 / 255,
    litValue: [1, 205 / 255, 140 / 255],
    lit,
  };
}

export const FACADE_PATTERN = facadePattern(7);

const inside = (r: readonly [number, number, number, number], u: number, v: number): boolean => u >= r[0] && u < r[2] && v >= r[1] && v < r[3];

/** Colour map (wall white, window glass dark) and emissive map (some windows lit), painted from the pattern. */
function facadeTextures(p: WindowPattern): { map: THREE.DataTexture; lit: THREE.DataTexture } {
  const n = CELLS * PX;
  const col = new Uint8Array(n * n * 4);
  const lit = new Uint8Array(n * n * 4);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      // Texel centres, as fractions of the cell.
      const u = ((x % PX) + 0.5) / PX;
      const v = ((y % PX) + 0.5) / PX;
      const glass = inside(p.glass, u, v);
      const frame = !glass && inside(p.frame, u, v);
      const o = (y * n + x) * 4;
      const rgb = glass ? p.glassValue : frame ? [p.frameValue, p.frameValue, p.frameValue] : [1, 1, 1];
      const on = glass && p.lit[Math.floor(y / PX) * CELLS + Math.floor(x / PX)] === 1;
      for (let c = 0; c < 3; c++) {
        col[o + c] = Math.round(255 * (rgb[c] as number));
        lit[o + c] = on ? Math.round(255 * (p.litValue[c] as number)) : 0;
      }
      col[o + 3] = 255;
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

/**
 * Facade material of a wall colour; `nightGlow` 0..1 lights the windows. Its
 * `userData.windowPattern` is the pattern its maps were painted from.
 */
export function facadeMaterial(lib: MaterialLibrary, wall: number, nightGlow: number): THREE.MeshStandardMaterial {
  const tex = lib.texture('facade', () => facadeTextures(FACADE_PATTERN).map);
  const lit = lib.texture('facade-lit', () => facadeTextures(FACADE_PATTERN).lit);
  const m = lib.standard(`facade:${wall.toString(16)}`, { colour: wall, roughness: 0.85, emissive: 0xffffff, emissiveIntensity: 1.4 * nightGlow });
  m.map = tex;
  m.emissiveMap = nightGlow > 0 ? lit : null;
  if (nightGlow <= 0) m.emissive.setHex(0x000000);
  m.userData['windowPattern'] = FACADE_PATTERN;
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
    const roof = new THREE.Mesh(roofGeometry(spec.widthM, spec.depthM, spec.depthM * 0.35), lib.standard(`roof:${roofColour.toString(16)}`, { colour: roofColour, roughness: 0.8 }));
    roof.position.y = spec.heightM;
    g.add(tagSemantic(roof, 'building'));
  }
  return g;
}
