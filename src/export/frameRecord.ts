/**
 * records/<id>.json: everything finish() needs from one frame (manifest line, COCO part,
 * statistics for the card). Written last, after the frame's other files, so its presence means
 * the frame is complete; finish() builds the run-wide files from these records alone, which is
 * what lets a resumed run end with the same files as an uninterrupted one.
 */
import type { LabelClass, RenderedFrame } from '../render/types.js';
import type { Light, Weather } from '../scenario/types.js';
import type { CocoFrame } from './coco.js';
import type { KittiDifficulty } from './kitti.js';
import { kittiBox2d, kittiDifficulty } from './kitti.js';
import type { KittiFrame } from './kittiLayout.js';
import type { ManifestEntry } from './manifest.js';
import type { KittiOptions } from './types.js';

/** KITTI difficulty of an object, or 'dontcare' for low-visibility objects written as DontCare. */
export type DifficultyBucket = KittiDifficulty | 'dontcare';

export interface FrameStats {
  widthPx: number;
  heightPx: number;
  /** One entry per object with visible pixels, ordered by trackId. */
  objects: { cls: LabelClass; difficulty: DifficultyBucket }[];
  weather: Weather;
  light: Light;
}

/** Version of the record layout; records of another version are refused (re-run into a new folder). */
export const RECORD_VERSION = 3;

export interface FrameRecord {
  version: typeof RECORD_VERSION;
  manifest: ManifestEntry;
  /** Null when COCO is not among the formats. */
  coco: CocoFrame | null;
  /** Rows and camera for kitti/; null when KITTI is not among the formats. */
  kitti: KittiFrame | null;
  stats: FrameStats;
}

export function frameStats(frame: RenderedFrame, weather: Weather, light: Light, kitti: KittiOptions): FrameStats {
  const { camera, objects } = frame.labels;
  const out: FrameStats['objects'] = [];
  for (const obj of [...objects].sort((a, b) => a.trackId - b.trackId)) {
    const box = kittiBox2d(obj, camera, kitti);
    if (box === null) continue;
    const dontCare = obj.lowVisibility && kitti.lowVisibility === 'dontcare';
    out.push({ cls: obj.cls, difficulty: dontCare ? 'dontcare' : kittiDifficulty(box, obj.occludedLevel, obj.truncation) });
  }
  return { widthPx: camera.widthPx, heightPx: camera.heightPx, objects: out, weather, light };
}

export function serializeRecord(record: FrameRecord): string {
  return JSON.stringify(record) + '\n';
}

export function parseRecord(text: string, where: string): FrameRecord {
  const r = JSON.parse(text) as FrameRecord;
  if (r.version !== RECORD_VERSION) {
    throw new Error(`${where}: frame record version ${String(r.version)}, this roadsynth writes version ${RECORD_VERSION}; write the dataset to a new folder`);
  }
  return r;
}
