/**
 * Joins dataset folders of one sweep (the shards of `--shard K/N`, or runs that covered
 * different sample indices) into one folder that equals what a single process would have written.
 *
 * Frame ids depend only on (sample index, frame), so shards never name a frame twice; when two
 * inputs do hold the same id, their files must be byte-identical (the same frame written twice),
 * otherwise the merge is refused. Everything is checked before the first file is written. The
 * run-wide files are then assembled by export's assembleDataset from the copied records, the
 * same code that ends a single run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { linkOrCopyFileAtomic, removeStaleTemps } from '../export/atomicWrite.js';
import { assembleDataset, RECORDS_DIR } from '../export/datasetWriter.js';
import type { DatasetOptions, ExportSummary } from '../export/datasetWriter.js';
import { claimDatasetFolder, IDENTITY_FILE } from '../export/datasetIdentity.js';
import type { DatasetIdentity } from '../export/datasetIdentity.js';
import { compareFrameIds, isFrameId } from '../export/frameId.js';
import { KITTI_DIR } from '../export/kittiLayout.js';
import { readRunFile, RUN_FILE } from '../export/runFile.js';
import { FAILURES_DIR, FAILURES_FILE, FailureLog } from './failureLog.js';
import { BUILD_FILE, buildDifference, readBuildInfo } from './provenance.js';
import type { BuildInfo } from './provenance.js';
import type { FailureRecord } from './failureLog.js';

/** A folder cannot be merged; the message names the folder, the reason and the fix. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

export interface MergeResult {
  summary: ExportSummary;
  /** Frames copied into the output. */
  framesCopied: number;
  /** Frames found in more than one place with identical files (copied once). */
  duplicatesSkipped: number;
  /** Failed instances in the merged failures.jsonl. */
  failures: number;
}

/** One input folder as read before merging. */
interface Source {
  dir: string;
  identity: DatasetIdentity;
  options: DatasetOptions;
  /** Code revision and renderer that made the frames (null for a folder that predates the record). */
  build: BuildInfo | null;
  /** Frame id -> the frame's files, relative to dir (record last). */
  frames: Map<string, string[]>;
}

/** Folders that hold files of their own kind, never per-frame files (kitti/ is rebuilt from the records). */
const NOT_FRAME_DIRS: ReadonlySet<string> = new Set([RECORDS_DIR, FAILURES_DIR, KITTI_DIR]);

function readIdentity(dir: string): DatasetIdentity {
  const path = join(dir, IDENTITY_FILE);
  if (!existsSync(path)) {
    throw new MergeError(`${dir}: not a roadsynth dataset (no ${IDENTITY_FILE}). Pass folders written by "roadsynth run".`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as DatasetIdentity;
}

/** Complete frames of `dir` (those with a record) and their files; partial frames are left out. */
function listFrames(dir: string): Map<string, string[]> {
  const frames = new Map<string, string[]>();
  const recordsDir = join(dir, RECORDS_DIR);
  if (!existsSync(recordsDir)) return frames;
  for (const name of readdirSync(recordsDir)) {
    const id = name.endsWith('.json') ? name.slice(0, -5) : '';
    if (isFrameId(id)) frames.set(id, []);
  }
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory() || sub.name.startsWith('.') || NOT_FRAME_DIRS.has(sub.name)) continue;
    for (const name of readdirSync(join(dir, sub.name))) {
      const dot = name.indexOf('.');
      const files = dot > 0 ? frames.get(name.slice(0, dot)) : undefined;
      files?.push(`${sub.name}/${name}`);
    }
  }
  for (const [id, files] of frames) files.sort().push(`${RECORDS_DIR}/${id}.json`);
  return frames;
}

function readSource(input: string): Source {
  const dir = resolve(input);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new MergeError(`${input}: no such folder`);
  const identity = readIdentity(dir);
  const options = readRunFile(dir);
  if (options === null) {
    throw new MergeError(`${input}: this run never finished (no ${RUN_FILE}). Finish it first with the same "roadsynth run" command plus --resume, then merge.`);
  }
  return { dir, identity, options, build: readBuildInfo(dir), frames: listFrames(dir) };
}

/** What must agree between folders of one sweep: the identity, plus the run settings that change content. */
function sweepSettings(s: { identity: DatasetIdentity; options: DatasetOptions }): Record<string, unknown> {
  const { run, scenario } = s.options;
  return {
    ...s.identity,
    scenarioName: scenario.name,
    count: run.count,
    framesPerInstance: run.framesPerInstance,
    fps: run.fps,
    roadsynthVersion: run.version,
  };
}

function checkSameSweep(first: Source, other: Source): void {
  // Shards made by other code or another rasterizer would not add up to one run's bytes.
  const why = buildDifference(first.build, other.build, first.dir, other.dir);
  if (why !== null) {
    throw new MergeError(
      `${other.dir} was made by other code or another renderer than ${first.dir} (${why}). ` +
        'Only shards made by the same roadsynth revision and browser can be merged; re-run the odd shards with the same code and browser.',
    );
  }
  const a = sweepSettings(first);
  const b = sweepSettings(other);
  for (const key of Object.keys(a)) {
    const va = JSON.stringify(a[key]);
    const vb = JSON.stringify(b[key]);
    if (va !== vb) {
      throw new MergeError(
        `${other.dir}: ${key} is ${vb}, but ${first.dir} has ${va}. ` +
          'Only folders of one sweep (same scenario, seed, design, count, frames, formats, passes and antialiasing) can be merged.',
      );
    }
  }
}

function sameFiles(a: Source, b: Source, id: string): string | null {
  const fa = a.frames.get(id) ?? [];
  const fb = b.frames.get(id) ?? [];
  if (fa.join('\n') !== fb.join('\n')) return 'different sets of files';
  for (const rel of fa) {
    if (!readFileSync(join(a.dir, rel)).equals(readFileSync(join(b.dir, rel)))) return `${rel} differs`;
  }
  return null;
}

/**
 * The command that makes the merged dataset in one process: the shard's command without its
 * `--shard K/N` and with `--out` (or `-o`) pointing at the merged folder.
 */
export function unshardedCommand(command: string, outDir: string): string {
  return command.replace(/\s--shard(=|\s+)\S+/, '').replace(/(\s(?:--out|-o))(=|\s+)\S+/, `$1$2${outDir}`);
}

function failuresOf(dir: string): FailureRecord[] {
  const assembled = join(dir, FAILURES_FILE);
  if (existsSync(assembled)) {
    return readFileSync(assembled, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as FailureRecord);
  }
  return new FailureLog(dir).records();
}

/**
 * Merges `inputs` into `outDir` (created if missing; an existing dataset of the same sweep is
 * merged into). Throws MergeError, before writing anything, for a folder that is not a
 * finished roadsynth dataset, settings that differ, or a frame id held twice with different content.
 */
export function mergeDatasets(inputs: readonly string[], outDir: string): MergeResult {
  if (inputs.length === 0) throw new MergeError('merge: name at least one dataset folder to merge');
  const out = resolve(outDir);
  const sources = inputs.map(readSource);
  for (const s of sources) {
    if (s.dir === out) throw new MergeError(`${s.dir}: an input cannot also be the output; pick a new --out folder`);
    checkSameSweep(sources[0], s);
  }
  // Frames already in the output count like an input: they must agree with what is merged in.
  const existing: Source | null = existsSync(join(out, IDENTITY_FILE))
    ? { dir: out, identity: readIdentity(out), options: sources[0].options, build: readBuildInfo(out), frames: listFrames(out) }
    : null;
  if (existing) {
    const prior = readRunFile(out);
    if (prior) existing.options = prior;
    checkSameSweep(existing, sources[0]);
  }

  const owner = new Map<string, Source>();
  if (existing) for (const id of existing.frames.keys()) owner.set(id, existing);
  let duplicatesSkipped = 0;
  for (const s of sources) {
    for (const id of s.frames.keys()) {
      const prev = owner.get(id);
      if (!prev) {
        owner.set(id, s);
        continue;
      }
      const why = sameFiles(prev, s, id);
      if (why !== null) {
        throw new MergeError(`frame ${id} is in both ${prev.dir} and ${s.dir}, with ${why}. ` + 'These folders do not come from one sweep; merge folders of disjoint shards.');
      }
      duplicatesSkipped += 1;
    }
  }

  mkdirSync(out, { recursive: true });
  claimDatasetFolder(out, sources[0].identity);
  if (sources[0].build !== null && !existing) linkOrCopyFileAtomic(join(sources[0].dir, BUILD_FILE), join(out, BUILD_FILE));
  let framesCopied = 0;
  const madeDirs = new Set<string>();
  for (const id of [...owner.keys()].sort(compareFrameIds)) {
    const s = owner.get(id);
    if (!s || s === existing) continue;
    // The record goes last (listFrames puts it there), so an interrupted merge leaves no half frame.
    for (const rel of s.frames.get(id) ?? []) {
      const sub = rel.slice(0, rel.indexOf('/'));
      if (!madeDirs.has(sub)) {
        mkdirSync(join(out, sub), { recursive: true });
        removeStaleTemps(join(out, sub)); // left by an interrupted merge
        madeDirs.add(sub);
      }
      linkOrCopyFileAtomic(join(s.dir, rel), join(out, rel));
    }
    framesCopied += 1;
  }

  // A failure another input has since rendered (a re-run of that index) is no failure of the merged sweep.
  const rendered = new Set([...owner.keys()].map((id) => Number(id.slice(0, id.indexOf('_')))));
  const failures = new FailureLog(out);
  for (const s of sources) {
    for (const f of failuresOf(s.dir)) if (!rendered.has(f.index)) failures.record(f.index, f.stage, f.reason);
  }
  failures.assemble();

  const base = sources[0].options;
  const options: DatasetOptions = { ...base, run: { ...base.run, command: unshardedCommand(base.run.command, outDir) } };
  const summary = assembleDataset(out, options);
  return { summary, framesCopied, duplicatesSkipped, failures: failures.count() };
}
