import type { RoadNetwork, Vec2 } from './types.js';
import type { Marking } from '../scenario/types.js';
import type { RoadLine } from './RoadLine.js';
import type { Strip } from './CrossSection.js';
import { LaneNetwork } from './LaneNetwork.js';
import { circlePolygon } from './curves/circlePolygon.js';

/** Painted line width [m]. */
const LINE_WIDTH_M = 0.15;
/** Centre distance of the two lines of a double-solid marking [m]. */
const DOUBLE_GAP_M = 0.3;
/** Dash and gap lengths of dashed lines [m]. */
const DASH_M = 3;
const GAP_M = 6;
/** Width of zebra bars and the gaps between them [m]. */
const ZEBRA_BAR_M = 0.5;

/** A strip of surface along a road: paired samples of its left and right edges. */
export interface SurfaceStrip {
  kind: 'carriageway' | 'shoulder' | 'parking' | 'kerb' | 'sidewalk';
  roadId: string;
  /** Height of the top surface above the ground [m] (0 for roadway, kerb height for kerbs and sidewalks). */
  heightM: number;
  /** left[i] and right[i] are the edges at the same s; left is to the left of the road direction. */
  left: Vec2[];
  right: Vec2[];
}

export interface MarkingLine {
  roadId: string;
  kind: 'centre' | 'lane' | 'edge';
  style: Exclude<Marking, 'none'>;
  widthM: number;
  /** Centre polylines of the painted line: one per dash, two for double-solid. */
  lines: Vec2[][];
}

export interface CrosswalkGeometry {
  roadId: string;
  s: number;
  /** Quad over the carriageway, counter-clockwise. */
  corners: Vec2[];
  /** Zebra bars (quads, counter-clockwise), parallel to the road. */
  bars: Vec2[][];
}

export interface AreaGeometry {
  id: string;
  kind: 'junction' | 'roundabout';
  /** Paved area (counter-clockwise polygon). */
  outline: Vec2[];
  /** Central island of a roundabout (counter-clockwise polygon), empty for junctions. */
  island: Vec2[];
}

/** Everything flat the scene draws for the roads. Frame: world x, y ground plane, z up [m]. */
export interface RoadGeometry {
  strips: SurfaceStrip[];
  markings: MarkingLine[];
  crosswalks: CrosswalkGeometry[];
  areas: AreaGeometry[];
}

/**
 * Samples every road of a network into drawable polylines every `stepM` metres (pure data).
 * Carriageways run through junctions (the junction area fills the corners) but stop at
 * roundabouts; markings, shoulders, parking, kerbs and sidewalks stop at every junction span.
 */
export function roadGeometry(network: RoadNetwork, stepM = 1): RoadGeometry {
  if (!(network instanceof LaneNetwork)) throw new Error('roadGeometry needs a network made by buildRoadNetwork');
  if (!(stepM > 0)) throw new Error(`roadGeometry: stepM must be positive (got ${stepM})`);
  const out: RoadGeometry = { strips: [], markings: [], crosswalks: [], areas: [] };
  const roundabouts = new Set(network.junctions.filter((j) => j.kind === 'roundabout').map((j) => j.id));
  for (const road of network.roads.values()) {
    const all = road.junctionSpans;
    const openAll = openIntervals(road.lengthM, all);
    const openRoundabouts = openIntervals(
      road.lengthM,
      all.filter((j) => roundabouts.has(j.blockId)),
    );
    const cw = road.carriagewayT;
    for (const [a, b] of openRoundabouts) out.strips.push(strip(road, 'carriageway', 0, cw.left, cw.right, a, b, stepM));
    for (const st of road.section.strips) {
      const height = st.kind === 'kerb' || st.kind === 'sidewalk' ? road.section.kerbHeightM : 0;
      const [l, r] = st.side === 'left' ? [st.outerT, st.innerT] : [st.innerT, st.outerT];
      for (const [a, b] of openAll) out.strips.push(strip(road, st.kind as Strip['kind'], height, l, r, a, b, stepM));
    }
    for (const m of markingLines(road)) {
      const lines: Vec2[][] = [];
      for (const [a, b] of openAll) lines.push(...paint(road, m.t, m.style, a, b, stepM));
      if (lines.length) out.markings.push({ roadId: road.id, kind: m.kind, style: m.style, widthM: LINE_WIDTH_M, lines });
    }
  }
  const main = network.roads.get('main');
  if (main) for (const c of network.crosswalks) out.crosswalks.push(crosswalk(main, c.s, c.widthM));
  for (const j of network.junctions) {
    out.areas.push({
      id: j.id,
      kind: j.kind,
      outline: j.areaPolygon,
      island: j.islandRadiusM > 0 ? circlePolygon(j.centre, j.islandRadiusM) : [],
    });
  }
  return out;
}

/** [0, length] minus the spans, as sorted [from, to] pieces. */
function openIntervals(length: number, spans: readonly { fromS: number; toS: number }[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a.fromS - b.fromS);
  const out: [number, number][] = [];
  let s = 0;
  for (const sp of sorted) {
    if (sp.fromS > s) out.push([s, sp.fromS]);
    s = Math.max(s, sp.toS);
  }
  if (length > s) out.push([s, length]);
  return out;
}

/** Stations from `fromS` to `toS` [m], both ends included, evenly spaced at most `stepM` apart. */
export function sampleS(fromS: number, toS: number, stepM: number): number[] {
  const n = Math.max(1, Math.ceil((toS - fromS) / stepM));
  const out: number[] = [];
  for (let i = 0; i <= n; i++) out.push(fromS + ((toS - fromS) * i) / n);
  return out;
}

function strip(road: RoadLine, kind: SurfaceStrip['kind'], heightM: number, leftT: number, rightT: number, a: number, b: number, step: number): SurfaceStrip {
  const s = sampleS(a, b, step);
  return { kind, roadId: road.id, heightM, left: s.map((x) => road.position(x, leftT)), right: s.map((x) => road.position(x, rightT)) };
}

/** Lateral positions and styles of a road's lines, inset by half a line at the edges. */
function markingLines(road: RoadLine): { t: number; kind: MarkingLine['kind']; style: Exclude<Marking, 'none'> }[] {
  const { forwardLanes: nF, backwardLanes: nB, laneWidthM: w, section } = road;
  const { centre, lanes, edge } = section.markings;
  const out: { t: number; kind: MarkingLine['kind']; style: Exclude<Marking, 'none'> }[] = [];
  const push = (t: number, kind: MarkingLine['kind'], style: Marking): void => {
    if (style !== 'none') out.push({ t, kind, style });
  };
  if (nB > 0) push(0, 'centre', centre);
  for (let i = 1; i < nF; i++) push(-i * w, 'lane', lanes);
  for (let i = 1; i < nB; i++) push(i * w, 'lane', lanes);
  push(road.carriagewayT.right + LINE_WIDTH_M / 2, 'edge', edge);
  push(road.carriagewayT.left - LINE_WIDTH_M / 2, 'edge', edge);
  return out;
}

/** Centre polylines of one marking over [a, b]. Dashes are phased from s = 0 of the road. */
function paint(road: RoadLine, t: number, style: Exclude<Marking, 'none'>, a: number, b: number, step: number): Vec2[][] {
  const fine = Math.min(step, 1);
  if (style === 'solid') return [sampleS(a, b, fine).map((s) => road.position(s, t))];
  if (style === 'double-solid') {
    const h = DOUBLE_GAP_M / 2;
    return [sampleS(a, b, fine).map((s) => road.position(s, t + h)), sampleS(a, b, fine).map((s) => road.position(s, t - h))];
  }
  const period = DASH_M + GAP_M;
  const out: Vec2[][] = [];
  for (let start = Math.floor(a / period) * period; start < b; start += period) {
    const from = Math.max(start, a);
    const to = Math.min(start + DASH_M, b);
    if (to - from > 1e-6) out.push(sampleS(from, to, fine).map((s) => road.position(s, t)));
  }
  return out;
}

function crosswalk(road: RoadLine, s: number, widthM: number): CrosswalkGeometry {
  const { right, left } = road.carriagewayT;
  const a = s - widthM / 2;
  const b = s + widthM / 2;
  const quad = (t0: number, t1: number): Vec2[] => [road.position(a, t0), road.position(b, t0), road.position(b, t1), road.position(a, t1)];
  const bars: Vec2[][] = [];
  for (let t = right + ZEBRA_BAR_M / 2; t + ZEBRA_BAR_M <= left + 1e-9; t += 2 * ZEBRA_BAR_M) bars.push(quad(t, t + ZEBRA_BAR_M));
  return { roadId: road.id, s, corners: quad(right, left), bars };
}
