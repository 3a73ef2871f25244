/**
 * Gathers every number of the dataset report from a dataset folder: label statistics, parameter
 * coverage against the declared distributions, criticality, diversity, and (with a reference)
 * the distances to a reference label set. The result is plain JSON (`roadsynth report --json`)
 * and is what the HTML page draws.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetIdentity } from '../export/datasetIdentity.js';
import { IDENTITY_FILE } from '../export/datasetIdentity.js';
import { RECORDS_DIR } from '../export/datasetWriter.js';
import { compareFrameIds, isFrameId } from '../export/frameId.js';
import { parseRecord } from '../export/frameRecord.js';
import { readRunFile } from '../export/runFile.js';
import { LABEL_CLASSES } from '../render/types.js';
import { canonicalJson } from '../sampling/hash.js';
import { createSampler } from '../sampling/sample.js';
import type { DesignName, ParamValue } from '../scenario/types.js';
import type { Comparison } from './compare.js';
import { compareLabelStats } from './compare.js';
import type { CoverageGrid } from './coverage.js';
import { coverageGrid } from './coverage.js';
import type { Criticality } from './criticality.js';
import { criticality } from './criticality.js';
import { declaredProbabilities, quantileGrid } from './declared.js';
import type { Diversity } from './diversity.js';
import { DiversityCounter } from './diversity.js';
import type { InstanceRow } from './instances.js';
import { readManifest } from './instances.js';
import { forEachLabelFile, labelFolder } from './kittiLabels.js';
import type { LabelRow } from './kittiLabels.js';
import type { LabelStats } from './labelStats.js';
import { LabelStatsBuilder } from './labelStats.js';
import { axisFor, axisIndex, axisLabels, axisSize, MAX_LEVELS } from './paramAxis.js';
import type { ParamAxis } from './paramAxis.js';
import { loadScenarioSource } from './scenarioSource.js';
import { searchSection, type SearchSection } from './searchReport.js';
import { nodeAt } from '../scenario/errors.js';
import type { ScenarioSource } from './scenarioSource.js';
import type { FocusSummary } from '../export/focusSummary.js';

/** failures.jsonl of a run (written by the dataset stage; one JSON object per failed instance). */
const FAILURES_FILE = 'failures.jsonl';
const HISTOGRAM_BINS = 10;
const HEATMAP_BINS = 6;
const MAX_PAIRS = 6;
/** Weather and light parameters are paired with each other first (weather x light coverage). */
const WEATHER_WORDS = /weather|rain|snow|fog|wet|cloud|puddle|season/i;
const LIGHT_WORDS = /light|sun|timeOfDay|night|glare|exposure/i;

export interface ParameterCoverage {
  key: string;
  /** The distribution as written in the scenario file, or null for derived parameters. */
  declaredAs: string | null;
  labels: string[];
  /** Bin edges of a binned parameter; null for one shown by its levels. */
  edges: number[] | null;
  counts: number[];
  /** Declared probability of each level or bin, or null when unknown. */
  declared: number[] | null;
}

export interface PairCoverage extends Omit<CoverageGrid, 'x' | 'y'> {
  x: string;
  y: string;
  xLabels: string[];
  yLabels: string[];
}

export interface ReportData {
  version: 1;
  dataset: {
    dir: string;
    scenarioFile: string;
    scenarioHash: string;
    seed: number;
    design: string;
    formats: string[];
    frames: number;
    instances: number;
    failures: number;
  };
  /** What the reader should know about how numbers were obtained. */
  notes: string[];
  /** Objects with visible pixels per roadsynth class (manifest counts). */
  classes: Record<string, number>;
  labels: LabelStats | null;
  parameters: ParameterCoverage[];
  pairs: PairCoverage[];
  criticality: Criticality;
  /** Share of frames showing the focus, and clips that never do (from the manifest). */
  focus: FocusSummary;
  diversity: (Diversity & { method: string }) | null;
  reference: { labels: LabelStats; comparison: Comparison } | null;
  /** The search that chose the instances (a dataset rendered from a search result file), else null. */
  search: SearchSection | null;
}

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

function readIdentity(dir: string): DatasetIdentity {
  const path = join(dir, IDENTITY_FILE);
  if (!existsSync(path)) throw new ReportInputError(`${dir}: not a roadsynth dataset (no ${IDENTITY_FILE}); pass a folder written by "roadsynth run" or "roadsynth merge"`);
  return JSON.parse(readFileSync(path, 'utf8')) as DatasetIdentity;
}

function countFailures(dir: string): number {
  const path = join(dir, FAILURES_FILE);
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '').length;
}

/** Label rows of each frame from the COCO part of the records (when no label_2 was written). */
function labelsFromRecords(dir: string, builder: LabelStatsBuilder): boolean {
  const recordsDir = join(dir, RECORDS_DIR);
  if (!existsSync(recordsDir)) return false;
  const ids = readdirSync(recordsDir)
    .filter((n) => n.endsWith('.json') && isFrameId(n.slice(0, -5)))
    .map((n) => n.slice(0, -5))
    .sort(compareFrameIds);
  for (const id of ids) {
    const path = join(recordsDir, `${id}.json`);
    const coco = parseRecord(readFileSync(path, 'utf8'), path).coco;
    if (coco === null) return false;
    const rows: LabelRow[] = coco.annotations.map((a) => ({
      type: LABEL_CLASSES[a.category_id - 1] ?? String(a.category_id),
      truncation: a.attributes.truncation,
      occluded: a.attributes.occluded_level,
      box: [a.bbox[0], a.bbox[1], a.bbox[0] + a.bbox[2], a.bbox[1] + a.bbox[3]],
    }));
    builder.addFrame(rows);
  }
  return true;
}

function datasetLabels(dir: string, identity: DatasetIdentity, notes: string[]): LabelStats | null {
  const kittiLabels = join(dir, 'kitti', 'training', 'label_2');
  if (identity.formats.includes('kitti') && existsSync(kittiLabels)) {
    const b = new LabelStatsBuilder(`kitti/training/label_2 of ${dir}`);
    forEachLabelFile(kittiLabels, (rows) => b.addFrame(rows));
    notes.push('Box statistics come from kitti/training/label_2 (KITTI types, 2D boxes as written there), so they compare directly with KITTI labels.');
    return b.result();
  }
  const b = new LabelStatsBuilder(`COCO records of ${dir}`);
  if (labelsFromRecords(dir, b)) {
    notes.push('Box statistics come from the COCO part of the frame records (tight visible boxes, roadsynth classes).');
    return b.result();
  }
  notes.push('No KITTI or COCO labels in this dataset: box, occlusion and difficulty statistics are left out.');
  return null;
}

/** Loads `--reference`: a folder of KITTI label_2 files, or a stats JSON from `report --json`. */
export function loadReference(path: string): LabelStats {
  if (!existsSync(path)) throw new ReportInputError(`--reference ${path}: no such file or folder`);
  if (statSync(path).isDirectory()) {
    const folder = labelFolder(path);
    const b = new LabelStatsBuilder(`KITTI labels in ${folder}`);
    const n = forEachLabelFile(folder, (rows) => b.addFrame(rows));
    if (n === 0) throw new ReportInputError(`--reference ${path}: no .txt label files there (nor in ${path}/label_2)`);
    return b.result();
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new ReportInputError(`--reference ${path}: not JSON; pass a folder of KITTI label_2 files or a file written by "roadsynth report --json"`);
  }
  const obj = json as Partial<ReportData> & Partial<LabelStats>;
  const stats = obj.labels ?? (Array.isArray(obj.heightsPx) ? (obj as LabelStats) : null);
  if (!stats) throw new ReportInputError(`--reference ${path}: holds no label statistics (expected the output of "roadsynth report --json")`);
  return stats;
}

/** The axis and declared probabilities of one parameter. */
function parameterAxis(key: string, values: ParamValue[], source: ScenarioSource | null, bins: number): { axis: ParamAxis; declared: number[] | null; declaredAs: string | null } {
  const dim = source?.dimensions.find((d) => d.key === key);
  if (!dim) return { axis: axisFor(key, values, bins), declared: null, declaredAs: null };
  // Declared support (the same grid the probabilities use) plus what was drawn, so both fit on one axis.
  const grid = quantileGrid(dim.distribution);
  const axis = axisFor(key, [...grid, ...values], bins, dim.distribution.levelCount <= MAX_LEVELS);
  const node = source ? nodeAt(source.spec, dim.pointer) : undefined;
  return { axis, declared: declaredProbabilities(dim.distribution, axis), declaredAs: node === undefined ? dim.distribution.kind : JSON.stringify(node) };
}

function countOnAxis(axis: ParamAxis, values: ParamValue[]): number[] {
  const counts = new Array<number>(axisSize(axis)).fill(0);
  for (const v of values) {
    const i = axisIndex(axis, v);
    if (i >= 0) counts[i] += 1;
  }
  return counts;
}

/** Parameters that vary, swept dimensions first (in the scenario's order), then derived ones by name. */
function sweptKeys(rows: readonly InstanceRow[], source: ScenarioSource | null): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.parameters)) keys.add(k);
  const dims = (source?.dimensions ?? []).map((d) => d.key).filter((k) => keys.has(k));
  const varies = (k: string): boolean => new Set(rows.map((r) => canonicalJson(r.parameters[k] ?? null))).size > 1;
  const derived = [...keys].filter((k) => !dims.includes(k) && varies(k)).sort();
  return [...dims, ...derived];
}

/**
 * Up to MAX_PAIRS pairs that spread over many parameters: weather x light pairs first, then the
 * remaining parameters two by two, then pairs two apart.
 */
export function pickPairs(keys: readonly string[]): [string, string][] {
  const weather = keys.filter((k) => WEATHER_WORDS.test(k));
  const light = keys.filter((k) => !WEATHER_WORDS.test(k) && LIGHT_WORDS.test(k));
  const pairs: [string, string][] = [];
  const seen = new Set<string>();
  const add = (a: string, b: string): void => {
    const id = [a, b].sort().join('\n');
    if (a !== b && !seen.has(id) && pairs.length < MAX_PAIRS) {
      seen.add(id);
      pairs.push([a, b]);
    }
  };
  for (let i = 0; i < Math.min(weather.length, light.length); i++) add(weather[i], light[i]);
  const rest = [...keys.filter((k) => !pairs.some((p) => p.includes(k))), ...keys.filter((k) => pairs.some((p) => p.includes(k)))];
  for (let gap = 1; gap < rest.length && pairs.length < MAX_PAIRS; gap++) {
    for (let i = 0; i + gap < rest.length; i += gap === 1 ? 2 : 1) add(rest[i], rest[i + gap]);
  }
  return pairs;
}

function diversityOf(
  rows: readonly InstanceRow[],
  identity: DatasetIdentity,
  dir: string,
  source: ScenarioSource | null,
  notes: string[],
): (Diversity & { method: string }) | null {
  if (!source) {
    notes.push('Diversity is left out: the frame records do not carry actor attributes, and the scenario file to re-sample them from is missing.');
    return null;
  }
  const count = readRunFile(dir)?.run.count;
  const sampler = createSampler(source.spec, { seed: identity.seed, design: identity.design as DesignName, count });
  const counter = new DiversityCounter();
  let mismatched = 0;
  for (const r of rows) {
    try {
      const s = sampler.sample(r.sampleIndex);
      if (canonicalJson(s.parameters) !== canonicalJson(r.parameters)) mismatched += 1;
      else counter.add(s.instance);
    } catch {
      mismatched += 1;
    }
  }
  const method =
    `re-sampled: actor attributes are not in the frame records, so each instance was drawn again from ${source.path} ` +
    `with its recorded index, seed ${identity.seed} and design ${identity.design}; ${rows.length - mismatched} of ${rows.length} ` +
    'gave exactly the recorded parameters and are counted' +
    (mismatched ? `, ${mismatched} did not and are left out` : '');
  notes.push(`Diversity is ${method}.`);
  return { ...counter.result(), method };
}

export interface ReportOptions {
  /** `--reference`: a folder of KITTI labels or a stats JSON. */
  reference?: string;
}

export function collectReport(dir: string, options: ReportOptions = {}): ReportData {
  const identity = readIdentity(dir);
  const manifestPath = join(dir, 'manifest.jsonl');
  if (!existsSync(manifestPath)) {
    throw new ReportInputError(`${dir}: no manifest.jsonl; the run has not finished. Finish it with the same "roadsynth run" command plus --resume.`);
  }
  const notes: string[] = [];
  const manifest = readManifest(manifestPath);
  const rows = manifest.instances;

  const loaded = loadScenarioSource(identity.scenarioFile, identity.scenarioHash, dir);
  const source = typeof loaded === 'string' ? null : loaded;
  if (typeof loaded === 'string') notes.push(`Declared distributions are not drawn: ${loaded}.`);
  else if (!loaded.sameAsRun) notes.push(`${loaded.path} changed since the run (its hash differs from the dataset's); declared distributions are those of the current file.`);

  const parameters: ParameterCoverage[] = sweptKeys(rows, source).map((key) => {
    const values = rows.flatMap((r) => (r.parameters[key] === undefined ? [] : [r.parameters[key]]));
    const { axis, declared, declaredAs } = parameterAxis(key, values, source, HISTOGRAM_BINS);
    return { key, declaredAs, labels: axisLabels(axis), edges: axis.kind === 'bins' ? axis.edges : null, counts: countOnAxis(axis, values), declared };
  });

  const pairs: PairCoverage[] = pickPairs(parameters.map((p) => p.key)).map(([kx, ky]) => {
    const vx = rows.map((r) => r.parameters[kx]);
    const vy = rows.map((r) => r.parameters[ky]);
    const ax = parameterAxis(
      kx,
      vx.filter((v) => v !== undefined),
      source,
      HEATMAP_BINS,
    );
    const ay = parameterAxis(
      ky,
      vy.filter((v) => v !== undefined),
      source,
      HEATMAP_BINS,
    );
    const points = rows.flatMap((_r, i): [ParamValue, ParamValue][] => (vx[i] === undefined || vy[i] === undefined ? [] : [[vx[i], vy[i]]]));
    const g = coverageGrid(ax.axis, ay.axis, points, ax.declared, ay.declared);
    return { ...g, x: kx, y: ky, xLabels: axisLabels(ax.axis), yLabels: axisLabels(ay.axis) };
  });

  const labels = datasetLabels(dir, identity, notes);
  let reference: ReportData['reference'] = null;
  if (options.reference !== undefined) {
    const ref = loadReference(options.reference);
    if (!labels) throw new ReportInputError(`${dir}: has no KITTI or COCO labels to compare with --reference`);
    reference = { labels: ref, comparison: compareLabelStats(labels, ref) };
  }

  return {
    version: 1,
    dataset: {
      dir,
      scenarioFile: identity.scenarioFile,
      scenarioHash: identity.scenarioHash,
      seed: identity.seed,
      design: identity.design,
      formats: identity.formats,
      frames: manifest.frames,
      instances: rows.length,
      failures: countFailures(dir),
    },
    notes,
    classes: manifest.classCounts,
    labels,
    parameters,
    pairs,
    criticality: criticality(rows),
    focus: manifest.focus,
    diversity: diversityOf(rows, identity, dir, source, notes),
    reference,
    search: searchSection(source, rows),
  };
}
