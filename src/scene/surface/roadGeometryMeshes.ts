/**
 * Road meshes from the road layer's sampled geometry (roadGeometry): surface strips with
 * raised kerbs and sidewalks, junction and roundabout areas, painted lines and zebra bars.
 * The one way the scene draws roads: the road layer decides where every strip and line lies.
 */
import * as THREE from 'three';
import type { Vec2 } from '../../road/types.js';
import type { RoadGeometry, SurfaceStrip } from '../../road/roadGeometry.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { RENDER_ORDER } from '../materials/renderOrder.js';
import { StripBuilder } from './StripBuilder.js';
import type { SurfaceLook } from './surfaceLook.js';
import { tagSemantic } from '../materials/tagging.js';
import type { SemanticClass } from '../types.js';

const UP = new THREE.Vector3(0, 1, 0);
const LIFT_M = 0.004;
/** Height of a roundabout's central island [m]. */
const ISLAND_M = 0.15;

function edge(points: readonly Vec2[], heightM: number): number[] {
  const out: number[] = [];
  for (const p of points) out.push(p.x, heightM, -p.y);
  return out;
}

function along(points: readonly Vec2[]): number[] {
  const u = [0];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Vec2;
    const b = points[i] as Vec2;
    u.push((u[i - 1] as number) + Math.hypot(b.x - a.x, b.y - a.y));
  }
  return u;
}

/** Outward normal (three.js axes) of the face standing on `side` of a strip. */
function sideNormal(s: SurfaceStrip, side: 'left' | 'right'): THREE.Vector3 {
  const l = s.left[0] as Vec2;
  const r = s.right[0] as Vec2;
  const sign = side === 'left' ? 1 : -1;
  return new THREE.Vector3(sign * (l.x - r.x), 0, -sign * (l.y - r.y)).normalize();
}

function addStrip(layers: Record<SurfaceStrip['kind'], StripBuilder>, s: SurfaceStrip): void {
  const b = layers[s.kind];
  const u = along(s.left);
  const h = s.heightM + (s.kind === 'parking' ? 0.003 : 0);
  b.strip(edge(s.left, h), edge(s.right, h), u, UP);
  if (s.heightM > 0) {
    // Raised strips get their side faces (the one towards the road is the visible kerb face).
    for (const side of ['left', 'right'] as const) {
      const line = side === 'left' ? s.left : s.right;
      b.strip(edge(line, -0.05), edge(line, s.heightM), u, sideNormal(s, side));
    }
  }
}

/** A flat band of width w [m] centred on a polyline, at a height. */
function addBand(b: StripBuilder, line: readonly Vec2[], widthM: number, heightM: number): void {
  if (line.length < 2) return;
  const a: Vec2[] = [];
  const c: Vec2[] = [];
  for (let i = 0; i < line.length; i++) {
    const p0 = line[Math.max(0, i - 1)] as Vec2;
    const p1 = line[Math.min(line.length - 1, i + 1)] as Vec2;
    const dx = p1.x - p0.x;
    const dy = p1.y - p0.y;
    const n = Math.hypot(dx, dy) || 1;
    const p = line[i] as Vec2;
    const ox = (-dy / n) * (widthM / 2);
    const oy = (dx / n) * (widthM / 2);
    a.push({ x: p.x + ox, y: p.y + oy });
    c.push({ x: p.x - ox, y: p.y - oy });
  }
  b.strip(edge(a, heightM), edge(c, heightM), along(line), UP);
}

function polygonGeometry(outline: readonly Vec2[], holes: readonly (readonly Vec2[])[], heightM: number): THREE.BufferGeometry {
  const shape = new THREE.Shape(outline.map((p) => new THREE.Vector2(p.x, p.y)));
  for (const h of holes) if (h.length > 2) shape.holes.push(new THREE.Path(h.map((p) => new THREE.Vector2(p.x, p.y))));
  // Shape is in world x, y; lay it flat: world y -> three -z.
  const g = new THREE.ShapeGeometry(shape).rotateX(-Math.PI / 2);
  g.translate(0, heightM, 0);
  return g;
}

function mesh(geometry: THREE.BufferGeometry, material: THREE.Material, semantic: SemanticClass, name: string, order: number): THREE.Mesh {
  const m = new THREE.Mesh(geometry, material);
  m.name = name;
  m.renderOrder = order;
  return tagSemantic(m, semantic, { cast: false, receive: true });
}

function liftedMaterial(lib: MaterialLibrary, key: string, look: { colour: THREE.Color; roughness: number }, factor: number): THREE.MeshStandardMaterial {
  const m = lib.standard(key, { colour: look.colour, roughness: look.roughness });
  m.polygonOffset = true;
  m.polygonOffsetFactor = factor;
  m.polygonOffsetUnits = 2 * factor;
  return m;
}

/** Surface, areas, markings and crosswalks of a sampled road geometry. */
export function buildRoadFromGeometry(geometry: RoadGeometry, look: SurfaceLook, lib: MaterialLibrary): { surface: THREE.Group; markings: THREE.Group } {
  const surface = new THREE.Group();
  surface.name = 'road-surface';
  const layers: Record<SurfaceStrip['kind'], StripBuilder> = {
    carriageway: new StripBuilder(),
    shoulder: new StripBuilder(),
    parking: new StripBuilder(),
    kerb: new StripBuilder(),
    sidewalk: new StripBuilder(),
  };
  for (const s of geometry.strips) if (s.left.length > 1) addStrip(layers, s);
  const asphalt = lib.standard('asphalt', { colour: look.asphalt.colour, roughness: look.asphalt.roughness });
  const parts: [StripBuilder, THREE.Material, SemanticClass][] = [
    [layers.carriageway, asphalt, 'road'],
    [layers.shoulder, asphalt, 'road'],
    [layers.parking, liftedMaterial(lib, 'parking', look.parking, -1), 'parking'],
    [layers.kerb, lib.standard('kerb', { colour: look.kerb.colour, roughness: look.kerb.roughness }), 'kerb'],
    [layers.sidewalk, lib.standard('sidewalk', { colour: look.sidewalk.colour, roughness: look.sidewalk.roughness }), 'sidewalk'],
  ];
  for (const [b, mat, sem] of parts) if (!b.isEmpty) surface.add(mesh(b.build(), mat, sem, sem, RENDER_ORDER.road));
  for (const a of geometry.areas) {
    if (a.outline.length < 3) continue;
    surface.add(mesh(polygonGeometry(a.outline, a.island.length ? [a.island] : [], -0.002), asphalt, 'road', `area ${a.id}`, RENDER_ORDER.road));
    if (a.island.length > 2) {
      const grass = lib.standard('island', { colour: look.terrain.colour, roughness: 0.95 });
      surface.add(mesh(polygonGeometry(a.island, [], ISLAND_M), grass, 'terrain', `island ${a.id}`, RENDER_ORDER.road));
      const kerb = new StripBuilder();
      const ring = [...a.island, a.island[0] as Vec2];
      // Face outwards from the island's centre (checked at the first point; the ring keeps its winding).
      const cx = a.island.reduce((acc, p) => acc + p.x, 0) / a.island.length;
      const cy = a.island.reduce((acc, p) => acc + p.y, 0) / a.island.length;
      const p0 = a.island[0] as Vec2;
      kerb.strip(edge(ring, 0), edge(ring, ISLAND_M), along(ring), new THREE.Vector3(p0.x - cx, 0, -(p0.y - cy)));
      surface.add(mesh(kerb.build(), lib.standard('kerb', { colour: look.kerb.colour, roughness: look.kerb.roughness }), 'kerb', `island kerb ${a.id}`, RENDER_ORDER.road));
    }
  }

  const markings = new THREE.Group();
  markings.name = 'markings';
  const lines = new StripBuilder();
  for (const m of geometry.markings) for (const l of m.lines) addBand(lines, l, m.widthM, LIFT_M);
  if (!lines.isEmpty) markings.add(mesh(lines.build(), liftedMaterial(lib, 'marking', look.marking, -2), 'lane-marking', 'lane-markings', RENDER_ORDER.markings));
  const zebra = new StripBuilder();
  for (const c of geometry.crosswalks) {
    for (const bar of c.bars) {
      if (bar.length !== 4) continue;
      const [p0, p1, p2, p3] = bar as [Vec2, Vec2, Vec2, Vec2];
      zebra.strip(edge([p0, p1], LIFT_M), edge([p3, p2], LIFT_M), along([p0, p1]), UP);
    }
  }
  if (!zebra.isEmpty) markings.add(mesh(zebra.build(), liftedMaterial(lib, 'crosswalk', look.marking, -2), 'crosswalk', 'crosswalks', RENDER_ORDER.markings));
  return { surface, markings };
}
