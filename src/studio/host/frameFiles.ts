/**
 * Reading an export folder back for the frame browser: which frames are complete (they have a
 * record), where each image is, and its 2D boxes from the KITTI rows of its record or its YOLO label file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compareFrameIds, isFrameId } from '../../export/frameId.js';
import { RECORDS_DIR } from '../../export/datasetWriter.js';
import { kittiObjectLine } from '../../export/kitti.js';
import { RGB_FOLDER } from '../../export/layout.js';
import { parseRecord } from '../../export/frameRecord.js';
import { LABEL_CLASSES } from '../../render/types.js';
import type { ExportedFrame, FrameBox } from '../api.js';

export function imagePathOf(outDir: string, id: string): string | null {
  const p = path.join(outDir, RGB_FOLDER, `${id}.png`);
  return existsSync(p) ? p : null;
}

/** Complete frames of an export folder, in run order. */
export function listExportedFrames(outDir: string): ExportedFrame[] {
  let names: string[];
  try {
    names = readdirSync(path.join(outDir, RECORDS_DIR));
  } catch {
    return [];
  }
  const ids = names
    .filter((n) => n.endsWith('.json') && isFrameId(n.slice(0, -5)))
    .map((n) => n.slice(0, -5))
    .sort(compareFrameIds);
  const out: ExportedFrame[] = [];
  for (const id of ids) {
    const imagePath = imagePathOf(outDir, id);
    if (imagePath) out.push({ id, imagePath });
  }
  return out;
}

/** Width and height of a PNG from its IHDR chunk [px]. */
export function pngSize(png: Uint8Array): { widthPx: number; heightPx: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { widthPx: v.getUint32(16), heightPx: v.getUint32(20) };
}

/** KITTI label_2 lines: type trunc occ alpha x1 y1 x2 y2 h w l x y z ry. */
export function kittiBoxes(text: string): FrameBox[] {
  const out: FrameBox[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || f[0] === 'DontCare') continue;
    const [x1, y1, x2, y2] = f.slice(4, 8).map(Number);
    if ([x1, y1, x2, y2].every(Number.isFinite)) out.push({ cls: f[0], x1, y1, x2, y2 });
  }
  return out;
}

/** YOLO lines: class cx cy w h, normalised to the image size. */
export function yoloBoxes(text: string, widthPx: number, heightPx: number): FrameBox[] {
  const out: FrameBox[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/).map(Number);
    if (f.length < 5 || !f.every(Number.isFinite)) continue;
    const [c, cx, cy, w, h] = f;
    out.push({ cls: LABEL_CLASSES[c] ?? String(c), x1: (cx - w / 2) * widthPx, y1: (cy - h / 2) * heightPx, x2: (cx + w / 2) * widthPx, y2: (cy + h / 2) * heightPx });
  }
  return out;
}

export function frameBoxes(outDir: string, id: string, png: Uint8Array): FrameBox[] {
  const recordPath = path.join(outDir, RECORDS_DIR, `${id}.json`);
  const kitti = existsSync(recordPath) ? parseRecord(readFileSync(recordPath, 'utf8'), recordPath).kitti : null;
  if (kitti) return kittiBoxes(kitti.rows.map(kittiObjectLine).join('\n'));
  const yolo = path.join(outDir, 'labels', `${id}.txt`);
  if (existsSync(yolo)) {
    const { widthPx, heightPx } = pngSize(png);
    return yoloBoxes(readFileSync(yolo, 'utf8'), widthPx, heightPx);
  }
  return [];
}
