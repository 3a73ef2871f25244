/**
 * Export fixtures made in code: a small 64x48 frame whose instance pass is painted pixel by
 * pixel, with labels (boxes, pixel counts) derived from the painted mask the way the renderer
 * derives them from its id buffer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { DatasetWriter } from '../../src/export/datasetWriter.js';
import type { Box2, CameraModel, LabelClass, ObjectLabel, RenderedFrame } from '../../src/render/types.js';
import type { ActorInstance, ActorKind, SampledInstance, ScenarioInstance } from '../../src/scenario/types.js';
import type { SimMetrics } from '../../src/sim/types.js';
import { rgbFromTrackId } from '../../src/export/instanceMask.js';
import type { DatasetOptions, ExportSummary, FrameContext } from '../../src/export/types.js';

export const W = 64;
export const H = 48;

/** Level camera 1.5 m above the world origin looking along world +x; fx = fy = 50 px. */
export const camera: CameraModel = {
  widthPx: W,
  heightPx: H,
  K: [50, 0, 32, 0, 50, 24, 0, 0, 1],
  P: [50, 0, 32, 0, 0, 50, 24, 0, 0, 0, 1, 0],
  // cam x = -world y, cam y = -(world z - 1.5), cam z = world x
  worldToCamera: [0, -1, 0, 0, 0, 0, -1, 1.5, 1, 0, 0, 0, 0, 0, 0, 1],
  // level camera: the rect frame is the camera frame
  worldToRect: [0, -1, 0, 0, 0, 0, -1, 1.5, 1, 0, 0, 0, 0, 0, 0, 1],
  rectToCamera: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

function actor(id: string, kind: ActorKind, wheelchair = false): ActorInstance {
  return {
    id,
    kind,
    place: { road: 'main', lane: 1, s: 20, offsetM: 0, headingDeg: 0 },
    speedMps: 5,
    colour: '#808080',
    size: { lengthM: 4, widthM: 1.8, heightM: 1.5 },
    ...(kind === 'pedestrian'
      ? {
          person: {
            heightM: 1.3,
            ageGroup: 'adult' as const,
            mobilityAid: wheelchair ? ('wheelchair' as const) : ('none' as const),
            skinTone: 'III' as const,
            topColour: '#ff0000',
            bottomColour: '#0000ff',
          },
        }
      : {}),
    lights: { headlights: 'auto', hazard: false, highBeams: false },
    behaviours: [],
  };
}

export function scenarioInstance(rain = 0.4, sunElevationDeg = 30): ScenarioInstance {
  return {
    version: 1,
    name: 'fixture',
    simulation: { durationS: 4, dtS: 0.05, nearMissTtcS: 1.5 },
    road: {
      lanes: { forward: 1, backward: 1, widthM: 3.5 },
      markings: { centre: 'dashed', lanes: 'dashed', edge: 'solid' },
      parking: { left: false, right: true, widthM: 2.2 },
      sidewalks: { left: true, right: true, widthM: 2, kerbHeightM: 0.15 },
      shoulderM: 0.5,
      speedLimitMps: 13.9,
      surface: 'auto',
      setting: 'urban',
      blocks: [{ kind: 'straight', id: 'a', lengthM: 200 }],
      crosswalks: [],
      furniture: [],
    },
    weather: { rain, snow: 0, fogVisibilityM: 5000, cloudCover: 0.5, wetness: rain, puddles: 0, snowCover: 0 },
    light: { timeOfDayH: 14, sunElevationDeg, sunAzimuthDeg: 120, streetLights: false, exposureEv: 0, glare: 0 },
    ego: {
      kind: 'car',
      place: { road: 'main', lane: 1, s: 0, offsetM: 0, headingDeg: 0 },
      speedMps: 10,
      colour: '#ffffff',
      size: { lengthM: 4.5, widthM: 1.8, heightM: 1.5 },
      behaviours: [],
      camera: { widthPx: W, heightPx: H, fovDeg: 65, heightM: 1.5, forwardM: 0, pitchDeg: 0, noise: 0, motionBlur: 0, lensDrops: 0 },
      lights: { highBeams: false },
    },
    actors: [actor('car1', 'car'), actor('wheel1', 'pedestrian', true), actor('box1', 'object'), actor('dog1', 'animal'), actor('hidden1', 'car')],
    focus: { actors: [] },
  };
}

export function sample(index: number, overrides: Partial<SampledInstance> = {}): SampledInstance {
  return {
    index,
    seed: 1000 + index,
    design: 'lhs',
    hash: `inst${index.toString(16).padStart(4, '0')}`,
    // Deliberately unsorted: the manifest must sort them.
    parameters: { rain: 0.4, '/actors/0/speedMps': 5.25, gap: 12, night: false, kind: 'van' },
    tries: 1,
    instance: scenarioInstance(),
    ...overrides,
  };
}

export const metrics: SimMetrics = {
  perActor: {},
  minTtcS: 2.345678,
  minDistanceM: 3.5,
  collisions: 0,
  hardBrakes: 1,
  nearMiss: false,
  nearMissTtcS: 1.5,
};

/** A painted object: which pixels it owns in the instance pass. */
interface Painted {
  trackId: number;
  actorId: string;
  cls: LabelClass;
  owns: (x: number, y: number) => boolean;
  /** Pixels it would cover unoccluded (for the occlusion fields). */
  unoccludedPixels: number;
  amodalBox: Box2 | null;
  lowVisibility?: boolean;
  truncation?: number;
}

/**
 * The fixture's objects, painted back to front (later ones occlude earlier ones). `shift`
 * moves everything right by that many pixels so consecutive frames differ.
 */
function paintedObjects(shift: number): Painted[] {
  return [
    // A box object, partly hidden behind the car.
    {
      trackId: 3,
      actorId: 'box1',
      cls: 'Object',
      owns: (x, y) => x >= 4 + shift && x < 18 + shift && y >= 26 && y < 40,
      unoccludedPixels: 196,
      amodalBox: [4 + shift, 26, 18 + shift, 40],
    },
    // The car: a rectangle with a notch (not convex, so the RLE has several runs per column).
    {
      trackId: 1,
      actorId: 'car1',
      cls: 'Car',
      owns: (x, y) => x >= 10 + shift && x < 30 + shift && y >= 20 && y < 35 && !(x > 20 + shift && y < 24),
      unoccludedPixels: 260,
      amodalBox: [8.5 + shift, 18.25, 31.75 + shift, 36],
    },
    // A wheelchair user: a disc.
    { trackId: 2, actorId: 'wheel1', cls: 'Pedestrian', owns: (x, y) => (x - 43) ** 2 + (y - 25) ** 2 <= 16, unoccludedPixels: 49, amodalBox: [39, 21, 48, 30] },
    // A tiny animal at the bottom-right corner: low visibility and truncated.
    { trackId: 4, actorId: 'dog1', cls: 'Animal', owns: (x, y) => x >= 62 && y >= 46, unoccludedPixels: 4, amodalBox: [61.5, 45.5, 64, 48], lowVisibility: true, truncation: 0.6 },
    // A car entirely hidden: labeled, no visible pixels.
    { trackId: 5, actorId: 'hidden1', cls: 'Car', owns: () => false, unoccludedPixels: 300, amodalBox: [20, 10, 40, 30] },
  ];
}

/** The fixture's instance ids, row-major. */
export function instanceIds(shift = 0): Uint32Array {
  const ids = new Uint32Array(W * H);
  for (const p of paintedObjects(shift)) {
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (p.owns(x, y)) ids[y * W + x] = p.trackId;
  }
  return ids;
}

function rgbPng(ids: Uint32Array, colour: (id: number) => [number, number, number]): Uint8Array {
  const data = new Uint8Array(W * H * 3);
  for (let i = 0; i < ids.length; i++) data.set(colour(ids[i]), i * 3);
  return encode({ width: W, height: H, data, channels: 3, depth: 8 });
}

export function makeFrame(shift = 0, frame = 0): RenderedFrame {
  const ids = instanceIds(shift);
  const objects: ObjectLabel[] = paintedObjects(shift).map((p) => {
    let x1 = Infinity,
      y1 = Infinity,
      x2 = -Infinity,
      y2 = -Infinity,
      n = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        if (ids[y * W + x] !== p.trackId) continue;
        n += 1;
        x1 = Math.min(x1, x);
        y1 = Math.min(y1, y);
        x2 = Math.max(x2, x + 1);
        y2 = Math.max(y2, y + 1);
      }
    }
    const occlusion = 1 - n / p.unoccludedPixels;
    return {
      actorId: p.actorId,
      trackId: p.trackId,
      cls: p.cls,
      box: n > 0 ? [x1, y1, x2, y2] : null,
      amodalBox: p.amodalBox,
      box3d: { h: 1.5, w: 1.8, l: 4.2, x: -1 + p.trackId, y: 1.5, z: 8 + p.trackId * 2, rotationY: 2.9 + p.trackId * 0.3, alpha: -3.3 + p.trackId * 0.1 },
      visiblePixels: n,
      unoccludedPixels: p.unoccludedPixels,
      occlusion,
      truncation: p.truncation ?? 0,
      occludedLevel: n === 0 ? 3 : occlusion < 0.05 ? 0 : occlusion < 0.5 ? 1 : 2,
      distanceM: 8 + p.trackId * 2,
      contrast: n > 0 ? 0.5 : null,
      lightness: n > 0 ? 40 : null,
      lowVisibility: p.lowVisibility ?? false,
    };
  });
  const depth = new Uint16Array(W * H).map((_, i) => (ids[i] === 0 ? 0 : 256 * (10 + ids[i])));
  return {
    labels: { frame, tick: frame * 2, timeS: frame * 0.1, camera, objects },
    rgb: rgbPng(ids, (id) => (id === 0 ? [90, 120, 200] : [200, 40 * id, 30])),
    instance: rgbPng(ids, rgbFromTrackId),
    semantic: rgbPng(ids, (id) => [id === 0 ? 0 : 15 + id, 0, 0]),
    depth: encode({ width: W, height: H, data: depth, channels: 1, depth: 16 }),
  };
}

export function frameContext(sampleIndex: number, frame: number): FrameContext {
  return {
    sample: sample(sampleIndex),
    metrics,
    frameIndexInInstance: frame,
    globalFrameId: sampleIndex * 3 + frame,
    tick: frame * 2,
    timeS: frame * 0.1,
  };
}

export function datasetOptions(overrides: Partial<DatasetOptions> = {}): DatasetOptions {
  return {
    formats: ['kitti', 'coco', 'yolo'],
    passes: ['rgb', 'instance', 'semantic', 'depth'],
    scenario: { file: 'scenarios/fixture.yaml', hash: 'abc123', name: 'fixture' },
    run: {
      command: 'roadsynth run scenarios/fixture.yaml --out out/fixture --count 2 --frames 3 --seed 7',
      seed: 7,
      design: 'lhs',
      count: 2,
      framesPerInstance: 3,
      fps: 10,
      version: '0.1.0',
    },
    ...overrides,
  };
}

/** The (sample, frame) pairs of the fixture run: 2 instances x 3 frames. */
export const FIXTURE_FRAMES: [number, number][] = [
  [0, 0],
  [0, 1],
  [0, 2],
  [1, 0],
  [1, 1],
  [1, 2],
];

/** Writes the fixture run (6 frames) into `outDir` and finishes it. */
export function writeFixtureDataset(outDir: string, overrides: Partial<DatasetOptions> = {}, frames: [number, number][] = FIXTURE_FRAMES): ExportSummary {
  const w = DatasetWriter.open(outDir, datasetOptions(overrides));
  for (const [s, f] of frames) w.writeFrame(frameContext(s, f), makeFrame(f, f));
  return w.finish();
}

/** Every file under `dir` (relative path -> bytes), for byte-for-byte comparisons. */
export function snapshotDir(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, readFileSync(join(dir, r)));
    }
  };
  walk('');
  return out;
}
