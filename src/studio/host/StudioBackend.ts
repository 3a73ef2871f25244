/**
 * The studio API implemented once, for both hosts. Electron main wires it to ipcMain.handle,
 * `roadsynth studio` to HTTP; each passes its own hooks for what only it can do (folder
 * dialogs, opening files in other apps, the close warning). Requests reaching these methods
 * have been validated against the contract's schemas (see requestValidator.ts); every path goes
 * through FolderAccess.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkScenario } from '../../scenario/load.js';
import { scenarioSchema } from '../../scenario/schema.js';
import { budgetError } from '../../sim/budget.js';
import { formatScenarioError } from '../../scenario/errors.js';
import { writeFileAtomic } from '../../export/atomicWrite.js';
import type { ApiRequest, ApiResponse, ExportProgress, FileEntry, StudioApi, StudioRoot } from '../api.js';
import { Drafts } from './Drafts.js';
import { ExportJobs, refreshReport, reportPathOf } from './ExportJobs.js';
import { REPORT_FILE } from '../../report/writeReport.js';
import { exportCommand, type ExportRunner } from './exportRun.js';
import type { FolderAccess } from './FolderAccess.js';
import { frameBoxes, imagePathOf, listExportedFrames } from './frameFiles.js';
import { samplePreview, studioSpec } from './previewService.js';
import { PreviewSimulator } from './PreviewSimulator.js';
import { StudioApiError } from './StudioApiError.js';

/** What differs between the Electron and the browser host. */
export interface HostHooks {
  kind: 'electron' | 'browser';
  /** Asks the user for a folder; null when cancelled or not possible in this host. */
  pickFolder(purpose: StudioRoot['purpose']): Promise<string | null>;
  /** Opens a file or folder (already checked to be inside an opened folder). */
  openPath(realPath: string): Promise<{ url: string | null }>;
  setDirty(dirty: boolean): void;
}

export interface StudioBackendOptions {
  access: FolderAccess;
  hooks: HostHooks;
  exportRunner: ExportRunner;
  /** The new-scenario template (scenarios/templates/blank.yaml). */
  templatePath: string;
  /** Where unsaved buffers are kept for crash recovery. */
  recoveryFolder: string;
  /** Suggested export folder (must lie inside an output root). */
  defaultOutDir: string;
}

const SCENARIO_FILE = /\.(ya?ml|json)$/i;
/** The scenario as exported, saved in the export folder. */
export const EXPORTED_SCENARIO = 'scenario.studio.json';
const MAX_LISTED = 2000;
const MAX_DEPTH = 4;

function listScenarioFiles(root: string): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= MAX_LISTED || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH) walk(p, depth + 1);
      else if (e.isFile() && SCENARIO_FILE.test(e.name) && !e.name.endsWith('.schema.json')) {
        const st = statSync(p);
        out.push({ path: p, name: path.relative(root, p).split(path.sep).join('/'), sizeBytes: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  walk(root, 0);
  return out;
}

/** Files no scenario editor should write, whatever their extension. */
const PROTECTED_NAMES = new Set([
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'tsconfig.json',
  'jsconfig.json',
  'composer.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'docker-compose.yml',
  'docker-compose.yaml',
  'pubspec.yaml',
  'renovate.json',
]);

/** The studio writes scenario files only: .yaml/.yml/.json, no hidden path, no package or tool manifest. */
function refuseNonScenarioPath(shown: string, rel: string): void {
  const parts = rel.split(/[\\/]/);
  const name = parts[parts.length - 1];
  if (!SCENARIO_FILE.test(name)) throw new StudioApiError(`${shown}: the studio only writes .yaml, .yml and .json scenario files`, 400);
  if (parts.some((seg) => seg.startsWith('.'))) throw new StudioApiError(`${shown}: the studio does not write hidden files or into hidden folders`, 403);
  if (PROTECTED_NAMES.has(name.toLowerCase()) || name.endsWith('.schema.json'))
    throw new StudioApiError(`${shown}: not a scenario file (a package or tool manifest); the studio does not write it`, 403);
}

/** Keys a scenario file may have at its top level: the schema's (src/scenario/schema.ts), which allows no others. */
const SCENARIO_KEYS = new Set(Object.keys((scenarioSchema as { properties: Record<string, unknown> }).properties));

function notAScenario(shown: string, why: string): StudioApiError {
  return new StudioApiError(`${shown}: the text is not a scenario (${why}); the studio writes scenario files only`, 400);
}

/**
 * The text must be a scenario: a YAML or JSON mapping whose top-level keys are all scenario
 * keys (version, name, road, ego, actors ...). That refuses other tools' files that share a key
 * or two with a scenario (a Taskfile or Chart.yaml has `version`, an action.yml `name`). Work in
 * progress with grammar errors below the top level is fine (it is being edited).
 */
function refuseNonScenarioText(shown: string, text: string): void {
  let doc: unknown;
  try {
    doc = /\.json$/i.test(shown) ? JSON.parse(text) : parseYaml(text);
  } catch {
    checkLooseText(shown, text);
    return;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw notAScenario(shown, 'expected a mapping with version, name, road, ego ...');
  checkTopKeys(shown, Object.keys(doc));
}

/** Refuses top-level keys a scenario does not have, and no keys at all. */
function checkTopKeys(shown: string, keys: string[]): void {
  const foreign = keys.filter((k) => !SCENARIO_KEYS.has(k));
  if (foreign.length > 0) throw notAScenario(shown, `a scenario has no top-level ${foreign.map((k) => JSON.stringify(k)).join(', ')}`);
  if (keys.length === 0) throw notAScenario(shown, 'expected a mapping with version, name, road, ego ...');
}

/** Text that does not parse (mid-edit) is saved if its top-level keys (lines starting with `key:`) are scenario keys. */
function checkLooseText(shown: string, text: string): void {
  checkTopKeys(
    shown,
    [...text.matchAll(/^["']?([^\s"'#:\-[\]{}][^\s"':]*)["']?[ \t]*:/gm)].map((m) => m[1]!),
  );
}

export class StudioBackend implements StudioApi {
  readonly jobs: ExportJobs;
  private readonly draftStore: Drafts;
  readonly simulator = new PreviewSimulator();

  constructor(private readonly o: StudioBackendOptions) {
    this.jobs = new ExportJobs(o.exportRunner);
    this.draftStore = new Drafts(o.recoveryFolder);
  }

  async roots(): Promise<ApiResponse<'roots'>> {
    return { roots: this.o.access.roots(), defaultOutDir: this.o.defaultOutDir, host: this.o.hooks.kind };
  }

  async pickFolder(req: ApiRequest<'pickFolder'>): Promise<ApiResponse<'pickFolder'>> {
    const chosen = await this.o.hooks.pickFolder(req.purpose);
    return { root: chosen === null ? null : this.o.access.open(chosen, req.purpose) };
  }

  async listFiles(req: ApiRequest<'listFiles'>): Promise<ApiResponse<'listFiles'>> {
    const root = this.o.access.resolve(req.root, ['scenarios']);
    return { files: listScenarioFiles(root) };
  }

  async readFile(req: ApiRequest<'readFile'>): Promise<ApiResponse<'readFile'>> {
    const p = this.o.access.resolve(req.path);
    try {
      const st = statSync(p);
      if (!st.isFile()) throw new StudioApiError(`${req.path}: not a file`, 400);
      if (st.size > 1024 * 1024) throw new StudioApiError(`${req.path}: larger than 1 MB; a scenario file is a few kB`, 400);
      return { text: readFileSync(p, 'utf8'), mtimeMs: st.mtimeMs };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new StudioApiError(`${req.path}: no such file`, 404);
      throw err;
    }
  }

  async writeFile(req: ApiRequest<'writeFile'>): Promise<ApiResponse<'writeFile'>> {
    const p = this.o.access.resolve(req.path, ['scenarios']);
    const root = this.o.access.rootFor(p);
    const rel = root ? path.relative(root.path, p) : path.basename(p);
    refuseNonScenarioPath(req.path, rel);
    refuseNonScenarioText(req.path, req.text);
    if (req.expectedMtimeMs !== undefined && !req.force) {
      let mtimeMs: number | null = null;
      try {
        mtimeMs = statSync(p).mtimeMs;
      } catch {
        mtimeMs = null; // removed meanwhile: writing it again loses nothing
      }
      if (mtimeMs !== null && mtimeMs !== req.expectedMtimeMs) {
        throw new StudioApiError(`${req.path}: changed on disk since it was opened (another tab or program saved it); reload it or save anyway`, 409);
      }
    }
    writeFileAtomic(p, req.text);
    this.draftStore.drop(req.path);
    return { mtimeMs: statSync(p).mtimeMs };
  }

  async createFromTemplate(req: ApiRequest<'createFromTemplate'>): Promise<ApiResponse<'createFromTemplate'>> {
    const dir = this.o.access.resolve(req.dir, ['scenarios']);
    const fileName = /\.ya?ml$/i.test(req.name) ? req.name : `${req.name}.yaml`;
    const target = path.join(dir, fileName);
    try {
      statSync(target);
      throw new StudioApiError(`${target}: already exists; pick another name`, 409);
    } catch (err) {
      if (err instanceof StudioApiError) throw err;
    }
    const stem = fileName.replace(/\.ya?ml$/i, '');
    const text = readFileSync(this.o.templatePath, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(stem)}`);
    writeFileAtomic(target, text);
    return { path: target };
  }

  async validate(req: ApiRequest<'validate'>): Promise<ApiResponse<'validate'>> {
    const { spec, errors, locate } = checkScenario(req.text, req.fileName);
    // The same budget as `roadsynth validate`: a file without errors here can be simulated.
    const over = spec ? budgetError(spec, req.fileName, locate) : null;
    const all = over ? [over] : errors;
    return { errors: all, formatted: all.map(formatScenarioError) };
  }

  async sample(req: ApiRequest<'sample'>): Promise<ApiResponse<'sample'>> {
    return samplePreview(req);
  }

  async simulate(req: ApiRequest<'simulate'>): Promise<ApiResponse<'simulate'>> {
    return this.simulator.simulate(req);
  }

  async exportStart(req: ApiRequest<'exportStart'>): Promise<ApiResponse<'exportStart'>> {
    const outDir = this.o.access.resolve(req.outDir, ['output']);
    const checked = checkScenario(req.text, req.fileName);
    if (!checked.spec) {
      throw new StudioApiError(`the scenario has errors; fix them before exporting:\n${checked.errors.map(formatScenarioError).join('\n')}`, 400);
    }
    const overrides = req.overrides ?? {};
    const perturbations = req.perturbations ?? {};
    // The export runs exactly what the preview sampled: the spec with the overrides and
    // perturbations written in. It is saved next to the dataset, so the card's command runs it.
    const spec = studioSpec(checked.spec, overrides, perturbations);
    const sample = req.scope === 'sample';
    const index = req.index ?? 0;
    const count = sample ? index + 1 : req.count;
    const shard = sample ? { index, of: index + 1 } : undefined;
    mkdirSync(outDir, { recursive: true });
    const scenarioFile = path.join(outDir, EXPORTED_SCENARIO);
    writeFileAtomic(scenarioFile, JSON.stringify(spec, null, 2) + '\n');
    const base = { ...req, outDir, count, scenarioFile, ...(shard ? { shard } : {}) };
    const command = exportCommand(base);
    const source = req.sourcePath ? this.o.access.resolve(req.sourcePath) : req.fileName;
    const list = (o: object): string =>
      Object.entries(o)
        .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
        .join(', ') || 'none';
    const notes = [
      `Exported from roadsynth studio: ${sample ? `sample ${index} of the sweep (seed ${req.seed}, design ${req.design}), as the preview showed it` : `samples 0 to ${count - 1} of the sweep`}`,
      `Source: \`${source}\`${req.unsaved ? ' with unsaved edits; the scenario file above holds the text that was exported' : ''}`,
      `Parameter overrides: ${list(overrides)}`,
      `Perturbations: ${list(perturbations)}`,
    ];
    const jobId = this.jobs.start({
      fileName: req.fileName,
      formats: req.formats,
      frames: req.frames,
      design: req.design,
      seed: req.seed,
      widthPx: req.widthPx,
      heightPx: req.heightPx,
      outDir,
      count,
      spec,
      scenarioFile,
      command,
      notes,
      ...(shard ? { shard } : {}),
    });
    return { jobId, scenarioPath: scenarioFile, command };
  }

  async exportCurrent(): Promise<ApiResponse<'exportCurrent'>> {
    return { progress: this.jobs.current() };
  }

  async exportProgress(req: ApiRequest<'exportProgress'>): Promise<ExportProgress> {
    return this.jobs.progress(req.jobId);
  }

  async exportCancel(req: ApiRequest<'exportCancel'>): Promise<ExportProgress> {
    return this.jobs.cancel(req.jobId);
  }

  async listFrames(req: ApiRequest<'listFrames'>): Promise<ApiResponse<'listFrames'>> {
    const outDir = this.o.access.resolve(req.outDir, ['output']);
    const frames = listExportedFrames(outDir);
    // With frames there is a report to open: it is written when opened if missing.
    return { frames, reportPath: reportPathOf(outDir) ?? (frames.length > 0 ? path.join(outDir, REPORT_FILE) : null) };
  }

  async readFrame(req: ApiRequest<'readFrame'>): Promise<ApiResponse<'readFrame'>> {
    const outDir = this.o.access.resolve(req.outDir, ['output']);
    const imagePath = imagePathOf(outDir, req.id);
    if (!imagePath) throw new StudioApiError(`${req.outDir}: no frame "${req.id}"`, 404);
    const png = readFileSync(imagePath);
    return { id: req.id, pngBase64: png.toString('base64'), boxes: frameBoxes(outDir, req.id, png) };
  }

  async openPath(req: ApiRequest<'openPath'>): Promise<ApiResponse<'openPath'>> {
    const real = this.o.access.resolve(req.path);
    if (path.basename(real) === REPORT_FILE && !existsSync(real) && listExportedFrames(path.dirname(real)).length > 0) {
      // A dataset exported without a report (or by an older version): write it, as `roadsynth report` does.
      const problem = refreshReport(path.dirname(real));
      if (problem) throw new StudioApiError(`${req.path}: ${problem}`, 400);
    }
    return this.o.hooks.openPath(real);
  }

  async saveDraft(req: ApiRequest<'saveDraft'>): Promise<ApiResponse<'saveDraft'>> {
    this.o.access.resolve(req.path, ['scenarios']);
    this.draftStore.save(req.path, req.text);
    return {};
  }

  async dropDraft(req: ApiRequest<'dropDraft'>): Promise<ApiResponse<'dropDraft'>> {
    this.draftStore.drop(req.path);
    return {};
  }

  async drafts(): Promise<ApiResponse<'drafts'>> {
    // Only drafts of files inside the opened folders are offered back.
    const inside = (p: string): boolean => {
      try {
        this.o.access.resolve(p, ['scenarios']);
        return true;
      } catch {
        return false;
      }
    };
    return { drafts: this.draftStore.list().filter((d) => inside(d.path)) };
  }

  async setDirty(req: ApiRequest<'setDirty'>): Promise<ApiResponse<'setDirty'>> {
    this.o.hooks.setDirty(req.dirty);
    return {};
  }

  /** Stops running exports (host shutting down). */
  dispose(): void {
    this.jobs.cancelAll();
    void this.simulator.dispose();
  }
}
