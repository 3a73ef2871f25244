/** Tunnels over the roads' tunnel spans: walls, ceiling, a portal, and ceiling lamps. */
import * as THREE from 'three';
import type { RoadNetwork } from '../../road/types.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { edgeAt, sampleS } from '../surface/roadSpans.js';
import { StripBuilder } from '../surface/StripBuilder.js';
import { part } from '../materials/materialLibrary.js';
import { tagSemantic } from '../materials/tagging.js';

const HEIGHT_M = 5.6;
const LAMP_SPACING_M = 8;
const UP = new THREE.Vector3(0, 1, 0);
const DOWN = new THREE.Vector3(0, -1, 0);

export interface TunnelResult {
  group: THREE.Group;
  lampHeads: THREE.Vector3[];
  /** Brightest tunnel lighting level 0..1. */
  level: number;
}

export function buildTunnels(network: RoadNetwork, lib: MaterialLibrary, stepM: number): TunnelResult {
  const group = new THREE.Group();
  group.name = 'tunnels';
  const lampHeads: THREE.Vector3[] = [];
  const shell = new StripBuilder();
  const concrete = lib.standard('tunnel-concrete', { colour: 0x8d8a84, roughness: 0.9 });
  let level = 0;
  for (const road of network.roads.values()) {
    for (const span of road.tunnelSpans) {
      level = Math.max(level, span.lightLevel);
      const ss = sampleS(span.fromS, span.toS, stepM);
      const tl = road.outerT.left + 0.3;
      const tr = road.outerT.right - 0.3;
      const h = road.headingAt((span.fromS + span.toS) / 2);
      const leftN = new THREE.Vector3(-Math.sin(h), 0, -Math.cos(h));
      shell.strip(edgeAt(road, ss, tl, -0.1), edgeAt(road, ss, tl, HEIGHT_M), ss, leftN.clone().negate());
      shell.strip(edgeAt(road, ss, tr, -0.1), edgeAt(road, ss, tr, HEIGHT_M), ss, leftN);
      shell.strip(edgeAt(road, ss, tr, HEIGHT_M), edgeAt(road, ss, tl, HEIGHT_M), ss, DOWN);
      shell.strip(edgeAt(road, ss, tr - 1, HEIGHT_M + 1.2), edgeAt(road, ss, tl + 1, HEIGHT_M + 1.2), ss, UP);
      // Portals: a wall above the opening at each end, wider than the tunnel.
      for (const s of [span.fromS, span.toS]) {
        const p = road.position(s, (tl + tr) / 2);
        const portal = part(lib.box, concrete, 1.2, 4, tl - tr + 16, p.x, HEIGHT_M + 2, -p.y);
        portal.rotation.y = road.headingAt(s);
        group.add(tagSemantic(portal, 'tunnel'));
      }
      for (let s = span.fromS + LAMP_SPACING_M / 2; s < span.toS; s += LAMP_SPACING_M) {
        for (const t of [tl - 0.6, tr + 0.6]) {
          const p = road.position(s, t);
          lampHeads.push(new THREE.Vector3(p.x, HEIGHT_M - 0.1, -p.y));
        }
      }
    }
  }
  if (!shell.isEmpty) group.add(tagSemantic(new THREE.Mesh(shell.build(), concrete), 'tunnel', { cast: true, receive: true }));
  const lampMat = lib.standard('tunnel-lamp', { colour: 0xeeeeee, emissive: 0xffe2b0, emissiveIntensity: 6 * level, roughness: 0.4 });
  for (const l of lampHeads) {
    group.add(tagSemantic(part(lib.box, lampMat, 1.2, 0.08, 0.25, l.x, l.y, l.z), 'tunnel'));
  }
  return { group, lampHeads, level };
}
