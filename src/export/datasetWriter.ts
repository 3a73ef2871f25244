/**
 * Writes a dataset frame by frame (streaming) and assembles the run-wide files at the end.
 *
 *   const w = DatasetWriter.open(outDir, options);
 *   for (...) w.writeFrame(ctx, renderedFrame);
 *   const summary = w.finish();
 *
 * Each frame's files are independent and named by its frame id; the frame's record
 * (records/<id>.json) is written last and marks it complete. finish() builds manifest.jsonl,
 * coco.json, train.txt, data.yaml and README.md from the records alone, in frame-id order, so
 * a run that is interrupted and resumed ends with the same files. Every file is written
 * atomically. Layout and formats: docs/formats.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LABEL_CLASSES } from '../render/types.js';
import type { RenderedFrame } from '../render/types.js';
import { AtomicFileStream, removeStaleTemps, writeFileAtomic } from './atomicWrite.js';
import { cameraFile } from './cameraFile.js';
import { cocoFrame, writeCocoFile } from './coco.js';
import type { CocoFrame } from './coco.js';
import { datasetCard } from './datasetCard.js';
import { claimDatasetFolder, datasetIdentity } from './datasetIdentity.js';
import { DatasetStats } from './datasetStats.js';
import { compareFrameIds, frameId, isFrameId, parseFrameId } from './frameId.js';
import { frameStats, parseRecord, RECORD_VERSION, serializeRecord } from './frameRecord.js';
import type { FrameRecord } from './frameRecord.js';
import { DEFAULT_KITTI_OPTIONS, kittiRows } from './kitti.js';
import { KittiLayoutWriter } from './kittiLayout.js';
import { manifestEntry, manifestLine } from './manifest.js';
import { EXPORT_FORMATS, RENDER_PASSES } from './types.js';
import type { DatasetOptions, ExportSummary, FrameContext, KittiOptions, RenderPass } from './types.js';
import { passFolder, RGB_FOLDER } from './layout.js';
import { writeRunFile } from './runFile.js';
import { yoloDataYaml, yoloLabelFile, yoloListLine } from './yolo.js';
import { ClassMap } from './classMap.js';
import { FOCUS_WARNINGS_FILE, FocusTally, writeFocusWarnings } from './focusSummary.js';

// The writer's whole public surface, so callers need one import.
export { DatasetMismatchError } from './datasetIdentity.js';
export { EXPORT_FORMATS, RENDER_PASSES } from './types.js';
export type { DatasetOptions, ExportFormat, ExportSummary, FrameContext, KittiOptions, RenderPass, RunSettings, ScenarioRef } from './types.js';

export const RECORDS_DIR = 'records';

function validateOptions(opts: DatasetOptions): void {
  if (opts.formats.length === 0) throw new Error('DatasetWriter: no label format requested (kitti, coco, yolo)');
  for (const f of opts.formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new Error(`DatasetWriter: unknown format "${f}"`);
  }
  for (const p of opts.passes) {
    if (!(RENDER_PASSES as readonly string[]).includes(p)) throw new Error(`DatasetWriter: unknown pass "${p}"`);
  }
  // Every format points at the images (image_2/, COCO file_name, train.txt); without them the dataset is broken.
  if (!opts.passes.includes('rgb')) throw new Error('DatasetWriter: the label formats need the rgb pass; add "rgb" to passes');
}

export class DatasetWriter {
  readonly outDir: string;
  private readonly kitti: KittiOptions;
  private readonly formats: ReadonlySet<string>;
  private readonly classes: ClassMap;
  private framesThisSession = 0;
  private finished = false;

  private constructor(
    outDir: string,
    private readonly opts: DatasetOptions,
  ) {
    this.outDir = resolve(outDir);
    this.kitti = { ...DEFAULT_KITTI_OPTIONS, ...opts.kitti };
    this.formats = new Set(opts.formats);
    this.classes = new ClassMap(opts.classMap);
  }

  /**
   * Prepares `outDir` (created if missing; existing frames are kept, so a later run can resume
   * into it) and removes temp files an interrupted run left behind. Throws
   * DatasetMismatchError when the folder holds frames of another dataset (see datasetIdentity.ts).
   */
  static open(outDir: string, opts: DatasetOptions): DatasetWriter {
    validateOptions(opts);
    const w = new DatasetWriter(outDir, opts);
    mkdirSync(w.outDir, { recursive: true });
    claimDatasetFolder(w.outDir, datasetIdentity(opts, w.kitti));
    for (const dir of ['.', ...w.frameDirs()]) {
      const abs = join(w.outDir, dir);
      mkdirSync(abs, { recursive: true });
      removeStaleTemps(abs);
    }
    return w;
  }

  /** Frames written through this writer (not counting frames already on disk). */
  get framesWritten(): number {
    return this.framesThisSession;
  }

  private frameDirs(): string[] {
    const dirs = [RECORDS_DIR, 'cameras'];
    for (const p of this.opts.passes) dirs.push(passFolder(p));
    if (this.formats.has('yolo')) dirs.push('labels');
    return [...new Set(dirs)];
  }

  private path(dir: string, id: string, ext: string): string {
    return join(this.outDir, dir, `${id}.${ext}`);
  }

  /** True when the frame's record exists, i.e. the frame was completely written before. */
  hasFrame(sampleIndex: number, frameIndexInInstance: number): boolean {
    return existsSync(this.path(RECORDS_DIR, frameId(sampleIndex, frameIndexInInstance), 'json'));
  }

  /** Writes one frame's files and its record; returns the frame id. */
  writeFrame(ctx: FrameContext, frame: RenderedFrame): string {
    if (this.finished) throw new Error('DatasetWriter: writeFrame after finish');
    const id = frameId(ctx.sample.index, ctx.frameIndexInInstance);
    const { camera } = frame.labels;
    // Objects of classes the class map drops are written nowhere.
    const objects = this.classes.keep(frame.labels.objects);
    const kept = objects.length === frame.labels.objects.length ? frame : { ...frame, labels: { ...frame.labels, objects } };
    const images: [RenderPass, Uint8Array][] = [];
    for (const pass of this.opts.passes) {
      const bytes = frame[pass];
      if (bytes === undefined) throw new Error(`frame ${id}: pass "${pass}" was requested but the renderer returned none`);
      images.push([pass, bytes]);
    }
    // Built before any file is written, so a frame the writer rejects leaves nothing behind.
    const record: FrameRecord = {
      version: RECORD_VERSION,
      manifest: manifestEntry(ctx, this.opts.scenario, id, objects),
      coco: this.formats.has('coco') ? cocoFrame(ctx, kept, this.opts.scenario, `${RGB_FOLDER}/${id}.png`, id, this.classes) : null,
      kitti: this.formats.has('kitti') ? { rows: kittiRows(objects, camera, ctx.sample.instance.actors, this.kitti, (o, a) => this.classes.kittiType(o, a)), camera } : null,
      stats: frameStats(kept, ctx.sample.instance.weather, ctx.sample.instance.light, this.kitti),
    };
    for (const [pass, bytes] of images) {
      writeFileAtomic(this.path(passFolder(pass), id, 'png'), bytes);
    }
    writeFileAtomic(this.path('cameras', id, 'json'), cameraFile(camera));
    if (this.formats.has('yolo')) writeFileAtomic(this.path('labels', id, 'txt'), yoloLabelFile(objects, camera, this.classes));
    writeFileAtomic(this.path(RECORDS_DIR, id, 'json'), serializeRecord(record));
    this.framesThisSession += 1;
    return id;
  }

  /** Assembles the run-wide files from the records on disk. The writer cannot be used after. */
  finish(): ExportSummary {
    if (this.finished) throw new Error('DatasetWriter: finish called twice');
    this.finished = true;
    return assembleDataset(this.outDir, this.opts);
  }
}

/** Frame ids of every complete frame on disk, in (sample, frame) order. */
function recordIds(outDir: string): string[] {
  return readdirSync(join(outDir, RECORDS_DIR))
    .filter((n) => n.endsWith('.json') && isFrameId(n.slice(0, -5)))
    .map((n) => n.slice(0, -5))
    .sort(compareFrameIds);
}

function readRecord(outDir: string, id: string): FrameRecord {
  const p = join(outDir, RECORDS_DIR, `${id}.json`);
  return parseRecord(readFileSync(p, 'utf8'), p);
}

/**
 * Builds manifest.jsonl, coco.json, train.txt, data.yaml and README.md of `outDir` from the
 * frame records on disk alone, and stores `opts` in roadsynth-run.json. DatasetWriter.finish()
 * ends with this; `roadsynth merge` calls it on a folder whose frames it copied, so a merged
 * folder is assembled by the same code as a folder written by one process.
 */
export function assembleDataset(outDir: string, opts: DatasetOptions): ExportSummary {
  validateOptions(opts);
  const root = resolve(outDir);
  const kitti = { ...DEFAULT_KITTI_OPTIONS, ...opts.kitti };
  const formats = new Set(opts.formats);
  const ids = recordIds(root);
  const stats = new DatasetStats();
  const focus = new FocusTally();
  const files: string[] = ['manifest.jsonl'];
  const manifest = new AtomicFileStream(join(root, 'manifest.jsonl'));
  const kittiLayout = formats.has('kitti') ? new KittiLayoutWriter(root) : null;
  const trainList = formats.has('yolo') ? new AtomicFileStream(join(root, 'train.txt')) : null;
  const streams = [manifest, ...(trainList ? [trainList] : [])];
  try {
    for (const id of ids) {
      const r = readRecord(root, id);
      manifest.write(manifestLine(r.manifest));
      trainList?.write(yoloListLine(id));
      stats.add(r);
      focus.add(r.manifest);
      if (kittiLayout) {
        if (r.kitti === null) throw new Error(`records/${id}.json has no KITTI part: it was written without the kitti format`);
        kittiLayout.add({ id, sampleIndex: parseFrameId(id).sampleIndex, imagePath: join(root, RGB_FOLDER, `${id}.png`), kitti: r.kitti });
      }
    }
    for (const s of streams) s.commit();
    if (kittiLayout) files.push(...kittiLayout.commit());
  } catch (err) {
    for (const s of streams) s.abort();
    kittiLayout?.abort();
    throw err;
  }
  if (formats.has('coco')) {
    writeCoco(root, opts, ids);
    files.push('coco.json');
  }
  if (trainList) {
    writeFileAtomic(join(root, 'data.yaml'), yoloDataYaml(root, new ClassMap(opts.classMap)));
    files.push('train.txt', 'data.yaml');
  }
  const focusFigures = focus.summary();
  writeFocusWarnings(root, focusFigures);
  files.push(FOCUS_WARNINGS_FILE);
  writeFileAtomic(join(root, 'README.md'), datasetCard(stats, opts, kitti, focusFigures));
  files.push('README.md');
  writeRunFile(root, opts);
  const perClass: Record<string, number> = {};
  for (const c of LABEL_CLASSES) perClass[c] = stats.classTotal(c);
  return { outDir: root, frames: stats.frames, objects: stats.objects, perClass, files, focus: focusFigures };
}

function writeCoco(outDir: string, opts: DatasetOptions, ids: string[]): void {
  const out = new AtomicFileStream(join(outDir, 'coco.json'));
  const { scenario, run } = opts;
  try {
    writeCocoFile(
      out,
      {
        description: `roadsynth synthetic dataset: ${scenario.name}`,
        version: run.version,
        contributor: 'roadsynth (synthetic data)',
        scenario_file: scenario.file,
        scenario_hash: scenario.hash,
        synthetic: true,
      },
      (visit: (f: CocoFrame) => void) => {
        for (const id of ids) {
          const coco = readRecord(outDir, id).coco;
          if (coco === null) throw new Error(`records/${id}.json has no COCO part: it was written without the coco format`);
          visit(coco);
        }
      },
      new ClassMap(opts.classMap),
    );
    out.commit();
  } catch (err) {
    out.abort();
    throw err;
  }
}
