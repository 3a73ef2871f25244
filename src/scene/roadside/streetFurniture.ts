/** The scenario's road furniture (single items and rows) on the main road. */
import * as THREE from 'three';
import type { FurnitureItem, ScenarioInstance } from '../../scenario/types.js';
import type { RoadNetwork } from '../../road/types.js';
import { bollard, plainPole, roadSign, smallObject, streetLight, tree } from './furnitureModels.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { buildingMesh } from './buildings.js';
import { RoadPlacement, type RoadsideRole } from './roadPlacement.js';
import type { SceneRng } from '../sceneRng.js';

export interface FurnitureResult {
  group: THREE.Group;
  /** Street lamp heads in three.js axes. */
  lampHeads: THREE.Vector3[];
}

const ROLE: Record<FurnitureItem['kind'], RoadsideRole> = {
  streetlight: 'kerbside',
  sign: 'kerbside',
  pole: 'kerbside',
  bollard: 'kerbside',
  cone: 'carriageway-edge',
  barrier: 'carriageway-edge',
  tree: 'verge',
  building: 'verge',
};

const TALL = new Set<FurnitureItem['kind']>(['streetlight', 'tree', 'building', 'pole']);

/** s positions of an item or a row. */
export function furnitureStations(item: FurnitureItem): number[] {
  if (item.toS === undefined) return [item.s];
  const step = item.spacingM ?? 30;
  const out: number[] = [];
  for (let s = item.s; s <= item.toS + 1e-6 && out.length < 2000; s += step) out.push(s);
  return out;
}

export function buildFurniture(network: RoadNetwork, instance: ScenarioInstance, lib: MaterialLibrary, lampsOn: boolean, rng: SceneRng, shadows: boolean): FurnitureResult {
  const group = new THREE.Group();
  group.name = 'furniture';
  const lampHeads: THREE.Vector3[] = [];
  const main = network.roads.get('main');
  if (!main) return { group, lampHeads };
  const at = new RoadPlacement(main, instance);
  // Tall things do not fit under a tunnel ceiling.
  const underCover = (s: number): boolean => main.tunnelSpans.some((t) => s > t.fromS - 4 && s < t.toS + 4);
  for (const item of instance.road.furniture) {
    const side = item.side ?? 'right';
    const t = item.t ?? at.t(side, ROLE[item.kind], item.kind === 'building' ? 8 : 0);
    for (const s of furnitureStations(item)) {
      if (TALL.has(item.kind) && underCover(s)) continue;
      let obj: THREE.Object3D;
      switch (item.kind) {
        case 'streetlight': {
          const lamp = streetLight(lib, 3, lampsOn);
          obj = lamp.object;
          at.place(obj, s, t);
          obj.updateMatrixWorld(true);
          lampHeads.push(lamp.head.clone().applyMatrix4(obj.matrixWorld));
          break;
        }
        case 'sign':
          obj = roadSign(lib, item.sign ?? 'speed-limit');
          break;
        case 'pole':
          obj = plainPole(lib, 6, false);
          break;
        case 'bollard':
          obj = bollard(lib);
          break;
        case 'cone':
        case 'barrier':
          obj = smallObject(lib, item.kind);
          break;
        case 'tree':
          obj = tree(lib, rng.range(6, 11), rng.range(3, 5.5), false);
          break;
        case 'building':
          obj = buildingMesh(lib, rng, { widthM: 14, depthM: 12, heightM: 12, setting: instance.road.setting });
          break;
      }
      at.place(obj, s, t);
      obj.traverse((o) => {
        o.castShadow = shadows;
        o.receiveShadow = shadows;
      });
      group.add(obj);
    }
  }
  return { group, lampHeads };
}
