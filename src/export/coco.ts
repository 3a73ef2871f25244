/**
 * COCO detection JSON. Per frame, cocoFrame() builds the image entry and its annotations (with
 * RLE masks from the instance pass); writeCocoFile() joins the frames' parts into one file at
 * the end of a run, numbering annotations in frame order so the file is the same however the
 * frames were produced.
 */
import type { Box2, LabelClass, ObjectLabel, RenderedFrame } from '../render/types.js';
import type { Light, Weather } from '../scenario/types.js';
import type { FrameContext, ScenarioRef } from './types.js';
import { decodeInstanceMask, maskExtents } from './instanceMask.js';
import { encodeMaskRle } from './rle.js';
import type { CocoRle } from './rle.js';
import { roundTo } from './numberFormat.js';
import { ClassMap } from './classMap.js';

const DEFAULT_CLASS_MAP = new ClassMap();

export interface CocoCategory {
  id: number;
  /** The class name as the class map writes it (a LabelClass by default). */
  name: string;
  supercategory: 'vehicle' | 'person' | 'animal' | 'object';
}

const SUPERCATEGORY: Record<LabelClass, CocoCategory['supercategory']> = {
  Car: 'vehicle',
  Van: 'vehicle',
  Truck: 'vehicle',
  Bus: 'vehicle',
  Motorcycle: 'vehicle',
  Cyclist: 'person',
  Pedestrian: 'person',
  Animal: 'animal',
  Object: 'object',
};

/** Category ids are the class map's output index + 1 (COCO keeps 0 for background); by default the LABEL_CLASSES index + 1. */
export function cocoCategoryId(cls: LabelClass, classes: ClassMap = DEFAULT_CLASS_MAP): number {
  return classes.indexOf(cls) + 1;
}

/** One category per output class name; its supercategory is that of its first source class. */
export function cocoCategories(classes: ClassMap = DEFAULT_CLASS_MAP): CocoCategory[] {
  const sources = classes.sources();
  return classes.names.map((name, i) => ({ id: i + 1, name, supercategory: SUPERCATEGORY[sources[i]] }));
}

export interface CocoImage {
  id: number;
  file_name: string;
  width: number;
  height: number;
  frame_id: string;
  sample_index: number;
  frame_index: number;
  tick: number;
  time_s: number;
  scenario_hash: string;
  instance_hash: string;
  weather: Weather;
  light: Light;
  /** Importance weight of the sample (searched samples only; absent means 1), as in manifest.jsonl. */
  weight?: number;
}

/** COCO [x, y, w, h] of an x2/y2-exclusive box [px]. */
export function cocoBox(b: Box2): [number, number, number, number] {
  return [roundTo(b[0], 2), roundTo(b[1], 2), roundTo(b[2] - b[0], 2), roundTo(b[3] - b[1], 2)];
}

export interface CocoAttributes {
  track_id: number;
  actor_id: string;
  /** 1 - visible / unoccluded pixels, 0..1. */
  occlusion: number;
  occluded_level: number;
  truncation: number;
  /** Projected 3D box clipped to the image, [x, y, w, h] [px]; null when outside. */
  amodal_bbox: [number, number, number, number] | null;
  /** KITTI camera frame [m], [rad]: bottom centre x, y, z; dimensions h, w, l. */
  bbox3d: { h: number; w: number; l: number; x: number; y: number; z: number; rotation_y: number; alpha: number };
  distance_m: number;
  /** Share of visible pixels distinguishable from the surround (0..1), null when not measured. */
  contrast: number | null;
  /** Mean CIE L* of the visible pixels (0..100), null when not measured. */
  lightness: number | null;
  low_visibility: boolean;
  /** One of the scenario's focus actors (docs/grammar.md#focus). */
  focus: boolean;
}

/** An annotation before its dataset-wide id is known. */
export interface CocoAnnotationDraft {
  image_id: number;
  category_id: number;
  bbox: [number, number, number, number];
  area: number;
  iscrowd: 0;
  segmentation?: CocoRle;
  attributes: CocoAttributes;
}

export interface CocoFrame {
  image: CocoImage;
  annotations: CocoAnnotationDraft[];
}

function attributesOf(obj: ObjectLabel, focus: ReadonlySet<string>): CocoAttributes {
  const b = obj.box3d;
  return {
    track_id: obj.trackId,
    actor_id: obj.actorId,
    occlusion: roundTo(obj.occlusion, 4),
    occluded_level: obj.occludedLevel,
    truncation: roundTo(obj.truncation, 4),
    amodal_bbox: obj.amodalBox === null ? null : cocoBox(obj.amodalBox),
    bbox3d: {
      h: roundTo(b.h, 3),
      w: roundTo(b.w, 3),
      l: roundTo(b.l, 3),
      x: roundTo(b.x, 3),
      y: roundTo(b.y, 3),
      z: roundTo(b.z, 3),
      rotation_y: roundTo(b.rotationY, 4),
      alpha: roundTo(b.alpha, 4),
    },
    distance_m: roundTo(obj.distanceM, 3),
    contrast: obj.contrast === null ? null : roundTo(obj.contrast, 3),
    lightness: obj.lightness === null ? null : roundTo(obj.lightness, 1),
    low_visibility: obj.lowVisibility,
    focus: focus.has(obj.actorId),
  };
}

/**
 * Image entry and annotations of one frame: one annotation per object with visible pixels,
 * ordered by trackId. With an instance pass, segmentation is the object's RLE and area its pixel
 * count; without one, area is the label's visiblePixels and segmentation is left out.
 */
export function cocoFrame(ctx: FrameContext, frame: RenderedFrame, scenario: ScenarioRef, fileName: string, frameIdStr: string, classes: ClassMap = DEFAULT_CLASS_MAP): CocoFrame {
  const { camera, objects } = frame.labels;
  const image: CocoImage = {
    id: ctx.globalFrameId,
    file_name: fileName,
    width: camera.widthPx,
    height: camera.heightPx,
    frame_id: frameIdStr,
    sample_index: ctx.sample.index,
    frame_index: ctx.frameIndexInInstance,
    tick: ctx.tick,
    time_s: roundTo(ctx.timeS, 6),
    scenario_hash: scenario.hash,
    instance_hash: ctx.sample.hash,
    weather: ctx.sample.instance.weather,
    light: ctx.sample.instance.light,
    ...(ctx.sample.weight !== undefined ? { weight: ctx.sample.weight } : {}),
  };
  const mask = frame.instance ? decodeInstanceMask(frame.instance) : null;
  if (mask && (mask.widthPx !== camera.widthPx || mask.heightPx !== camera.heightPx)) {
    throw new Error(`frame ${frameIdStr}: instance pass is ${mask.widthPx}x${mask.heightPx}, camera is ${camera.widthPx}x${camera.heightPx}`);
  }
  const extents = mask ? maskExtents(mask) : null;
  const annotations: CocoAnnotationDraft[] = [];
  const focus = new Set(ctx.sample.instance.focus.actors);
  for (const obj of [...objects].sort((a, b) => a.trackId - b.trackId)) {
    if (obj.box === null) continue;
    const ann: CocoAnnotationDraft = {
      image_id: ctx.globalFrameId,
      category_id: cocoCategoryId(obj.cls, classes),
      bbox: cocoBox(obj.box),
      area: obj.visiblePixels,
      iscrowd: 0,
      attributes: attributesOf(obj, focus),
    };
    if (mask && extents) {
      const extent = extents.get(obj.trackId);
      if (extent === undefined) {
        throw new Error(
          `frame ${frameIdStr}: object ${obj.actorId} (trackId ${obj.trackId}) has a visible box but no pixels ` + `in the instance pass (expected id = r + 256*g + 65536*b)`,
        );
      }
      ann.area = extent.pixels;
      ann.segmentation = encodeMaskRle(mask, obj.trackId, extent);
    }
    annotations.push(ann);
  }
  return { image, annotations };
}

export interface CocoInfo {
  description: string;
  version: string;
  contributor: string;
  scenario_file: string;
  scenario_hash: string;
  synthetic: true;
}

/** Something that takes text in order (an AtomicFileStream). */
export interface TextSink {
  write(chunk: string): void;
}

/**
 * Streams a COCO file: `forEachFrame` is called twice (images, then annotations) and must
 * visit the frames in the same order both times. One image or annotation per line keeps the
 * file diffable. Returns the number of annotations; their ids are 1..n in visiting order.
 */
export function writeCocoFile(out: TextSink, info: CocoInfo, forEachFrame: (visit: (f: CocoFrame) => void) => void, classes: ClassMap = DEFAULT_CLASS_MAP): number {
  out.write(`{"info":${JSON.stringify(info)},\n"licenses":[],\n"images":[`);
  let first = true;
  forEachFrame((f) => {
    out.write((first ? '\n' : ',\n') + JSON.stringify(f.image));
    first = false;
  });
  out.write('\n],\n"annotations":[');
  let id = 0;
  forEachFrame((f) => {
    for (const a of f.annotations) {
      id += 1;
      out.write((id === 1 ? '\n' : ',\n') + JSON.stringify({ id, ...a }));
    }
  });
  out.write(`\n],\n"categories":${JSON.stringify(cocoCategories(classes))}}\n`);
  return id;
}
