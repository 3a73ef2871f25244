/**
 * Statistics of a label set that can be compared with any other label set, ours or a real one:
 * objects per type, 2D box heights and areas, occlusion levels, truncation, KITTI difficulty.
 * Raw per-object values are kept (rounded) so distances such as KS and Wasserstein can be
 * computed later against a reference loaded from a stats JSON.
 */
import type { KittiDifficulty } from '../export/kitti.js';
import { kittiDifficulty } from '../export/kitti.js';
import type { LabelRow } from './kittiLabels.js';

export const DIFFICULTIES: readonly KittiDifficulty[] = ['easy', 'moderate', 'hard', 'ignored'];

/** Types that mark regions rather than objects (KITTI's DontCare); left out of every statistic but the count. */
export const IGNORED_TYPES: ReadonlySet<string> = new Set(['DontCare']);

export interface LabelStats {
  /** Where the labels came from, e.g. "label_2 of out/sweep". */
  source: string;
  frames: number;
  objects: number;
  dontCare: number;
  classCounts: Record<string, number>;
  /** Per object, in one order: 2D box height [px], area [px^2], occlusion level, truncation. */
  heightsPx: number[];
  areasPx: number[];
  occlusion: number[];
  truncation: number[];
  difficulty: Record<KittiDifficulty, number>;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Accumulates label rows frame by frame. */
export class LabelStatsBuilder {
  private readonly s: LabelStats;

  constructor(source: string) {
    this.s = {
      source,
      frames: 0,
      objects: 0,
      dontCare: 0,
      classCounts: {},
      heightsPx: [],
      areasPx: [],
      occlusion: [],
      truncation: [],
      difficulty: { easy: 0, moderate: 0, hard: 0, ignored: 0 },
    };
  }

  addFrame(rows: readonly LabelRow[]): void {
    this.s.frames += 1;
    for (const r of rows) {
      if (IGNORED_TYPES.has(r.type)) {
        this.s.dontCare += 1;
        continue;
      }
      const [x1, y1, x2, y2] = r.box;
      this.s.objects += 1;
      this.s.classCounts[r.type] = (this.s.classCounts[r.type] ?? 0) + 1;
      this.s.heightsPx.push(round2(y2 - y1));
      this.s.areasPx.push(round2((x2 - x1) * (y2 - y1)));
      this.s.occlusion.push(r.occluded);
      this.s.truncation.push(round2(r.truncation));
      this.s.difficulty[kittiDifficulty(r.box, r.occluded, r.truncation)] += 1;
    }
  }

  result(): LabelStats {
    return this.s;
  }
}
