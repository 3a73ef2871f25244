/**
 * The studio page: wires the file list, editor, parameter panel, preview, timeline,
 * perturbations and export panel to the host API. Holds the state that crosses panels: the open
 * file, unsaved changes, the sample settings (seed, design, index), overrides and perturbations.
 */
import type { ScenarioError } from '../scenario/errors.js';
import type { DesignName, ParamValue } from '../scenario/types.js';
import { decodeTrajectory } from '../sim/trajectoryFile.js';
import { replayOf } from '../sim/replay.js';
import type { FileEntry, ParameterInfo, Perturbations, StudioApi, StudioRoot } from '../studio/api.js';
import { byId, field, h } from './dom.js';
import { ScenarioEditor } from './editor/ScenarioEditor.js';
import { ExportPanel, type ExportSource } from './panels/ExportPanel.js';
import { FileList } from './panels/FileList.js';
import { HelpDialogs } from './panels/HelpDialogs.js';
import { ParameterPanel } from './panels/ParameterPanel.js';
import { PerturbationPanel } from './panels/PerturbationPanel.js';
import { eventRows, Timeline, timelineMarks } from './panels/Timeline.js';
import { Panes } from './panes.js';
import { designSelect, sweepDesignOf } from './sweepDesign.js';
import { Viewport, type ViewMode } from './viewport/Viewport.js';

const DRAFT_EVERY_MS = 2000;
const PREVIEW_DEBOUNCE_MS = 120;
const TEXT_PREVIEW_DEBOUNCE_MS = 700;

interface OpenFile {
  path: string;
  /** Name shown in messages, as `roadsynth validate` would print it (folder/file.yaml). */
  displayName: string;
  /** Saved text with LF line ends (what the editor holds). */
  savedText: string;
  /** Line ending of the file on disk, kept when saving. */
  eol: '\n' | '\r\n';
  /** Modification time when read or last saved [ms], to notice changes by others. */
  mtimeMs: number;
}

/** What undo and redo step through: the overrides and perturbations the preview applies. */
interface Adjustments {
  overrides: Record<string, ParamValue>;
  perturbations: Perturbations;
}

/** Whether a key event is typing into a field or the editor (keys then belong to it). */
function typing(e: KeyboardEvent): boolean {
  const t = e.target;
  if (!(t instanceof HTMLElement)) return false;
  return (
    t.isContentEditable ||
    t.closest('.cm-editor') !== null ||
    t instanceof HTMLTextAreaElement ||
    (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'range'].includes(t.type)) ||
    t instanceof HTMLSelectElement
  );
}

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export class App {
  private root: StudioRoot | null = null;
  private file: OpenFile | null = null;
  private readonly editor: ScenarioEditor;
  private readonly files: FileList;
  private readonly params: ParameterPanel;
  private readonly perturb: PerturbationPanel;
  private readonly viewport: Viewport;
  private readonly timeline: Timeline;
  private readonly exporter: ExportPanel;
  private readonly help = new HelpDialogs();
  private readonly seed = h('input', { id: 'seed', type: 'number', min: 0, value: 1, 'aria-label': 'seed', title: 'Run seed: with the design and the index it picks the sample' });
  private readonly index = h('input', {
    id: 'sample-index',
    type: 'number',
    min: 0,
    value: 0,
    'aria-label': 'sample index',
    title: 'Which sample of the sweep the preview shows (and "this sample" exports)',
  });
  private readonly design = designSelect('design', 'Sampling design of the sweep (the file names its own under sweep:)');
  private readonly sampleInfo = h('span', { id: 'sample-info', class: 'muted' }, '');
  private readonly fpsLabel = h('span', { id: 'fps', class: 'muted' }, '');
  private overrides: Record<string, ParamValue> = {};
  /** Undo and redo of the overrides and perturbations; a change in progress (a drag) is one step. */
  private past: Adjustments[] = [];
  private future: Adjustments[] = [];
  private changing = false;
  private previewTimer = 0;
  private previewRequest = 0;
  private previewSeq = 0;
  private lastDraftText = '';
  /** A standing problem (the last draft was refused) that later routine messages must not hide. */
  private standingProblem: string | null = null;
  private hasValidPreview = false;
  /** Last unsaved-changes state told to the host (for its close warning). */
  private reportedDirty = false;

  constructor(private readonly api: StudioApi) {
    this.files = new FileList(byId('files'), {
      open: (f) => void this.openFile(f),
      create: (name) => void this.create(name),
      openFolder: () => void this.pickFolder(),
    });
    const saveButton = h('button', { id: 'save', title: 'Save (Ctrl+S)', onclick: () => void this.save() }, 'Save');
    const fileTitle = h('span', { id: 'file-title' }, 'no file open');
    const tools = h(
      'span',
      { class: 'editor-tools' },
      h('button', { id: 'find', class: 'small', title: 'Find and replace in the file (Ctrl+F, Ctrl+H)', onclick: () => this.editor.find() }, 'Find'),
      h('button', { id: 'goto-line', class: 'small', title: 'Go to a line (Ctrl+G)', onclick: () => this.editor.askLine() }, 'Line'),
      h('button', { id: 'grammar-link', class: 'small', title: 'The scenario grammar reference (docs/grammar.md)', onclick: () => this.help.showGrammar() }, 'Grammar'),
      h('button', { id: 'shortcuts-button', class: 'small', title: 'Keyboard shortcuts (?)', 'aria-label': 'keyboard shortcuts', onclick: () => this.help.showShortcuts() }, '?'),
      saveButton,
    );
    byId('editor-bar').append(fileTitle, tools);
    this.editor = new ScenarioEditor(byId('editor'), {
      validate: (text) => this.api.validate({ text, fileName: this.file?.displayName ?? 'untitled.yaml' }),
      onChange: (text) => this.textChanged(text),
      onDiagnostics: (errors, formatted) => this.showProblems(errors, formatted),
      onSave: () => void this.save(),
    });
    this.params = new ParameterPanel(byId('parameters'), {
      override: (key, value) => {
        this.beginChange();
        this.overrides = { ...this.overrides, [key]: value };
        this.schedulePreview(PREVIEW_DEBOUNCE_MS);
      },
      commit: () => this.endChange(),
      release: (key) => {
        this.dropOverride(key);
        this.schedulePreview(0);
      },
      goToLine: (line) => this.editor.goToLine(line),
      write: (p) => this.writeOverride(p),
      undo: () => this.undo(),
      redo: () => this.redo(),
    });
    this.perturb = new PerturbationPanel(byId('perturbations'), {
      begin: () => this.beginChange(),
      change: () => this.schedulePreview(PREVIEW_DEBOUNCE_MS),
      commit: () => this.endChange(),
    });
    this.viewport = new Viewport(byId('viewport'));
    this.viewport.onFrame = (fps, boxes) => {
      const scale = this.viewport.resolutionScale;
      this.fpsLabel.textContent = `${fps === null ? 'still' : `${fps} fps`} · ${boxes} boxes${scale < 1 ? ` · ${Math.round(scale * 100)}% res` : ''}`;
      byId('viewport').dataset.boxes = String(boxes);
    };
    this.timeline = new Timeline(byId('timeline'), (tick) => this.viewport.setTick(tick));
    this.exporter = new ExportPanel(byId('export-pane'), api, {
      current: () => this.exportSource(),
      status: (m) => this.status(m),
    });
    this.buildSampleBar();
    window.addEventListener('beforeunload', (e) => {
      if (this.dirty) e.preventDefault();
    });
    new Panes(byId('app'));
    window.addEventListener('keydown', (e) => this.key(e));
    setInterval(() => void this.keepDraft(), DRAFT_EVERY_MS);
  }

  /** Keys that work outside the editor and fields; the shortcut list (HelpDialogs.ts) names them. */
  private key(e: KeyboardEvent): void {
    const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
    const k = e.key.toLowerCase();
    // Ctrl+S saves wherever the focus is (the editor's text handles it itself).
    if (mod && k === 's') {
      e.preventDefault();
      if (!(e.target instanceof Element && e.target.closest('.cm-content'))) void this.save();
      return;
    }
    if (typing(e) || this.help.open) return;
    if (mod && (k === 'z' || k === 'y')) {
      e.preventDefault();
      if (k === 'y' || e.shiftKey) this.redo();
      else this.undo();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const act: Record<string, () => void> = {
      '?': () => this.help.showShortcuts(),
      ' ': () => this.timeline.toggle(),
      ',': () => this.timeline.step(-1),
      '.': () => this.timeline.step(1),
      l: () => this.timeline.toggleLoop(),
      r: () => this.resetView(),
    };
    const run = act[e.key] ?? act[k];
    if (!run) return;
    // Space on a focused button or box presses it; that is not play.
    if (e.key === ' ' && e.target instanceof HTMLElement && e.target.closest('button, input, select, a, summary')) return;
    e.preventDefault();
    run();
  }

  private current(): Adjustments {
    return { overrides: this.overrides, perturbations: this.perturb.current };
  }

  /** Starts an undo step unless one is going on (a slider being dragged). */
  private beginChange(): void {
    if (this.changing) return;
    this.changing = true;
    this.past.push(this.current());
    this.future = [];
    this.params.setHistory(true, false);
  }

  private endChange(): void {
    this.changing = false;
  }

  private restore(a: Adjustments): void {
    this.changing = false;
    this.overrides = a.overrides;
    this.perturb.set(a.perturbations);
    this.params.setHistory(this.past.length > 0, this.future.length > 0);
    this.schedulePreview(0);
  }

  private undo(): void {
    this.travel(this.past, this.future, 'undone: the parameters and perturbations are as before the last change');
  }

  private redo(): void {
    this.travel(this.future, this.past, 'redone');
  }

  /** Moves one step through the override history: from `from` to the state before it, saving the current one on `to`. */
  private travel(from: typeof this.past, to: typeof this.past, message: string): void {
    const a = from.pop();
    if (!a) return;
    to.push(this.current());
    this.restore(a);
    this.status(message);
  }

  /** Removes one override, as one undoable change. */
  private dropOverride(key: string): void {
    this.beginChange();
    const { [key]: _, ...rest } = this.overrides;
    this.overrides = rest;
    this.endChange();
  }

  /** Writes an override into the scenario text in place of its distribution, and lets it go. */
  private writeOverride(p: ParameterInfo): void {
    const value = this.overrides[p.key];
    if (value === undefined) return;
    const written = this.editor.writeValue(p.pointer, value);
    if (typeof written === 'string') {
      this.status(`${p.key} not written: ${written}`, true);
      return;
    }
    // The file now holds the value: the override has nothing left to do.
    this.dropOverride(p.key);
    this.status(`${p.key} = ${String(value)} written at line ${written.line} (not saved yet; Ctrl+Z in the editor takes it back)`);
  }

  private resetView(): void {
    byId('sample-bar').querySelector<HTMLButtonElement>('[data-mode="orbit"]')?.click();
    this.viewport.resetView();
  }

  private buildSampleBar(): void {
    const next = h('button', { id: 'next-sample', title: 'The next sample of the sweep' }, 'Next sample');
    next.addEventListener('click', () => {
      this.index.value = String(Number(this.index.value) + 1);
      this.schedulePreview(0);
    });
    for (const el of [this.seed, this.index, this.design]) el.addEventListener('change', () => this.schedulePreview(0));
    const modes = h('div', { class: 'modes', role: 'group', 'aria-label': 'View' });
    for (const [mode, label, title] of [
      ['orbit', 'Orbit', 'Orbit around the ego vehicle: drag to turn, wheel to zoom, right drag to pan'],
      ['ego', 'Ego camera', 'What the ego camera sees: the framing of the exported frames'],
      ['top', 'Top', 'From above, following the ego vehicle'],
    ] as [ViewMode, string, string][]) {
      const b = h('button', { 'data-mode': mode, class: mode === 'orbit' ? 'active' : '', title }, label);
      b.addEventListener('click', () => {
        this.viewport.setMode(mode);
        for (const o of modes.children) o.classList.toggle('active', o === b);
      });
      modes.append(b);
    }
    const reset = h(
      'button',
      { id: 'reset-view', title: 'Back to the first orbit view: the ego vehicle and the focus actors in sight (R)', onclick: () => this.resetView() },
      'Reset view',
    );
    const toggles = h('div', { class: 'toggles' });
    const flags = this.viewport.flags;
    for (const [key, label, title] of [
      ['boxes2d', '2D boxes', 'Each object’s 2D box (the projected 3D box, as the amodal label)'],
      ['boxes3d', '3D boxes', 'Each object’s 3D box'],
      ['trackIds', 'track ids', 'Track id and actor id on each box'],
      ['laneGraph', 'lane graph', 'Lane centre lines: forward cyan, oncoming orange, junction connectors white'],
    ] as [keyof typeof flags, string, string][]) {
      const box = h('input', { type: 'checkbox', checked: flags[key], 'data-overlay': key, title });
      box.addEventListener('change', () => {
        flags[key] = box.checked;
        this.viewport.invalidate();
      });
      toggles.append(h('label', { title }, box, label));
    }
    const effects = h('input', {
      type: 'checkbox',
      id: 'camera-effects',
      checked: true,
      title: 'Lens drops, sensor noise and glare of the ego camera in the ego view, as exports have them',
    });
    effects.addEventListener('change', () => {
      this.viewport.cameraEffects = effects.checked;
      this.viewport.invalidate();
    });
    toggles.append(h('label', { title: effects.title }, effects, 'lens'));
    const look = h(
      'select',
      { id: 'look', title: 'Preview quality: lit per vertex, no highlights, shadows or antialiasing. Export look: the materials and shadows of exports.' },
      h('option', { value: 'preview' }, 'preview quality'),
      h('option', { value: 'export' }, 'export look'),
    );
    look.addEventListener('change', () => this.viewport.setQuality(look.value === 'export' ? 'export' : 'preview'));
    const resolution = h(
      'select',
      {
        id: 'resolution',
        title: 'Rendered resolution of the preview. Auto: full (the export look on a software renderer, no GPU: half), lowered while moving when the frame rate drops below 18.',
      },
      ...[
        ['auto', 'auto res'],
        ['1', '100%'],
        ['0.75', '75%'],
        ['0.5', '50%'],
      ].map(([v, label]) => h('option', { value: v }, label)),
    );
    resolution.addEventListener('change', () => this.viewport.setResolution(resolution.value === 'auto' ? 'auto' : Number(resolution.value)));
    byId('sample-bar').append(
      field('seed', this.seed, this.seed.title),
      field('design', this.design, this.design.title),
      field('sample', this.index, this.index.title),
      next,
      this.sampleInfo,
      modes,
      reset,
      toggles,
      look,
      resolution,
      this.fpsLabel,
    );
  }

  async start(): Promise<void> {
    const { roots, defaultOutDir } = await this.api.roots({});
    this.root = roots.find((r) => r.purpose === 'scenarios') ?? null;
    this.exporter.setDefaults(defaultOutDir, 'random');
    await this.refreshFiles();
    await this.offerDrafts();
    await this.exporter.reattach();
  }

  private async refreshFiles(): Promise<FileEntry[]> {
    if (!this.root) return [];
    const { files } = await this.api.listFiles({ root: this.root.path });
    this.files.show(this.root, files);
    return files;
  }

  private get dirty(): boolean {
    return this.file !== null && this.editor.text !== this.file.savedText;
  }

  private displayName(f: FileEntry): string {
    const folder = this.root ? this.root.path.split(/[\\/]/).pop() : '';
    return folder ? `${folder}/${f.name}` : f.name;
  }

  private async openFile(f: FileEntry, text?: string): Promise<void> {
    if (this.dirty && !confirm(`${this.file!.displayName} has unsaved changes. Discard them?`)) return;
    if (this.file) await this.api.dropDraft({ path: this.file.path });
    let read: { text: string; mtimeMs: number };
    try {
      read = await this.api.readFile({ path: f.path });
    } catch (err) {
      this.status(`cannot open ${f.name}: ${(err as Error).message}`, true);
      return;
    }
    const eol = read.text.includes('\r\n') ? '\r\n' : '\n';
    const lf = read.text.replace(/\r\n/g, '\n');
    if (text !== undefined) text = text.replace(/\r\n/g, '\n');
    this.file = { path: f.path, displayName: this.displayName(f), savedText: lf, eol, mtimeMs: read.mtimeMs };
    read = { ...read, text: lf };
    this.overrides = {};
    this.perturb.reset();
    // A new file starts a new history of adjustments.
    this.past = [];
    this.future = [];
    this.changing = false;
    this.params.setHistory(false, false);
    this.index.value = '0';
    this.design.value = sweepDesignOf(read.text);
    this.exporter.setDefaults('', this.design.value as DesignName);
    this.editor.load(text ?? read.text);
    this.lastDraftText = text ?? read.text;
    byId('file-title').textContent = this.file.displayName;
    byId('file-title').title = this.file.path;
    this.markDirty();
    this.schedulePreview(0);
  }

  private async create(name: string): Promise<void> {
    if (!this.root) return;
    try {
      const { path } = await this.api.createFromTemplate({ dir: this.root.path, name });
      const files = await this.refreshFiles();
      const f = files.find((x) => x.path === path);
      if (f) await this.openFile(f);
      this.status(`created ${path}`);
    } catch (err) {
      this.status((err as Error).message, true);
    }
  }

  private async pickFolder(): Promise<void> {
    const { root } = await this.api.pickFolder({ purpose: 'scenarios' });
    if (!root) {
      this.status('this host cannot show a folder dialog: start `roadsynth studio DIR` with the folder to open', true);
      return;
    }
    this.root = root;
    await this.refreshFiles();
  }

  private async save(): Promise<void> {
    if (!this.file) return;
    const file = this.file;
    const text = this.editor.text;
    const onDisk = file.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text;
    const write = (force: boolean): Promise<{ mtimeMs: number }> =>
      this.api.writeFile({ path: file.path, text: onDisk, expectedMtimeMs: file.mtimeMs, ...(force ? { force } : {}) });
    try {
      let res: { mtimeMs: number };
      try {
        res = await write(false);
      } catch (err) {
        if ((err as { status?: number }).status !== 409) throw err;
        if (
          !confirm(
            `${file.displayName} was changed on disk since you opened it (another tab or program saved it).\n\nOK: overwrite it with your text. Cancel: keep the file on disk and do not save.`,
          )
        ) {
          this.status(`not saved: ${file.displayName} changed on disk; your text is still in the editor`, true);
          return;
        }
        res = await write(true);
      }
      file.savedText = text;
      file.mtimeMs = res.mtimeMs;
      this.markDirty();
      this.status(`saved ${file.displayName}`);
    } catch (err) {
      this.status(`not saved: ${(err as Error).message}`, true);
    }
  }

  private textChanged(text: string): void {
    this.markDirty();
    if (text !== this.lastDraftText) this.schedulePreview(TEXT_PREVIEW_DEBOUNCE_MS);
  }

  private markDirty(): void {
    const dirty = this.dirty;
    this.files.mark(this.file?.path ?? null, dirty);
    document.title = `${dirty ? '● ' : ''}${this.file?.displayName ?? 'roadsynth studio'} – roadsynth studio`;
    if (dirty !== this.reportedDirty) {
      this.reportedDirty = dirty;
      void this.api.setDirty({ dirty });
    }
  }

  /** Sends unsaved text to the host's recovery folder. */
  private async keepDraft(): Promise<void> {
    if (!this.file) return;
    const text = this.editor.text;
    if (text === this.lastDraftText) return;
    this.lastDraftText = text;
    try {
      if (text === this.file.savedText) await this.api.dropDraft({ path: this.file.path });
      else await this.api.saveDraft({ path: this.file.path, text });
      if (this.standingProblem !== null) {
        this.standingProblem = null;
        this.status('recovery draft kept');
      }
    } catch (err) {
      // The host refuses a draft over its quota (507, with count, size and folder): say so, the
      // unsaved text is then kept only in this page. The message stands until a draft is kept.
      this.lastDraftText = '';
      this.standingProblem = `no recovery draft kept: ${(err as Error).message}`;
      this.status(this.standingProblem, true);
    }
  }

  private async offerDrafts(): Promise<void> {
    const { drafts } = await this.api.drafts({});
    if (drafts.length === 0) return;
    const d = drafts[0];
    const banner = h('div', { class: 'banner', id: 'recovery' }, `Unsaved changes to ${d.path} from ${new Date(d.savedAtMs).toLocaleString()} were recovered. `);
    const restore = h('button', { class: 'primary', id: 'restore-draft', title: 'Open the file with the recovered text (not saved until you save)' }, 'Restore');
    const discard = h('button', { id: 'discard-draft', title: 'Throw the recovered text away' }, 'Discard');
    restore.addEventListener('click', () => {
      banner.remove();
      const name =
        this.root && d.path.startsWith(this.root.path)
          ? d.path
              .slice(this.root.path.length + 1)
              .split('\\')
              .join('/')
          : d.path;
      void this.openFile({ path: d.path, name, sizeBytes: 0, mtimeMs: 0 }, d.text);
    });
    discard.addEventListener('click', () => {
      banner.remove();
      void this.api.dropDraft({ path: d.path });
    });
    banner.append(restore, discard);
    document.body.prepend(banner);
  }

  private showProblems(errors: ScenarioError[], formatted: string[]): void {
    const list = byId('problems');
    list.replaceChildren(...errors.map((e, i) => h('li', { class: 'problem', onclick: () => this.editor.goToLine(e.line, e.col) }, formatted[i])));
    list.classList.toggle('empty', errors.length === 0);
  }

  private exportSource(): ReturnType<ExportSource['current']> {
    if (!this.file) return 'open a scenario first';
    return {
      text: this.editor.text,
      fileName: this.file.displayName,
      sourcePath: this.file.path,
      unsaved: this.dirty,
      seed: Math.max(0, Math.floor(Number(this.seed.value) || 0)),
      index: Math.max(0, Math.floor(Number(this.index.value) || 0)),
      overrides: this.overrides,
      perturbations: this.perturb.current,
    };
  }

  private schedulePreview(delayMs: number): void {
    clearTimeout(this.previewTimer);
    this.previewTimer = window.setTimeout(() => void this.preview(), delayMs);
  }

  /**
   * Re-samples and re-simulates in the host, then rebuilds the scene. A newer request does not
   * wait for an older one: the host cancels the older simulation, and only the latest answer
   * is shown.
   */
  private async preview(): Promise<void> {
    if (!this.file) return;
    const request = ++this.previewRequest;
    const t0 = performance.now();
    try {
      const res = await this.api.simulate({
        text: this.editor.text,
        fileName: this.file.displayName,
        seed: Math.max(0, Math.floor(Number(this.seed.value) || 0)),
        design: this.design.value as DesignName,
        index: Math.max(0, Math.floor(Number(this.index.value) || 0)),
        overrides: this.overrides,
        perturbations: this.perturb.current,
      });
      if (request !== this.previewRequest) return; // outdated: a newer preview is on its way
      if (!res.ok) {
        this.status(`preview not updated: ${res.formatted[0] ?? 'the scenario has errors'}`, true);
        byId('viewport').dataset.previewError = res.formatted[0] ?? 'error';
        return;
      }
      const trajectory = decodeTrajectory(base64Bytes(res.trajectoryBase64));
      this.viewport.load(replayOf({ instance: res.instance, seed: res.sample.seed, index: res.sample.index }, trajectory));
      this.timeline.setRun(trajectory.ticks, trajectory.dtS, timelineMarks(res.events, res.metrics), eventRows(res.events, res.metrics));
      this.params.show(res.parameters);
      this.perturb.show(res.instance);
      this.hasValidPreview = true;
      const s = res.sample;
      this.sampleInfo.textContent = `#${s.index} · ${s.hash.slice(0, 10)} · ${s.tries} ${s.tries === 1 ? 'try' : 'tries'}`;
      const vp = byId('viewport');
      vp.dataset.sampleHash = s.hash;
      vp.dataset.sampleIndex = String(s.index);
      vp.dataset.sampleParameters = JSON.stringify(s.parameters);
      delete vp.dataset.previewError;
      vp.dataset.previewSeq = String(++this.previewSeq);
      this.status(`preview: sample ${res.timingsMs.sample.toFixed(0)} ms, simulate ${res.timingsMs.simulate.toFixed(0)} ms, total ${(performance.now() - t0).toFixed(0)} ms`);
    } catch (err) {
      if (request === this.previewRequest) this.status(`preview failed: ${(err as Error).message}`, true);
    }
  }

  private status(message: string, error = false): void {
    const el = byId('status');
    const standing = this.standingProblem !== null && message !== this.standingProblem ? this.standingProblem : null;
    el.textContent = standing === null ? message : `${standing} · ${message}`;
    el.classList.toggle('error', error || standing !== null);
  }

  /** Measurement handle for the benchmark: frame times [ms] of n back-to-back preview frames. */
  timeFrames(n: number): number[] {
    return this.viewport.timeFrames(n);
  }

  /**
   * The ego camera view at the timeline's tick as the preview draws it, at an exact size, as a
   * base64 RGBA buffer (top row first). For the test comparing the preview with an export.
   */
  captureEgo(widthPx: number, heightPx: number): string {
    const px = this.viewport.captureEgo(widthPx, heightPx);
    let bin = '';
    for (let i = 0; i < px.length; i += 0x8000) bin += String.fromCharCode(...px.subarray(i, i + 0x8000));
    return btoa(bin);
  }

  /** Draw calls, triangles, lights and materials of the preview. For the benchmark. */
  sceneStats(): Record<string, number> {
    return this.viewport.sceneStats();
  }

  get previewReady(): boolean {
    return this.hasValidPreview;
  }
}
