/**
 * The studio API: the one contract between the GUI renderer and its host (Electron main over
 * IPC, or `roadsynth studio` over HTTP). Both hosts implement `StudioApi` with the same
 * backend and validate every request against `REQUEST_SCHEMAS` before acting on it.
 *
 * This file holds only types and plain JSON Schema objects (and the design list of the pure
 * scenario grammar), so the renderer and the sandboxed preload can import it without pulling in
 * Node or ajv.
 *
 * Paths crossing this boundary are absolute host paths. The host refuses any path that does not
 * resolve (symlinks followed) inside a folder the user opened.
 */
import type { ScenarioError } from '../scenario/errors.js';
import { SAMPLING_DESIGNS } from '../scenario/schema.js';
import type { DesignName, ParamValue, ScenarioInstance } from '../scenario/types.js';
import type { SimEvent, SimMetrics } from '../sim/types.js';

/** The designs the studio offers: all but "search", which needs the samples a search wrote. */
export const DESIGN_NAMES = SAMPLING_DESIGNS;
export const EXPORT_FORMAT_NAMES = ['kitti', 'coco', 'yolo'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** A folder the user opened; every file the API touches lies inside one. */
export interface StudioRoot {
  path: string;
  /** 'scenarios': where scenario files are listed; 'output': where exports may be written. */
  purpose: 'scenarios' | 'output';
}

export interface FileEntry {
  /** Absolute path. */
  path: string;
  /** Path relative to its root, with forward slashes. */
  name: string;
  sizeBytes: number;
  mtimeMs: number;
}

/** The live perturbations of the preview: they override the sampled instance. */
export interface Perturbations {
  /** Local solar time [h]; sets the sun and street lights. */
  timeOfDayH?: number;
  /** 0..1 */
  rain?: number;
  /** Visibility [m]. */
  fogVisibilityM?: number;
  /** 0..1 */
  snow?: number;
  /** 0..1 (look and tyre friction). */
  wetness?: number;
}

/** One random dimension of a scenario, as the parameter panel shows it. */
export interface ParameterInfo {
  /** Parameter name, or the JSON pointer of an inline distribution. */
  key: string;
  source: 'parameter' | 'inline';
  /** JSON pointer of the distribution in the file. */
  pointer: string;
  /** 1-based line of the distribution in the file. */
  line: number;
  kind: 'uniform' | 'normal' | 'truncnormal' | 'int' | 'choice' | 'const';
  /** Slider range for numeric kinds (normal: mean +- 3 sd). */
  min?: number;
  max?: number;
  step?: number;
  /** Values of a choice. */
  choices?: ParamValue[];
  /** Value in the current sample (after overrides). */
  value: ParamValue;
  /** Whether an override fixes it. */
  overridden: boolean;
}

/** What picks one sample of a scenario text. */
export interface SampleRequest {
  text: string;
  /** Shown in error messages (the file's path, or a name for an unsaved buffer). */
  fileName: string;
  seed: number;
  design: DesignName;
  index: number;
  /** Sweep size, for the lhs design. */
  count?: number;
  /** Dimension key -> fixed value, replacing the distribution. */
  overrides?: Record<string, ParamValue>;
}

export interface SampleInfo {
  index: number;
  seed: number;
  design: DesignName;
  hash: string;
  tries: number;
  parameters: Record<string, ParamValue>;
}

export type SampleResponse =
  | { ok: true; sample: SampleInfo; instance: ScenarioInstance; parameters: ParameterInfo[] }
  | { ok: false; errors: ScenarioError[]; formatted: string[] };

export interface SimulateRequest extends SampleRequest {
  perturbations?: Perturbations;
}

export type SimulateResponse =
  | {
      ok: true;
      sample: SampleInfo;
      parameters: ParameterInfo[];
      /** The instance as simulated (perturbations applied). */
      instance: ScenarioInstance;
      /** src/sim/trajectoryFile.ts bytes, base64. */
      trajectoryBase64: string;
      events: SimEvent[];
      metrics: SimMetrics;
      timingsMs: { sample: number; simulate: number };
    }
  | { ok: false; errors: ScenarioError[]; formatted: string[] };

export interface ExportRequest {
  text: string;
  fileName: string;
  /** Output folder; must lie inside an opened folder. */
  outDir: string;
  formats: ExportFormatName[];
  /** Sampled instances. */
  count: number;
  /** Frames per instance. */
  frames: number;
  design: DesignName;
  seed: number;
  widthPx: number;
  heightPx: number;
  overrides?: Record<string, ParamValue>;
  /** The preview's perturbations; written into the exported scenario like the overrides. */
  perturbations?: Perturbations;
  /**
   * 'sample': only sample `index` of the sweep (what the preview shows; `count` is ignored);
   * 'sweep' (default): samples 0..count-1.
   */
  scope?: 'sample' | 'sweep';
  index?: number;
  /** The file the text came from, and whether the editor held unsaved edits (for the dataset card). */
  sourcePath?: string;
  unsaved?: boolean;
}

export interface ExportStarted {
  jobId: string;
  /** The scenario as exported (overrides and perturbations written in), saved in the output folder. */
  scenarioPath: string;
  /** The command that reproduces the export (also in the dataset card). */
  command: string;
}

export interface ExportProgress {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  outDir: string;
  framesDone: number;
  framesTotal: number;
  /** Frames per second so far. */
  fps: number;
  /** Estimated seconds left; null before the first frame. */
  etaS: number | null;
  message?: string;
  /** Report file when the dataset has one. */
  reportPath?: string;
  /** The command that reproduces the export. */
  command?: string;
}

export interface ExportedFrame {
  /** Frame id (file stem). */
  id: string;
  imagePath: string;
}

/** A 2D box of an exported frame, read back from its label files [px]. */
export interface FrameBox {
  cls: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface FrameView {
  id: string;
  /** PNG, base64. */
  pngBase64: string;
  boxes: FrameBox[];
}

/** Recovery drafts: unsaved buffers kept by the host so a crash loses nothing. */
export interface Draft {
  path: string;
  text: string;
  savedAtMs: number;
}

export interface StudioApi {
  roots(req: Record<string, never>): Promise<{ roots: StudioRoot[]; defaultOutDir: string; host: 'electron' | 'browser' }>;
  /** Electron: a folder dialog; the chosen folder becomes a root. Browser host: refused. */
  pickFolder(req: { purpose: StudioRoot['purpose'] }): Promise<{ root: StudioRoot | null }>;
  listFiles(req: { root: string }): Promise<{ files: FileEntry[] }>;
  readFile(req: { path: string }): Promise<{ text: string; mtimeMs: number }>;
  /**
   * Writes a scenario file. With `expectedMtimeMs` the write is refused (409) when the file
   * changed on disk since it was read, unless `force`.
   */
  writeFile(req: { path: string; text: string; expectedMtimeMs?: number; force?: boolean }): Promise<{ mtimeMs: number }>;
  createFromTemplate(req: { dir: string; name: string }): Promise<{ path: string }>;
  validate(req: { text: string; fileName: string }): Promise<{ errors: ScenarioError[]; formatted: string[] }>;
  sample(req: SampleRequest): Promise<SampleResponse>;
  simulate(req: SimulateRequest): Promise<SimulateResponse>;
  exportStart(req: ExportRequest): Promise<ExportStarted>;
  /** The running export, else the last one of this host (so a reloaded page reattaches), or null. */
  exportCurrent(req: Record<string, never>): Promise<{ progress: ExportProgress | null }>;
  exportProgress(req: { jobId: string }): Promise<ExportProgress>;
  exportCancel(req: { jobId: string }): Promise<ExportProgress>;
  listFrames(req: { outDir: string }): Promise<{ frames: ExportedFrame[]; reportPath: string | null }>;
  readFrame(req: { outDir: string; id: string }): Promise<FrameView>;
  /** Electron: opens in the system's app; browser host: returns a URL to open in a new tab. */
  openPath(req: { path: string }): Promise<{ url: string | null }>;
  saveDraft(req: { path: string; text: string }): Promise<Record<string, never>>;
  dropDraft(req: { path: string }): Promise<Record<string, never>>;
  drafts(req: Record<string, never>): Promise<{ drafts: Draft[] }>;
  /** Electron: whether the window may close (the renderer answers after asking the user). */
  setDirty(req: { dirty: boolean }): Promise<Record<string, never>>;
}

export type ApiName = keyof StudioApi;
export type ApiRequest<N extends ApiName> = Parameters<StudioApi[N]>[0];
export type ApiResponse<N extends ApiName> = Awaited<ReturnType<StudioApi[N]>>;

/** An API failure the user can act on (bad path, refused folder, bad request). */
export interface ApiErrorBody {
  error: string;
}

// ---- request schemas (draft 2020-12), checked in the host before any handler runs ----

type Schema = Record<string, unknown>;

const MAX_TEXT = 1024 * 1024;
const path: Schema = { type: 'string', minLength: 1, maxLength: 4096 };
const text: Schema = { type: 'string', maxLength: MAX_TEXT };
const fileName: Schema = { type: 'string', minLength: 1, maxLength: 4096 };
const paramValue: Schema = { type: ['number', 'string', 'boolean'] };
const empty: Schema = { type: 'object', additionalProperties: false, properties: {} };

function object(properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema {
  return { type: 'object', additionalProperties: false, required, properties };
}

const sampleProps: Record<string, Schema> = {
  text,
  fileName,
  seed: { type: 'integer', minimum: 0, maximum: 2 ** 32 - 1 },
  design: { enum: [...DESIGN_NAMES] },
  index: { type: 'integer', minimum: 0, maximum: 1e9 },
  count: { type: 'integer', minimum: 1, maximum: 1e9 },
  overrides: { type: 'object', maxProperties: 256, additionalProperties: paramValue },
};
const sampleRequired = ['text', 'fileName', 'seed', 'design', 'index'];

const perturbations: Schema = object(
  {
    timeOfDayH: { type: 'number', minimum: 0, maximum: 24 },
    rain: { type: 'number', minimum: 0, maximum: 1 },
    fogVisibilityM: { type: 'number', minimum: 5, maximum: 100000 },
    snow: { type: 'number', minimum: 0, maximum: 1 },
    wetness: { type: 'number', minimum: 0, maximum: 1 },
  },
  [],
);

const jobId: Schema = { type: 'string', pattern: '^[a-z0-9-]{1,64}$' };

export const REQUEST_SCHEMAS: { readonly [N in ApiName]: Schema } = {
  roots: empty,
  pickFolder: object({ purpose: { enum: ['scenarios', 'output'] } }),
  listFiles: object({ root: path }),
  readFile: object({ path }),
  writeFile: object({ path, text, expectedMtimeMs: { type: 'number', minimum: 0 }, force: { type: 'boolean' } }, ['path', 'text']),
  createFromTemplate: object({ dir: path, name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._ -]{0,120}$' } }),
  validate: object({ text, fileName }),
  sample: object(sampleProps, sampleRequired),
  simulate: object({ ...sampleProps, perturbations }, sampleRequired),
  exportStart: object(
    {
      text,
      fileName,
      outDir: path,
      formats: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...EXPORT_FORMAT_NAMES] } },
      count: { type: 'integer', minimum: 1, maximum: 100000 },
      frames: { type: 'integer', minimum: 1, maximum: 10000 },
      design: { enum: [...DESIGN_NAMES] },
      seed: sampleProps.seed,
      widthPx: { type: 'integer', minimum: 16, maximum: 8192 },
      heightPx: { type: 'integer', minimum: 16, maximum: 8192 },
      overrides: sampleProps.overrides,
      perturbations,
      scope: { enum: ['sample', 'sweep'] },
      index: sampleProps.index,
      sourcePath: path,
      unsaved: { type: 'boolean' },
    },
    ['text', 'fileName', 'outDir', 'formats', 'count', 'frames', 'design', 'seed', 'widthPx', 'heightPx'],
  ),
  exportCurrent: empty,
  exportProgress: object({ jobId }),
  exportCancel: object({ jobId }),
  listFrames: object({ outDir: path }),
  readFrame: object({ outDir: path, id: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,128}$' } }),
  openPath: object({ path }),
  saveDraft: object({ path, text }),
  dropDraft: object({ path }),
  drafts: empty,
  setDirty: object({ dirty: { type: 'boolean' } }),
};

export const API_NAMES = Object.keys(REQUEST_SCHEMAS) as ApiName[];
