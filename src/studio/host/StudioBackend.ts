/**
 * The studio API implemented once, for both hosts. Electron main wires it to ipcMain.handle,
 * `roadsynth studio` to HTTP; each passes its own hooks for what only it can do (folder
 * dialogs, opening files in other apps, the close warning). Requests reaching these methods
 * have been validated against the contract's schemas (see requestValidator.ts); every path goes
 * through FolderAccess.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkScenario } from '../../scenario/load.js';
import { formatScenarioError } from '../../scenario/errors.js';
import { writeFileAtomic } from '../../export/atomicWrite.js';
import type { ApiRequest, ApiResponse, ExportProgress, FileEntry, StudioApi, StudioRoot } from '../api.js';
import { Drafts } from './Drafts.js';
import { ExportJobs, reportPathOf } from './ExportJobs.js';
import type { ExportRunner } from './exportRun.js';
import { FolderAccess } from './FolderAccess.js';
import { frameBoxes, imagePathOf, listExportedFrames } from './frameFiles.js';
import { samplePreview, simulatePreview, withOverrides } from './previewService.js';
import { collectDimensions } from '../../sampling/dimensions.js';
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
const MAX_LISTED = 2000;
const MAX_DEPTH = 4;

function listScenarioFiles(root: string): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries;
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

export class StudioBackend implements StudioApi {
  readonly jobs: ExportJobs;
  private readonly draftStore: Drafts;

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
    if (!SCENARIO_FILE.test(p)) throw new StudioApiError(`${req.path}: the studio only writes .yaml, .yml and .json files`, 400);
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
    const { errors } = checkScenario(req.text, req.fileName);
    return { errors, formatted: errors.map(formatScenarioError) };
  }

  async sample(req: ApiRequest<'sample'>): Promise<ApiResponse<'sample'>> {
    return samplePreview(req);
  }

  async simulate(req: ApiRequest<'simulate'>): Promise<ApiResponse<'simulate'>> {
    return simulatePreview(req);
  }

  async exportStart(req: ApiRequest<'exportStart'>): Promise<ApiResponse<'exportStart'>> {
    const outDir = this.o.access.resolve(req.outDir, ['output']);
    const checked = checkScenario(req.text, req.fileName);
    if (!checked.spec) {
      throw new StudioApiError(`the scenario has errors; fix them before exporting:\n${checked.errors.map(formatScenarioError).join('\n')}`, 400);
    }
    const spec = req.overrides ? withOverrides(checked.spec, new Map(collectDimensions(checked.spec).map((d) => [d.key, d.pointer])), req.overrides) : checked.spec;
    const jobId = this.jobs.start({ ...req, spec, outDir });
    return { jobId };
  }

  async exportProgress(req: ApiRequest<'exportProgress'>): Promise<ExportProgress> {
    return this.jobs.progress(req.jobId);
  }

  async exportCancel(req: ApiRequest<'exportCancel'>): Promise<ExportProgress> {
    return this.jobs.cancel(req.jobId);
  }

  async listFrames(req: ApiRequest<'listFrames'>): Promise<ApiResponse<'listFrames'>> {
    const outDir = this.o.access.resolve(req.outDir, ['output']);
    return { frames: listExportedFrames(outDir), reportPath: reportPathOf(outDir) ?? null };
  }

  async readFrame(req: ApiRequest<'readFrame'>): Promise<ApiResponse<'readFrame'>> {
    const outDir = this.o.access.resolve(req.outDir, ['output']);
    const imagePath = imagePathOf(outDir, req.id);
    if (!imagePath) throw new StudioApiError(`${req.outDir}: no frame "${req.id}"`, 404);
    const png = readFileSync(imagePath);
    return { id: req.id, pngBase64: png.toString('base64'), boxes: frameBoxes(outDir, req.id, png) };
  }

  async openPath(req: ApiRequest<'openPath'>): Promise<ApiResponse<'openPath'>> {
    return this.o.hooks.openPath(this.o.access.resolve(req.path));
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
  }
}
