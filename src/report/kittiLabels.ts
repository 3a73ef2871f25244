/**
 * Reads KITTI label_2 files (ours or a real KITTI set) into the few fields the report compares:
 * type, truncation, occlusion level and 2D box. Other fields are not needed and not checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Box2 } from '../render/types.js';

export interface LabelRow {
  type: string;
  /** 0..1 */
  truncation: number;
  /** 0 fully visible, 1 partly, 2 largely occluded, 3 unknown. */
  occluded: number;
  /** left, top, right, bottom [px] */
  box: Box2;
}

/** Rows of one label file; `where` names the file in errors. */
export function parseKittiLabels(text: string, where: string): LabelRow[] {
  const rows: LabelRow[] = [];
  text.split('\n').forEach((line, i) => {
    const f = line.trim().split(/\s+/);
    if (f.length === 1 && f[0] === '') return;
    if (f.length < 15) throw new Error(`${where}:${i + 1}: a KITTI label line has 15 fields (16 with a score), found ${f.length}`);
    const n = f.slice(1, 8).map(Number);
    if (n.some((v) => !Number.isFinite(v))) throw new Error(`${where}:${i + 1}: fields 2-8 must be numbers`);
    rows.push({ type: f[0], truncation: n[0], occluded: n[1], box: [n[3], n[4], n[5], n[6]] });
  });
  return rows;
}

/**
 * The folder that holds the .txt label files: the first of `dir/kitti/training/label_2` (a
 * roadsynth dataset), `dir/training/label_2` (a KITTI object root) and `dir/label_2` that
 * exists, else `dir` itself.
 */
export function labelFolder(dir: string): string {
  for (const sub of [join(dir, 'kitti', 'training', 'label_2'), join(dir, 'training', 'label_2'), join(dir, 'label_2')]) {
    if (existsSync(sub) && statSync(sub).isDirectory()) return sub;
  }
  return dir;
}

/** Calls `visit` with the rows of every .txt file of `folder`, in name order (one frame per file). */
export function forEachLabelFile(folder: string, visit: (rows: LabelRow[], name: string) => void): number {
  const names = readdirSync(folder)
    .filter((n) => n.endsWith('.txt') && !n.startsWith('.'))
    .sort();
  for (const name of names) {
    const path = join(folder, name);
    visit(parseKittiLabels(readFileSync(path, 'utf8'), path), name);
  }
  return names.length;
}
