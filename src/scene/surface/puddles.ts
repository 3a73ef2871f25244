/** Puddles: seeded flat, glossy patches on the main carriageway (semantic road). */
import * as THREE from 'three';
import type { RoadNetwork } from '../../road/types.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { mergeStatic } from '../materials/mergeStatic.js';
import type { SceneRng } from '../sceneRng.js';
import type { SurfaceLook } from './surfaceLook.js';
import { tagSemantic } from '../materials/tagging.js';

/** Puddles per 100 m of road at full coverage. */
const PER_100M = 30;

export function buildPuddles(network: RoadNetwork, coverage: number, look: SurfaceLook, lib: MaterialLibrary, rng: SceneRng): THREE.Group | null {
  const main = network.roads.get('main');
  if (!main || coverage <= 0) return null;
  const material = lib.standard('puddle', { colour: look.puddle.colour, roughness: look.puddle.roughness, metalness: 0.1 });
  material.polygonOffset = true;
  material.polygonOffsetFactor = -1;
  material.polygonOffsetUnits = -3;
  const disc = lib.geometry('puddle-disc', () => new THREE.CircleGeometry(1, 14).rotateX(-Math.PI / 2));
  const raw = new THREE.Group();
  const count = Math.round((coverage * PER_100M * main.lengthM) / 100);
  for (let i = 0; i < count; i++) {
    const s = rng.range(0, main.lengthM);
    const t = rng.range(main.carriagewayT.right + 0.3, main.carriagewayT.left - 0.3);
    const p = main.position(s, t);
    const m = new THREE.Mesh(disc, material);
    m.scale.set(rng.range(0.5, 2.2) * (0.5 + coverage), 1, rng.range(0.3, 1.0) * (0.5 + coverage));
    m.rotation.y = main.headingAt(s) + rng.range(-0.3, 0.3);
    m.position.set(p.x, 0.006, -p.y);
    raw.add(tagSemantic(m, 'road'));
  }
  return mergeStatic(raw, 'puddles', { cast: false, receive: true });
}
