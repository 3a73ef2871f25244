/**
 * Road surface meshes from the Road contract: asphalt, parking lanes, kerbs with height,
 * sidewalks, junction areas and the ground around them. One merged mesh per layer.
 */
import * as THREE from 'three';
import type { ScenarioInstance } from '../../scenario/types.js';
import type { Road, RoadNetwork } from '../../road/types.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { StripBuilder } from './StripBuilder.js';
import { edgeAt, sampleS, spansOutside } from './roadSpans.js';
import type { SurfaceLook } from './surfaceLook.js';
import { RENDER_ORDER } from '../materials/renderOrder.js';
import { tagSemantic } from '../materials/tagging.js';

const UP = new THREE.Vector3(0, 1, 0);
/** Width of the kerb stone top [m]. */
const KERB_TOP_M = 0.18;

/** Lateral extent of each side's sidewalk [m], or null without one. */
export interface SideLayout {
  sidewalk: { innerT: number; outerT: number } | null;
  parking: { innerT: number; outerT: number } | null;
  /** Where the paved surface ends on this side [m]. */
  pavedT: number;
}

/** Cross-section of a road on one side, from the named lanes of the Road contract. */
export function sideLayout(road: Road, instance: ScenarioInstance, side: 'left' | 'right'): SideLayout {
  const sign = side === 'left' ? 1 : -1;
  const spec = instance.road;
  const sidewalk = spec.sidewalks[side]
    ? (() => {
        const c = road.laneCentreT(`sidewalk-${side}`);
        return { innerT: c - (sign * spec.sidewalks.widthM) / 2, outerT: c + (sign * spec.sidewalks.widthM) / 2 };
      })()
    : null;
  const parking = spec.parking[side]
    ? (() => {
        const c = road.laneCentreT(`parking-${side}`);
        return { innerT: c - (sign * spec.parking.widthM) / 2, outerT: c + (sign * spec.parking.widthM) / 2 };
      })()
    : null;
  const cw = side === 'left' ? road.carriagewayT.left : road.carriagewayT.right;
  const pavedT = sidewalk ? sidewalk.innerT : parking ? parking.outerT : cw;
  return { sidewalk, parking, pavedT };
}

/** Normal of the road's lateral direction at s, pointing to +t, in three.js axes. */
function lateralNormal(road: Road, s: number, out: THREE.Vector3): THREE.Vector3 {
  const h = road.headingAt(s);
  // World left normal (-sin h, cos h, 0) -> three (x, z, -y).
  return out.set(-Math.sin(h), 0, -Math.cos(h));
}

export interface RoadSurfaceLayers {
  asphalt: StripBuilder;
  parking: StripBuilder;
  kerb: StripBuilder;
  sidewalk: StripBuilder;
}

/** Adds one road's surfaces to the layer builders. */
export function addRoadSurfaces(road: Road, instance: ScenarioInstance, stepM: number, layers: RoadSurfaceLayers): void {
  const all = sampleS(0, road.lengthM, stepM);
  const right = sideLayout(road, instance, 'right');
  const left = sideLayout(road, instance, 'left');
  layers.asphalt.strip(edgeAt(road, all, right.pavedT, 0), edgeAt(road, all, left.pavedT, 0), all, UP);

  const kerbH = instance.road.sidewalks.kerbHeightM;
  const normal = new THREE.Vector3();
  for (const span of spansOutside(road.lengthM, road.junctionSpans)) {
    const ss = sampleS(span.fromS, span.toS, stepM);
    lateralNormal(road, (span.fromS + span.toS) / 2, normal);
    for (const [side, sign] of [
      [right, -1],
      [left, 1],
    ] as const) {
      if (side.parking) {
        layers.parking.strip(edgeAt(road, ss, side.parking.innerT, 0.003), edgeAt(road, ss, side.parking.outerT, 0.003), ss, UP);
      }
      if (side.sidewalk) {
        const inner = side.sidewalk.innerT;
        const kerbTopT = inner + sign * KERB_TOP_M;
        const facing = normal.clone().multiplyScalar(-sign);
        layers.kerb.strip(edgeAt(road, ss, inner, 0), edgeAt(road, ss, inner, kerbH), ss, facing);
        layers.kerb.strip(edgeAt(road, ss, inner, kerbH), edgeAt(road, ss, kerbTopT, kerbH), ss, UP);
        layers.sidewalk.strip(edgeAt(road, ss, kerbTopT, kerbH), edgeAt(road, ss, side.sidewalk.outerT, kerbH), ss, UP);
        layers.sidewalk.strip(edgeAt(road, ss, side.sidewalk.outerT, kerbH), edgeAt(road, ss, side.sidewalk.outerT, -0.1), ss, normal.clone().multiplyScalar(sign));
      }
    }
  }
}

function meshOf(builder: StripBuilder, material: THREE.Material, semantic: Parameters<typeof tagSemantic>[1], name: string): THREE.Mesh | null {
  if (builder.isEmpty) return null;
  const mesh = new THREE.Mesh(builder.build(), material);
  mesh.name = name;
  return tagSemantic(mesh, semantic, { cast: false, receive: true });
}

/** All road surfaces and junction discs of a network, from the Road contract alone. */
export function buildRoadSurface(network: RoadNetwork, instance: ScenarioInstance, look: SurfaceLook, lib: MaterialLibrary, stepM: number): THREE.Group {
  const group = new THREE.Group();
  group.name = 'road-surface';
  const layers: RoadSurfaceLayers = { asphalt: new StripBuilder(), parking: new StripBuilder(), kerb: new StripBuilder(), sidewalk: new StripBuilder() };
  for (const road of network.roads.values()) addRoadSurfaces(road, instance, stepM, layers);

  const asphalt = lib.standard('asphalt', { colour: look.asphalt.colour, roughness: look.asphalt.roughness });
  const parking = lib.standard('parking', { colour: look.parking.colour, roughness: look.parking.roughness });
  parking.polygonOffset = true;
  parking.polygonOffsetFactor = -1;
  parking.polygonOffsetUnits = -2;
  const meshes = [
    meshOf(layers.asphalt, asphalt, 'road', 'asphalt'),
    meshOf(layers.parking, parking, 'parking', 'parking'),
    meshOf(layers.kerb, lib.standard('kerb', { colour: look.kerb.colour, roughness: look.kerb.roughness }), 'kerb', 'kerbs'),
    meshOf(layers.sidewalk, lib.standard('sidewalk', { colour: look.sidewalk.colour, roughness: look.sidewalk.roughness }), 'sidewalk', 'sidewalks'),
  ];
  for (const m of meshes) {
    if (!m) continue;
    m.renderOrder = RENDER_ORDER.road;
    group.add(m);
  }

  for (const j of network.junctions) {
    if (j.radiusM <= 0) continue;
    const disc = new THREE.Mesh(
      lib.geometry('junction-disc', () => new THREE.CircleGeometry(1, 48).rotateX(-Math.PI / 2)),
      asphalt,
    );
    disc.scale.set(j.radiusM, 1, j.radiusM);
    disc.position.set(j.centre.x, -0.004, -j.centre.y);
    disc.name = `junction ${j.id}`;
    group.add(tagSemantic(disc, 'road', { cast: false, receive: true }));
  }

  return group;
}

/** The ground around everything: one large plane under the roads (semantic terrain). */
export function buildGround(network: RoadNetwork, look: SurfaceLook, lib: MaterialLibrary): THREE.Mesh {
  const b = network.bounds;
  const margin = 600;
  const ground = new THREE.Mesh(
    lib.geometry('ground', () => new THREE.PlaneGeometry(1, 1).rotateX(-Math.PI / 2)),
    lib.standard('terrain', { colour: look.terrain.colour, roughness: look.terrain.roughness }),
  );
  ground.scale.set(b.maxX - b.minX + 2 * margin, 1, b.maxY - b.minY + 2 * margin);
  ground.position.set((b.minX + b.maxX) / 2, -0.06, -(b.minY + b.maxY) / 2);
  ground.name = 'ground';
  ground.renderOrder = RENDER_ORDER.ground;
  return tagSemantic(ground, 'terrain', { cast: false, receive: true });
}
