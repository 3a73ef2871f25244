/**
 * Does the dataset show what its scenario is about? From the manifest entries alone: per
 * scenario file, the share of frames in which the focus is labeled (a focus actor visible
 * and not flagged low-visibility, the manifest's `focusLabeled`) and how visible the focus
 * objects are (occlusion, contrast, box height); and every clip (sample) in which the focus is
 * never labeled, which becomes a line of focus-warnings.jsonl. Never silent: the run summary,
 * the dataset card and the report all show these figures.
 */
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.js';
import type { ManifestEntry } from './manifest.js';

export const FOCUS_WARNINGS_FILE = 'focus-warnings.jsonl';

/** A clip whose focus is never labeled. */
export interface FocusWarning {
  scenarioFile: string;
  sampleIndex: number;
  instanceHash: string;
  focusActors: string[];
  frames: number;
  /** Frames in which some focus pixel is visible, though not enough for a label. */
  framesFocusVisible: number;
  reason: string;
}

interface Distribution {
  n: number;
  mean: number | null;
  median: number | null;
  min: number | null;
}

/** Focus figures of one scenario file. */
export interface ScenarioFocusSummary {
  scenarioFile: string;
  focusActors: string[];
  frames: number;
  framesFocusLabeled: number;
  /** framesFocusLabeled / frames (0 when there are no frames). */
  labeledShare: number;
  clips: number;
  clipsWithoutFocus: number;
  /** Over focus objects with visible pixels, in every frame. */
  occlusion: Distribution;
  contrast: Distribution;
  heightPx: Distribution;
}

export interface FocusSummary {
  scenarios: ScenarioFocusSummary[];
  warnings: FocusWarning[];
}

function distribution(values: number[]): Distribution {
  if (values.length === 0) return { n: 0, mean: null, median: null, min: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: values.length, mean: values.reduce((a, b) => a + b, 0) / values.length, median, min: sorted[0] };
}

interface Clip {
  scenarioFile: string;
  sampleIndex: number;
  instanceHash: string;
  focusActors: string[];
  frames: number;
  labeled: number;
  visible: number;
}

interface ScenarioTally {
  focusActors: Set<string>;
  frames: number;
  labeled: number;
  occlusion: number[];
  contrast: number[];
  heightPx: number[];
}

/** Accumulates manifest entries (in any order) into a FocusSummary. */
export class FocusTally {
  private readonly clips = new Map<string, Clip>();
  private readonly scenarios = new Map<string, ScenarioTally>();

  add(e: ManifestEntry): void {
    const focusActors = e.focusActors ?? [];
    let s = this.scenarios.get(e.scenarioFile);
    if (!s) {
      s = { focusActors: new Set(), frames: 0, labeled: 0, occlusion: [], contrast: [], heightPx: [] };
      this.scenarios.set(e.scenarioFile, s);
    }
    for (const a of focusActors) s.focusActors.add(a);
    s.frames++;
    if (e.focusLabeled) s.labeled++;
    const focusObjects = e.objects.filter((o) => o.focus);
    for (const o of focusObjects) {
      s.occlusion.push(o.occlusion);
      if (o.contrast !== null) s.contrast.push(o.contrast);
      s.heightPx.push(o.heightPx);
    }
    const key = `${e.scenarioFile}\u0000${e.sampleIndex}`;
    let c = this.clips.get(key);
    if (!c) {
      c = { scenarioFile: e.scenarioFile, sampleIndex: e.sampleIndex, instanceHash: e.instanceHash, focusActors, frames: 0, labeled: 0, visible: 0 };
      this.clips.set(key, c);
    }
    c.frames++;
    if (e.focusLabeled) c.labeled++;
    if (focusObjects.length > 0) c.visible++;
  }

  summary(): FocusSummary {
    const warnings: FocusWarning[] = [];
    const clipsOf = new Map<string, { clips: number; without: number }>();
    const clips = [...this.clips.values()].sort((a, b) => (a.scenarioFile < b.scenarioFile ? -1 : a.scenarioFile > b.scenarioFile ? 1 : a.sampleIndex - b.sampleIndex));
    for (const c of clips) {
      const k = clipsOf.get(c.scenarioFile) ?? { clips: 0, without: 0 };
      k.clips++;
      if (c.labeled === 0 && c.focusActors.length > 0) {
        k.without++;
        warnings.push({
          scenarioFile: c.scenarioFile,
          sampleIndex: c.sampleIndex,
          instanceHash: c.instanceHash,
          focusActors: c.focusActors,
          frames: c.frames,
          framesFocusVisible: c.visible,
          reason:
            c.visible === 0
              ? `the focus (${c.focusActors.join(', ')}) is in none of the ${c.frames} frames`
              : `the focus (${c.focusActors.join(', ')}) shows in ${c.visible} of ${c.frames} frames but is never labeled (too few pixels, too occluded or too low in contrast)`,
        });
      }
      clipsOf.set(c.scenarioFile, k);
    }
    const scenarios = [...this.scenarios.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([scenarioFile, s]) => ({
        scenarioFile,
        focusActors: [...s.focusActors].sort(),
        frames: s.frames,
        framesFocusLabeled: s.labeled,
        labeledShare: s.frames ? s.labeled / s.frames : 0,
        clips: clipsOf.get(scenarioFile)?.clips ?? 0,
        clipsWithoutFocus: clipsOf.get(scenarioFile)?.without ?? 0,
        occlusion: distribution(s.occlusion),
        contrast: distribution(s.contrast),
        heightPx: distribution(s.heightPx),
      }));
    return { scenarios, warnings };
  }
}

export function focusSummary(entries: Iterable<ManifestEntry>): FocusSummary {
  const t = new FocusTally();
  for (const e of entries) t.add(e);
  return t.summary();
}

/** focus-warnings.jsonl: one line per clip whose focus is never labeled, in scenario then sample order. */
export function focusWarningsText(summary: FocusSummary): string {
  return summary.warnings.map((w) => JSON.stringify(w) + '\n').join('');
}

export function writeFocusWarnings(outDir: string, summary: FocusSummary): void {
  writeFileAtomic(join(outDir, FOCUS_WARNINGS_FILE), focusWarningsText(summary));
}

const pct = (x: number): string => `${(100 * x).toFixed(0)} %`;
const fixed = (x: number | null, d: number): string => (x === null ? '-' : x.toFixed(d));

/** One line per scenario for the run's summary on the terminal. */
export function focusSummaryLines(summary: FocusSummary): string[] {
  const lines: string[] = [];
  for (const s of summary.scenarios) {
    if (s.focusActors.length === 0) {
      lines.push(`  focus: ${s.scenarioFile} declares no focus`);
      continue;
    }
    lines.push(
      `  focus (${s.focusActors.join(', ')}): labeled in ${s.framesFocusLabeled} of ${s.frames} frames (${pct(s.labeledShare)}); ` +
        `median box height ${fixed(s.heightPx.median, 0)} px, mean occlusion ${fixed(s.occlusion.mean, 2)}` +
        (s.clipsWithoutFocus > 0 ? `; ${s.clipsWithoutFocus} of ${s.clips} clips never show it` : ''),
    );
  }
  return lines;
}

/** The dataset card's focus section (Markdown). */
export function focusCardSection(summary: FocusSummary): string {
  const rows = summary.scenarios.map((s) => [
    s.scenarioFile,
    s.focusActors.join(', ') || '(none declared)',
    `${s.framesFocusLabeled} of ${s.frames} (${pct(s.labeledShare)})`,
    `${s.clipsWithoutFocus} of ${s.clips}`,
    fixed(s.occlusion.mean, 2),
    fixed(s.contrast.mean, 2),
    `${fixed(s.heightPx.median, 0)} (min ${fixed(s.heightPx.min, 0)})`,
  ]);
  const header = ['scenario', 'focus actors', 'frames with the focus labeled', 'clips without it', 'mean occlusion', 'mean contrast', 'median box height [px]'];
  const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const warn =
    summary.warnings.length === 0
      ? 'Every clip labels its focus in at least one frame.'
      : `${summary.warnings.length} clip${summary.warnings.length === 1 ? '' : 's'} never label${summary.warnings.length === 1 ? 's' : ''} the focus (samples ${summary.warnings.map((w) => w.sampleIndex).join(', ')}); see ${FOCUS_WARNINGS_FILE}.`;
  return [
    '## Focus',
    '',
    'What each scenario is about (its focus actors, docs/grammar.md#focus) and how often the frames show it. A frame ' +
      'counts when a focus actor is labeled: visible pixels and not flagged low-visibility (so not a DontCare region). ' +
      'Occlusion, contrast and box height are over the focus objects with visible pixels. Labels carry `focus: true` ' +
      '(COCO attribute, manifest) for filtering.',
    '',
    table,
    '',
    warn,
    '',
  ].join('\n');
}
