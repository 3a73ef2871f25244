/**
 * manifest.jsonl: one JSON object per frame saying where the frame came from (scenario,
 * instance, seed, every sampled parameter), when (tick, time) and what happened (criticality
 * metrics, objects per class). Keys are written in one fixed order, parameters sorted by name,
 * so the same frames give the same bytes.
 */
import { LABEL_CLASSES } from '../render/types.js';
import type { LabelClass, ObjectLabel } from '../render/types.js';
import type { ParamValue } from '../scenario/types.js';
import type { FrameContext, ScenarioRef } from './types.js';
import { roundTo } from './numberFormat.js';

export interface ManifestEntry {
  frameId: string;
  globalFrameId: number;
  scenarioFile: string;
  scenarioHash: string;
  instanceHash: string;
  sampleIndex: number;
  seed: number;
  design: string;
  tries: number;
  /**
   * Importance weight of the sample: density under the declared distributions over the density
   * of the proposal that drew it (samples of a search, design "search"); absent means 1.
   * See docs/search.md for re-weighting.
   */
  weight?: number;
  parameters: Record<string, ParamValue>;
  frameIndex: number;
  tick: number;
  timeS: number;
  metrics: {
    /** null: the ego and an actor never closed in. */
    minTtcS: number | null;
    minDistanceM: number | null;
    collisions: number;
    hardBrakes: number;
    nearMiss: boolean;
    nearMissTtcS: number;
  };
  /** Objects with visible pixels, per class, every class listed. */
  counts: Record<LabelClass, number>;
  /** Each object with visible pixels, ordered by trackId: how visible it is, so a dataset can be filtered on it. */
  objects: ManifestObject[];
  /** The scenario's focus actors (docs/grammar.md#focus); may be empty. */
  focusActors: string[];
  /** A focus actor is labeled in this frame: visible and not flagged low-visibility (false without focus actors). */
  focusLabeled: boolean;
}

export interface ManifestObject {
  trackId: number;
  actorId: string;
  cls: LabelClass;
  visiblePixels: number;
  occlusion: number;
  truncation: number;
  /** Share of visible pixels distinguishable from the surround (labels/contrast.ts), null when not measured. */
  contrast: number | null;
  /** Mean CIE L* of the visible pixels, null when not measured. */
  lightness: number | null;
  lowVisibility: boolean;
  /** Height of the tight box of visible pixels [px]. */
  heightPx: number;
  /** One of the scenario's focus actors. */
  focus: boolean;
}

function manifestObjects(objects: readonly ObjectLabel[], focus: ReadonlySet<string>): ManifestObject[] {
  return [...objects]
    .filter((o) => o.box !== null)
    .sort((a, b) => a.trackId - b.trackId)
    .map((o) => ({
      trackId: o.trackId,
      actorId: o.actorId,
      cls: o.cls,
      visiblePixels: o.visiblePixels,
      occlusion: roundTo(o.occlusion, 4),
      truncation: roundTo(o.truncation, 4),
      contrast: o.contrast === null ? null : roundTo(o.contrast, 3),
      lightness: o.lightness === null ? null : roundTo(o.lightness, 1),
      lowVisibility: o.lowVisibility,
      heightPx: roundTo(o.box![3] - o.box![1], 2),
      focus: focus.has(o.actorId),
    }));
}

/**
 * True when a focus actor has visible pixels and is not flagged low-visibility (false without
 * focus actors). One is enough: several focus actors name one subject (the two cars of a jam's
 * tail), so a scenario whose subject is one actor names that one.
 */
export function focusLabeled(focusActors: readonly string[], objects: readonly Pick<ManifestObject, 'actorId' | 'lowVisibility'>[]): boolean {
  return focusActors.some((id) => objects.some((o) => o.actorId === id && !o.lowVisibility));
}

/** Objects with visible pixels per class, in LABEL_CLASSES order. */
export function countByClass(objects: readonly ObjectLabel[]): Record<LabelClass, number> {
  const counts = Object.fromEntries(LABEL_CLASSES.map((c) => [c, 0])) as Record<LabelClass, number>;
  for (const o of objects) if (o.box !== null) counts[o.cls] += 1;
  return counts;
}

function sortedParameters(p: Record<string, ParamValue>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const k of Object.keys(p).sort()) out[k] = p[k];
  return out;
}

const finiteOrNull = (v: number, decimals: number): number | null => (Number.isFinite(v) ? roundTo(v, decimals) : null);

export function manifestEntry(ctx: FrameContext, scenario: ScenarioRef, frameIdStr: string, objects: readonly ObjectLabel[]): ManifestEntry {
  const m = ctx.metrics;
  const focusActors = [...ctx.sample.instance.focus.actors];
  const listed = manifestObjects(objects, new Set(focusActors));
  return {
    frameId: frameIdStr,
    globalFrameId: ctx.globalFrameId,
    scenarioFile: scenario.file,
    scenarioHash: scenario.hash,
    instanceHash: ctx.sample.hash,
    sampleIndex: ctx.sample.index,
    seed: ctx.sample.seed,
    design: ctx.sample.design,
    tries: ctx.sample.tries,
    ...(ctx.sample.weight !== undefined ? { weight: ctx.sample.weight } : {}),
    parameters: sortedParameters(ctx.sample.parameters),
    frameIndex: ctx.frameIndexInInstance,
    tick: ctx.tick,
    timeS: roundTo(ctx.timeS, 6),
    metrics: {
      minTtcS: finiteOrNull(m.minTtcS, 4),
      minDistanceM: finiteOrNull(m.minDistanceM, 4),
      collisions: m.collisions,
      hardBrakes: m.hardBrakes,
      nearMiss: m.nearMiss,
      nearMissTtcS: m.nearMissTtcS,
    },
    counts: countByClass(objects),
    objects: listed,
    focusActors,
    focusLabeled: focusLabeled(focusActors, listed),
  };
}

/** One manifest.jsonl line (with its newline). */
export function manifestLine(entry: ManifestEntry): string {
  return JSON.stringify(entry) + '\n';
}
