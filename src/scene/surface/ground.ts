/** The ground around everything: one large plane under the roads (semantic terrain). */
import * as THREE from 'three';
import type { RoadNetwork } from '../../road/types.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { RENDER_ORDER } from '../materials/renderOrder.js';
import { tagSemantic } from '../materials/tagging.js';
import type { SurfaceLook } from './surfaceLook.js';

/** How far the ground reaches beyond the network's bounds on every side [m]. */
const MARGIN_M = 600;

export function buildGround(network: RoadNetwork, look: SurfaceLook, lib: MaterialLibrary): THREE.Mesh {
  const b = network.bounds;
  const ground = new THREE.Mesh(
    lib.geometry('ground', () => new THREE.PlaneGeometry(1, 1).rotateX(-Math.PI / 2)),
    lib.standard('terrain', { colour: look.terrain.colour, roughness: look.terrain.roughness }),
  );
  ground.scale.set(b.maxX - b.minX + 2 * MARGIN_M, 1, b.maxY - b.minY + 2 * MARGIN_M);
  ground.position.set((b.minX + b.maxX) / 2, -0.06, -(b.minY + b.maxY) / 2);
  ground.name = 'ground';
  ground.renderOrder = RENDER_ORDER.ground;
  return tagSemantic(ground, 'terrain', { cast: false, receive: true });
}
