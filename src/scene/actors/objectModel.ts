/** Static objects and debris by shape, modelled in a unit box and scaled to the actor's size. */
import * as THREE from 'three';
import type { ObjectShape, Size } from '../../scenario/types.js';
import type { SemanticClass } from '../types.js';
import type { ActorRig } from './ActorRig.js';
import { part, type MaterialLibrary } from '../materials/materialLibrary.js';
import { tagTree } from '../materials/tagging.js';

/** Semantic class of an object shape: cones and barriers have their own classes. */
export function objectSemantic(shape: ObjectShape): SemanticClass {
  return shape === 'cone' ? 'cone' : shape === 'barrier' ? 'barrier' : 'object';
}

/** Parts of a shape in a unit box: x, z in [-0.5, 0.5], y in [0, 1]. */
export function unitObjectParts(lib: MaterialLibrary, shape: ObjectShape): THREE.Object3D[] {
  const m = (key: string, colour: number, roughness = 0.8): THREE.MeshStandardMaterial => lib.standard(key, { colour, roughness });
  switch (shape) {
    case 'cone': {
      const cone = new THREE.Mesh(
        lib.geometry('cone', () => new THREE.ConeGeometry(0.42, 0.92, 14).translate(0, 0.5, 0)),
        m('cone-orange', 0xff5a0a, 0.6),
      );
      return [cone, part(lib.cylinder, m('reflective', 0xf0f0f0, 0.4), 0.27, 0.14, 0.27, 0, 0.52, 0), part(lib.box, m('cone-base', 0x222222), 1, 0.05, 1, 0, 0.025, 0)];
    }
    case 'barrier':
      return [
        part(lib.box, m('barrier-red', 0xd0201a, 0.6), 1, 0.25, 0.15, 0, 0.85, 0),
        part(lib.box, m('reflective', 0xf0f0f0, 0.4), 1, 0.22, 0.16, 0, 0.6, 0),
        part(lib.box, m('barrier-leg', 0x333333), 0.06, 0.8, 1, -0.45, 0.4, 0),
        part(lib.box, m('barrier-leg', 0x333333), 0.06, 0.8, 1, 0.45, 0.4, 0),
      ];
    case 'box':
      return [part(lib.boxBase, m('cardboard', 0xa57a48, 0.95), 1, 1, 1), part(lib.box, m('tape', 0xc9b58a, 0.6), 1.01, 0.04, 0.25, 0, 1, 0)];
    case 'tyre':
      return [
        new THREE.Mesh(
          lib.geometry('tyre-lying', () =>
            new THREE.TorusGeometry(0.36, 0.14, 8, 20)
              .rotateX(Math.PI / 2)
              .scale(1, 3.5, 1)
              .translate(0, 0.5, 0),
          ),
          m('tyre', 0x151515, 0.95),
        ),
      ];
    case 'barrel':
      return [
        part(lib.cylinder, m('barrel', 0x1f5fa8, 0.5), 0.5, 1, 0.5, 0, 0.5, 0),
        part(lib.cylinder, m('barrel-band', 0x16457a, 0.5), 0.51, 0.05, 0.51, 0, 0.33, 0),
        part(lib.cylinder, m('barrel-band', 0x16457a, 0.5), 0.51, 0.05, 0.51, 0, 0.67, 0),
      ];
    case 'debris':
      return [
        new THREE.Mesh(
          lib.geometry('debris', () => new THREE.DodecahedronGeometry(0.5, 0).scale(1, 0.9, 0.8).translate(0, 0.45, 0)),
          m('debris', 0x6d6457, 0.9),
        ),
      ];
    case 'ball':
      return [part(lib.sphere, m('ball', 0xe0261c, 0.5), 0.5, 0.5, 0.5, 0, 0.5, 0)];
    case 'pallet': {
      const wood = m('pallet', 0xb89260, 0.9);
      const parts: THREE.Object3D[] = [];
      for (let i = 0; i < 5; i++) parts.push(part(lib.box, wood, 1, 0.2, 0.14, 0, 0.9, -0.43 + i * 0.215));
      for (const z of [-0.43, 0, 0.43]) parts.push(part(lib.box, wood, 1, 0.8, 0.14, 0, 0.4, z));
      return parts;
    }
  }
}

export class ObjectRig implements ActorRig {
  readonly root = new THREE.Object3D();

  constructor(lib: MaterialLibrary, shape: ObjectShape, size: Size, shadows: boolean) {
    const body = new THREE.Object3D();
    body.scale.set(size.lengthM, size.heightM, size.widthM);
    body.add(...unitObjectParts(lib, shape));
    this.root.add(body);
    tagTree(this.root, objectSemantic(shape), { cast: shadows, receive: shadows });
  }

  animate(): void {
    // Objects have no moving parts; the root pose is set by the scene.
  }
}
