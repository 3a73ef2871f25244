/**
 * Roadside furniture models, each in its local frame (x along the road, y up, origin at the
 * foot; `facing` +1/-1 turns arms and sign faces towards the road side they serve).
 */
import * as THREE from 'three';
import type { SignType } from '../../scenario/types.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';
import { tagSemantic } from '../materials/tagging.js';
import { unitObjectParts } from '../actors/objectModel.js';

/** Height of street lamp heads [m]. */
export const STREETLIGHT_HEIGHT_M = 8;

function metal(lib: MaterialLibrary): THREE.MeshStandardMaterial {
  return lib.standard('pole-metal', { colour: 0x7d8186, roughness: 0.5, metalness: 0.6 });
}

/** Lamp head material shared by all street lamps; emissive when lamps are on. */
export function lampHeadMaterial(lib: MaterialLibrary, on: boolean): THREE.MeshStandardMaterial {
  return lib.standard('lamp-head', { colour: 0xe8e4d8, emissive: 0xffd9a0, emissiveIntensity: on ? 8 : 0, roughness: 0.4 });
}

/**
 * A street light whose arm reaches `armM` towards +z*facing... in local axes the road lies
 * towards local -z when facing = 1. Returns the object and the lamp head position (local).
 */
export function streetLight(lib: MaterialLibrary, armM: number, lampsOn: boolean): { object: THREE.Object3D; head: THREE.Vector3 } {
  const g = new THREE.Object3D();
  const h = STREETLIGHT_HEIGHT_M;
  g.add(tagSemantic(part(lib.cylinder, metal(lib), 0.09, h, 0.09, 0, h / 2, 0), 'pole'));
  g.add(tagSemantic(part(lib.box, metal(lib), 0.08, 0.08, armM, 0, h - 0.1, -armM / 2), 'pole'));
  g.add(tagSemantic(part(lib.box, lampHeadMaterial(lib, lampsOn), 0.35, 0.12, 0.6, 0, h - 0.2, -armM + 0.1), 'pole'));
  return { object: g, head: new THREE.Vector3(0, h - 0.3, -armM + 0.1) };
}

export function plainPole(lib: MaterialLibrary, heightM: number, wood: boolean): THREE.Object3D {
  const mat = wood ? lib.standard('wood-pole', { colour: 0x5b4634, roughness: 0.95 }) : metal(lib);
  const g = new THREE.Object3D();
  g.add(tagSemantic(part(lib.cylinder, mat, 0.12, heightM, 0.12, 0, heightM / 2, 0), 'pole'));
  if (wood) g.add(tagSemantic(part(lib.box, mat, 0.1, 0.1, 1.8, 0, heightM - 0.6, 0), 'pole'));
  return g;
}

export function bollard(lib: MaterialLibrary): THREE.Object3D {
  const g = new THREE.Object3D();
  g.add(tagSemantic(part(lib.cylinder, lib.standard('bollard', { colour: 0x303236, roughness: 0.6 }), 0.08, 0.9, 0.08, 0, 0.45, 0), 'pole'));
  g.add(tagSemantic(part(lib.cylinder, lib.standard('reflective', { colour: 0xf0f0f0, roughness: 0.4 }), 0.085, 0.08, 0.085, 0, 0.75, 0), 'pole'));
  return g;
}

function signFace(lib: MaterialLibrary, sign: SignType): THREE.Mesh[] {
  const white = lib.standard('sign-white', { colour: 0xf2f2f2, roughness: 0.5 });
  const red = lib.standard('sign-red', { colour: 0xc81e1e, roughness: 0.5 });
  const blue = lib.standard('sign-blue', { colour: 0x1e4fb4, roughness: 0.5 });
  const disc = (sides: number, key: string): THREE.BufferGeometry =>
    lib.geometry(key, () => new THREE.CylinderGeometry(1, 1, 1, sides).rotateZ(Math.PI / 2).rotateX(sides === 3 ? -Math.PI / 2 : Math.PI / sides));
  const plate = (geo: THREE.BufferGeometry, mat: THREE.Material, r: number, depth: number, dx: number, rotX = 0): THREE.Mesh => {
    const m = part(geo, mat, depth, r, r, dx, 0, 0);
    m.rotation.x = rotX;
    return m;
  };
  switch (sign) {
    case 'stop':
      return [plate(disc(8, 'sign-oct'), red, 0.38, 0.03, 0)];
    case 'no-entry':
      return [plate(disc(24, 'sign-round'), red, 0.36, 0.03, 0), part(lib.box, white, 0.04, 0.1, 0.46)];
    case 'speed-limit':
      return [plate(disc(24, 'sign-round'), red, 0.36, 0.03, 0), plate(disc(24, 'sign-round'), white, 0.28, 0.04, 0)];
    case 'pedestrian-crossing':
      return [part(lib.box, blue, 0.03, 0.6, 0.6), part(lib.box, white, 0.04, 0.3, 0.12, 0, -0.05, 0)];
    case 'yield':
      return [plate(disc(3, 'sign-tri'), red, 0.45, 0.03, 0, Math.PI), plate(disc(3, 'sign-tri'), white, 0.3, 0.04, 0, Math.PI)];
    case 'roadworks':
    case 'animal':
      return [plate(disc(3, 'sign-tri'), red, 0.45, 0.03, 0), plate(disc(3, 'sign-tri'), white, 0.3, 0.04, 0)];
  }
}

/** A sign on a post; its face looks along local -x (towards oncoming traffic on the right side). */
export function roadSign(lib: MaterialLibrary, sign: SignType): THREE.Object3D {
  const g = new THREE.Object3D();
  g.add(tagSemantic(part(lib.cylinder, metal(lib), 0.04, 2.6, 0.04, 0, 1.3, 0), 'pole'));
  const face = new THREE.Object3D();
  face.position.set(-0.06, 2.3, 0);
  for (const m of signFace(lib, sign)) face.add(tagSemantic(m, 'traffic-sign'));
  g.add(face);
  return g;
}

export function tree(lib: MaterialLibrary, heightM: number, crownM: number, conifer: boolean): THREE.Object3D {
  const g = new THREE.Object3D();
  const bark = lib.standard('bark', { colour: 0x4a3526, roughness: 0.95 });
  const leaves = lib.standard(conifer ? 'leaves-dark' : 'leaves', { colour: conifer ? 0x2a4a2a : 0x3f6a2e, roughness: 0.95 });
  const trunkH = heightM * (conifer ? 0.3 : 0.45);
  g.add(tagSemantic(part(lib.cylinder, bark, 0.06 + heightM * 0.012, trunkH, 0.06 + heightM * 0.012, 0, trunkH / 2, 0), 'vegetation'));
  if (conifer) {
    const cone = lib.geometry('conifer', () => new THREE.ConeGeometry(1, 1, 8).translate(0, 0.5, 0));
    g.add(tagSemantic(part(cone, leaves, crownM / 2, heightM - trunkH * 0.6, crownM / 2, 0, trunkH * 0.6, 0), 'vegetation'));
  } else {
    const blob = lib.geometry('crown', () => new THREE.IcosahedronGeometry(1, 1));
    g.add(tagSemantic(part(blob, leaves, crownM / 2, (heightM - trunkH) / 2 + 0.3, crownM / 2, 0, trunkH + (heightM - trunkH) / 2 - 0.2, 0), 'vegetation'));
  }
  return g;
}

/** A cone or barrier as furniture (same look as the object actors). */
export function smallObject(lib: MaterialLibrary, shape: 'cone' | 'barrier'): THREE.Object3D {
  const g = new THREE.Object3D();
  if (shape === 'cone') g.scale.set(0.36, 0.72, 0.36);
  else g.scale.set(1.6, 1.0, 0.4);
  for (const p of unitObjectParts(lib, shape)) {
    g.add(p);
    p.traverse((o) => tagSemantic(o, shape));
  }
  return g;
}
