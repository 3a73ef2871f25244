/** Run-wide statistics for the dataset card, accumulated record by record in constant memory per frame. */
import { LABEL_CLASSES } from '../render/types.js';
import type { LabelClass } from '../render/types.js';
import type { Light, Weather } from '../scenario/types.js';
import type { DifficultyBucket, FrameRecord } from './frameRecord.js';

export const DIFFICULTY_BUCKETS: readonly DifficultyBucket[] = ['easy', 'moderate', 'hard', 'ignored', 'dontcare'];

export interface RangeSummary {
  min: number;
  max: number;
  mean: number;
}

class Range {
  min = Infinity;
  max = -Infinity;
  sum = 0;
  n = 0;
  add(v: number): void {
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    this.sum += v;
    this.n += 1;
  }
  summary(): RangeSummary {
    return { min: this.min, max: this.max, mean: this.n ? this.sum / this.n : NaN };
  }
}

const WEATHER_KEYS = ['rain', 'snow', 'fogVisibilityM', 'cloudCover', 'wetness', 'puddles', 'snowCover'] as const satisfies readonly (keyof Weather)[];
const LIGHT_KEYS = ['timeOfDayH', 'sunElevationDeg', 'sunAzimuthDeg', 'exposureEv', 'glare'] as const satisfies readonly (keyof Light)[];

/** Sun elevation buckets [deg]: civil twilight is the sun within 6 degrees of the horizon. */
export function lightBucket(light: Light): 'day' | 'twilight' | 'night' {
  if (light.sunElevationDeg >= 6) return 'day';
  if (light.sunElevationDeg >= -6) return 'twilight';
  return 'night';
}

/** Fog below 1000 m visibility is "fog" in the meteorological sense. */
export function conditionBuckets(w: Weather): string[] {
  const out: string[] = [];
  if (w.rain > 0) out.push('rain');
  if (w.snow > 0) out.push('snow');
  if (w.fogVisibilityM < 1000) out.push('fog');
  if (w.wetness > 0) out.push('wet road');
  if (out.length === 0) out.push('clear and dry');
  return out;
}

export class DatasetStats {
  frames = 0;
  objects = 0;
  readonly instances = new Set<number>();
  readonly resolutions = new Map<string, number>();
  readonly perClass = new Map<LabelClass, Map<DifficultyBucket, number>>(LABEL_CLASSES.map((c) => [c, new Map(DIFFICULTY_BUCKETS.map((d) => [d, 0]))]));
  readonly weather = new Map<string, Range>(WEATHER_KEYS.map((k) => [k, new Range()]));
  readonly light = new Map<string, Range>(LIGHT_KEYS.map((k) => [k, new Range()]));
  readonly lightBuckets = new Map<string, number>([
    ['day', 0],
    ['twilight', 0],
    ['night', 0],
  ]);
  readonly conditions = new Map<string, number>();
  streetLightFrames = 0;

  add(record: FrameRecord): void {
    const s = record.stats;
    this.frames += 1;
    this.instances.add(record.manifest.sampleIndex);
    const res = `${s.widthPx}x${s.heightPx}`;
    this.resolutions.set(res, (this.resolutions.get(res) ?? 0) + 1);
    for (const o of s.objects) {
      const row = this.perClass.get(o.cls);
      if (!row) throw new Error(`frame ${record.manifest.frameId}: unknown class ${o.cls}`);
      row.set(o.difficulty, (row.get(o.difficulty) ?? 0) + 1);
      this.objects += 1;
    }
    for (const k of WEATHER_KEYS) this.weather.get(k)?.add(s.weather[k]);
    for (const k of LIGHT_KEYS) this.light.get(k)?.add(s.light[k]);
    const lb = lightBucket(s.light);
    this.lightBuckets.set(lb, (this.lightBuckets.get(lb) ?? 0) + 1);
    for (const c of conditionBuckets(s.weather)) this.conditions.set(c, (this.conditions.get(c) ?? 0) + 1);
    if (s.light.streetLights) this.streetLightFrames += 1;
  }

  classTotal(cls: LabelClass): number {
    let n = 0;
    for (const v of this.perClass.get(cls)?.values() ?? []) n += v;
    return n;
  }

  rangeSummaries(which: 'weather' | 'light'): [string, RangeSummary][] {
    return [...this[which].entries()].map(([k, r]) => [k, r.summary()]);
  }
}
