/**
 * Lane markings and crosswalk stripes as thin meshes just above the asphalt. Styles come from
 * the scenario's road.markings; markings stop inside junction areas.
 */
import * as THREE from 'three';
import type { Marking, ScenarioInstance } from '../../scenario/types.js';
import type { Road, RoadNetwork } from '../../road/types.js';
import type { MaterialLibrary } from '../materials/materialLibrary.js';
import { StripBuilder } from './StripBuilder.js';
import { edgeAt, sampleS, spansOutside, type SpanM } from './roadSpans.js';
import type { SurfaceLook } from './surfaceLook.js';
import { RENDER_ORDER } from '../materials/renderOrder.js';
import { tagSemantic } from '../materials/tagging.js';

const UP = new THREE.Vector3(0, 1, 0);
const LINE_WIDTH_M = 0.15;
const DOUBLE_GAP_M = 0.12;
const DASH_M = 3;
const GAP_M = 6;
const LIFT_M = 0.004;
const STRIPE_M = 0.5;

export interface MarkingLine {
  tM: number;
  style: Marking;
}

/** Lines of a road's cross-section: centre, lane separators and both edges, with their styles. */
export function markingLines(road: Road, instance: ScenarioInstance): MarkingLine[] {
  const m = instance.road.markings;
  const F = road.forwardLanes;
  const B = road.backwardLanes;
  const w = road.laneWidthM;
  const c = (k: number): number => road.laneCentreT(k);
  const out: MarkingLine[] = [];
  if (F > 0 && B > 0) out.push({ tM: (c(1) + c(-1)) / 2, style: m.centre });
  for (let k = 1; k < F; k++) out.push({ tM: (c(k) + c(k + 1)) / 2, style: m.lanes });
  for (let k = 1; k < B; k++) out.push({ tM: (c(-k) + c(-k - 1)) / 2, style: m.lanes });
  if (F > 0) out.push({ tM: c(F) - w / 2, style: m.edge });
  if (B > 0) out.push({ tM: c(-B) + w / 2, style: m.edge });
  else if (F > 0) out.push({ tM: c(1) + w / 2, style: m.edge });
  return out;
}

function addLine(b: StripBuilder, road: Road, span: SpanM, tM: number, stepM: number): void {
  const ss = sampleS(span.fromS, span.toS, stepM);
  b.strip(edgeAt(road, ss, tM - LINE_WIDTH_M / 2, LIFT_M), edgeAt(road, ss, tM + LINE_WIDTH_M / 2, LIFT_M), ss, UP);
}

function addStyledLine(b: StripBuilder, road: Road, span: SpanM, line: MarkingLine, stepM: number): void {
  switch (line.style) {
    case 'none':
      return;
    case 'solid':
      addLine(b, road, span, line.tM, stepM);
      return;
    case 'double-solid':
      addLine(b, road, span, line.tM - DOUBLE_GAP_M / 2 - LINE_WIDTH_M / 2, stepM);
      addLine(b, road, span, line.tM + DOUBLE_GAP_M / 2 + LINE_WIDTH_M / 2, stepM);
      return;
    case 'dashed': {
      // Dash phase is fixed to s = 0 so dashes line up across spans.
      const period = DASH_M + GAP_M;
      for (let s0 = Math.floor(span.fromS / period) * period; s0 < span.toS; s0 += period) {
        const from = Math.max(s0, span.fromS);
        const to = Math.min(s0 + DASH_M, span.toS);
        if (to - from > 0.2) addLine(b, road, { fromS: from, toS: to }, line.tM, stepM);
      }
    }
  }
}

/** Zebra stripes across the carriageway at s, covering `widthM` along the road. */
function addCrosswalk(b: StripBuilder, road: Road, s: number, widthM: number): void {
  const span = sampleS(s - widthM / 2, s + widthM / 2, widthM);
  for (let t = road.carriagewayT.right + 0.3; t + STRIPE_M <= road.carriagewayT.left - 0.2; t += 2 * STRIPE_M) {
    b.strip(edgeAt(road, span, t, LIFT_M), edgeAt(road, span, t + STRIPE_M, LIFT_M), span, UP);
  }
}

function markingMaterial(lib: MaterialLibrary, look: SurfaceLook, key: string): THREE.MeshStandardMaterial {
  const m = lib.standard(key, { colour: look.marking.colour, roughness: look.marking.roughness });
  // Pull markings towards the camera in depth so they never fight with the asphalt far away.
  m.polygonOffset = true;
  m.polygonOffsetFactor = -2;
  m.polygonOffsetUnits = -4;
  return m;
}

export function buildLaneMarkings(network: RoadNetwork, instance: ScenarioInstance, look: SurfaceLook, lib: MaterialLibrary, stepM: number): THREE.Group {
  const group = new THREE.Group();
  group.name = 'markings';
  const lines = new StripBuilder();
  for (const road of network.roads.values()) {
    const spans = spansOutside(road.lengthM, road.junctionSpans);
    for (const line of markingLines(road, instance)) for (const span of spans) addStyledLine(lines, road, span, line, stepM);
  }
  if (!lines.isEmpty) {
    const mesh = new THREE.Mesh(lines.build(), markingMaterial(lib, look, 'marking'));
    mesh.name = 'lane-markings';
    mesh.renderOrder = RENDER_ORDER.markings;
    group.add(tagSemantic(mesh, 'lane-marking', { cast: false, receive: true }));
  }
  const main = network.roads.get('main');
  const zebra = new StripBuilder();
  if (main) for (const cw of instance.road.crosswalks) addCrosswalk(zebra, main, cw.s, cw.widthM);
  if (!zebra.isEmpty) {
    const mesh = new THREE.Mesh(zebra.build(), markingMaterial(lib, look, 'crosswalk'));
    mesh.name = 'crosswalks';
    mesh.renderOrder = RENDER_ORDER.markings;
    group.add(tagSemantic(mesh, 'crosswalk', { cast: false, receive: true }));
  }
  return group;
}
