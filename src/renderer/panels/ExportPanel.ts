/**
 * The export panel: formats, count, frames, design, resolution and output folder; a progress
 * bar with frames per second and time left; cancel; open the output and the dataset report;
 * and a frame browser: the frames of the last export or of any dataset folder inside the
 * opened folders, with their boxes named by class, a count per class, and zoom.
 */
import { designSelect } from '../sweepDesign.js';
import { EXPORT_FORMAT_NAMES, type ExportProgress, type ExportRequest, type FrameView, type StudioApi } from '../../studio/api.js';
import type { DesignName } from '../../scenario/types.js';
import { field, h } from '../dom.js';
import { CLASS_COLOURS } from '../viewport/Overlays.js';

export interface ExportSource {
  /** The scenario to export now (text, file name, fixed parameters, seed), or a reason it cannot be. */
  current(): Omit<ExportRequest, 'outDir' | 'formats' | 'count' | 'frames' | 'design' | 'widthPx' | 'heightPx' | 'scope'> | string;
  status(message: string): void;
}

const RESOLUTIONS = ['640x360', '960x540', '1280x720', '1920x1080'];
const POLL_MS = 400;

export function formatEta(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '–';
  if (s < 60) return `${Math.ceil(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`;
}

export class ExportPanel {
  private readonly formats = new Map<string, HTMLInputElement>();
  private readonly scope = h(
    'select',
    {
      id: 'export-scope',
      title: 'This sample: the sample the preview shows, with its overrides and perturbations. The sweep: samples 0 to N-1 with the same overrides and perturbations.',
    },
    h('option', { value: 'sample' }, 'this sample (as shown)'),
    h('option', { value: 'sweep' }, 'the sweep'),
  );
  private readonly count = h('input', {
    id: 'export-count',
    type: 'number',
    min: 1,
    max: 100000,
    value: 5,
    'aria-label': 'samples',
    title: 'Samples of the sweep (0 to N-1)',
    disabled: true,
  });
  private readonly command = h('code', { id: 'export-command', class: 'command' }, '');
  private readonly frames = h('input', {
    id: 'export-frames',
    type: 'number',
    min: 1,
    max: 10000,
    value: 1,
    'aria-label': 'frames per sample',
    title: 'Frames per sample, spread around the focus moment',
  });
  private readonly design = designSelect('export-design', 'How the sweep picks its samples (the scenario file names its own)');
  private readonly resolution = h(
    'select',
    { id: 'export-resolution', title: 'Size of the exported images [px]' },
    ...RESOLUTIONS.map((r) => h('option', { value: r, selected: r === '640x360' }, r)),
  );
  private readonly outDir = h('input', {
    id: 'export-out',
    type: 'text',
    spellcheck: false,
    'aria-label': 'output folder',
    title: 'Folder the dataset is written to (inside the output folder the studio was started with)',
  });
  private readonly start = h('button', { id: 'export-start', class: 'primary', title: 'Render and label the frames, writing the dataset' }, 'Export');
  private readonly cancel = h('button', { id: 'export-cancel', disabled: true, title: 'Stop after the frames being rendered; what is written stays' }, 'Cancel');
  private readonly bar = h('progress', { id: 'export-progress', max: 1, value: 0, title: 'Frames written' });
  private readonly stats = h('div', { id: 'export-stats', class: 'muted' }, 'idle');
  private readonly openOut = h('button', { id: 'export-open', disabled: true, title: 'Open the output folder (desktop app)' }, 'Open output');
  private readonly openReport = h('button', { id: 'export-report', disabled: true, title: "Open the dataset's report (report.html) in a new tab" }, 'Open report');
  private readonly browseDir = h('input', {
    id: 'browse-dir',
    type: 'text',
    spellcheck: false,
    placeholder: 'a dataset folder',
    'aria-label': 'dataset folder to browse',
    title: 'A dataset folder written by an export or by `roadsynth run`, inside the opened folders',
  });
  private readonly browseShow = h('button', { id: 'browse-show', title: "Show that folder's frames" }, 'Show');
  private readonly frameList = h('div', { id: 'frame-list', class: 'frame-list' });
  private readonly zoomOut = h('button', { id: 'zoom-out', class: 'small', title: 'Zoom out (Shift+click on the frame)', disabled: true }, '−');
  private readonly zoomIn = h('button', { id: 'zoom-in', class: 'small', title: 'Zoom in (click on the frame)', disabled: true }, '+');
  private readonly zoomFit = h('button', { id: 'zoom-fit', class: 'small', title: 'Fit the frame to the panel', disabled: true }, 'fit');
  private readonly zoomLabel = h('span', { id: 'zoom-level', class: 'muted' }, '');
  private readonly frameCanvas = h('canvas', { id: 'frame-view', class: 'frame-view', width: 320, height: 180, hidden: true, title: 'Click to zoom in, Shift+click to zoom out' });
  private readonly frameZoom = h('div', { id: 'frame-zoom', class: 'frame-zoom' }, this.frameCanvas);
  private readonly frameCaption = h('div', { id: 'frame-caption', class: 'muted' }, '');
  private readonly frameClasses = h('div', { id: 'frame-classes', class: 'frame-classes' });
  private zoom = 1;
  private jobId: string | null = null;
  private reportPath: string | null = null;

  constructor(
    parent: HTMLElement,
    private readonly api: StudioApi,
    private readonly source: ExportSource,
  ) {
    const formatBoxes = h('div', { class: 'formats' });
    for (const f of EXPORT_FORMAT_NAMES) {
      const box = h('input', { type: 'checkbox', checked: f !== 'coco', 'data-format': f, title: `Write ${f.toUpperCase()} labels` });
      this.formats.set(f, box);
      formatBoxes.append(h('label', {}, box, f.toUpperCase()));
    }
    this.scope.addEventListener('change', () => (this.count.disabled = this.scope.value === 'sample'));
    this.start.addEventListener('click', () => void this.begin());
    this.cancel.addEventListener('click', () => void this.stop());
    this.openOut.addEventListener('click', () => void this.open(this.outDir.value));
    this.openReport.addEventListener('click', () => this.reportPath && void this.open(this.reportPath));
    const browse = (): void => {
      const dir = this.browseDir.value.trim();
      if (dir) void this.refreshFrames(dir, true);
    };
    this.browseShow.addEventListener('click', browse);
    this.browseDir.addEventListener('keydown', (e) => e.key === 'Enter' && browse());
    this.zoomIn.addEventListener('click', () => this.setZoom(this.zoom * 2));
    this.zoomOut.addEventListener('click', () => this.setZoom(this.zoom / 2));
    this.zoomFit.addEventListener('click', () => this.setZoom(1));
    this.frameCanvas.addEventListener('click', (e) => {
      const r = this.frameCanvas.getBoundingClientRect();
      const fx = (e.clientX - r.left) / r.width;
      const fy = (e.clientY - r.top) / r.height;
      this.setZoom(e.shiftKey ? this.zoom / 2 : this.zoom * 2, fx, fy);
    });
    parent.append(
      h('h3', {}, 'Export'),
      field('formats', formatBoxes),
      h('div', { class: 'row' }, field('export', this.scope), field('samples', this.count)),
      h('div', { class: 'row' }, field('frames each', this.frames)),
      h('div', { class: 'row' }, field('design', this.design), field('resolution', this.resolution)),
      field('output folder', this.outDir),
      h('div', { class: 'row' }, this.start, this.cancel),
      this.bar,
      this.stats,
      h('div', { class: 'row' }, this.openOut, this.openReport),
      this.command,
      h('h4', {}, 'Frames'),
      h('div', { class: 'row browse-row' }, this.browseDir, this.browseShow),
      this.frameList,
      h('div', { class: 'row zoom-row' }, this.zoomOut, this.zoomIn, this.zoomFit, this.zoomLabel),
      this.frameZoom,
      this.frameCaption,
      this.frameClasses,
    );
  }

  /** Reattaches to an export still running in the host (after a reload), or shows the last one. */
  async reattach(): Promise<void> {
    const { progress } = await this.api.exportCurrent({});
    if (!progress) return;
    this.outDir.value = progress.outDir;
    this.command.textContent = progress.command ?? '';
    if (progress.state === 'running') {
      this.jobId = progress.jobId;
      this.start.disabled = true;
      this.cancel.disabled = false;
      this.show(progress);
      this.poll();
    } else {
      this.show(progress);
      this.openOut.disabled = false;
      await this.refreshFrames(progress.outDir).catch(() => undefined);
    }
  }

  setDefaults(outDir: string, design: DesignName): void {
    if (!this.outDir.value) this.outDir.value = outDir;
    this.design.value = design;
  }

  private async begin(): Promise<void> {
    // The state names this export from the first moment: the last export's "done" must not
    // stand while this one starts.
    const refuse = (message: string): void => {
      this.stats.textContent = message;
      this.stats.dataset.state = 'failed';
    };
    const cur = this.source.current();
    if (typeof cur === 'string') return refuse(cur);
    const [widthPx, heightPx] = this.resolution.value.split('x').map(Number);
    const formats = EXPORT_FORMAT_NAMES.filter((f) => this.formats.get(f)!.checked);
    if (formats.length === 0) return refuse('pick at least one label format');
    this.stats.textContent = 'starting ...';
    this.stats.dataset.state = 'running';
    try {
      const { jobId, command } = await this.api.exportStart({
        ...cur,
        scope: this.scope.value === 'sweep' ? 'sweep' : 'sample',
        outDir: this.outDir.value.trim(),
        formats,
        count: Number(this.count.value),
        frames: Number(this.frames.value),
        design: this.design.value as DesignName,
        widthPx,
        heightPx,
      });
      this.jobId = jobId;
      this.command.textContent = command;
      this.start.disabled = true;
      this.cancel.disabled = false;
      this.stats.textContent = 'starting the renderer ...';
      this.poll();
    } catch (err) {
      refuse((err as Error).message);
    }
  }

  private poll(): void {
    const id = this.jobId;
    if (!id) return;
    this.api.exportProgress({ jobId: id }).then(
      (p) => {
        this.show(p);
        if (p.state === 'running') setTimeout(() => this.poll(), POLL_MS);
        else void this.finished(p);
      },
      (err: Error) => (this.stats.textContent = err.message),
    );
  }

  private show(p: ExportProgress): void {
    this.bar.max = Math.max(1, p.framesTotal);
    this.bar.value = p.framesDone;
    this.stats.textContent =
      p.state === 'running'
        ? `${p.framesDone} / ${p.framesTotal} frames · ${p.fps.toFixed(2)} fps · ETA ${formatEta(p.etaS)}`
        : p.state === 'failed'
          ? `failed: ${p.message ?? 'unknown error'}`
          : `${p.state}: ${p.framesDone} / ${p.framesTotal} frames · ${p.fps.toFixed(2)} fps`;
    this.stats.dataset.state = p.state;
  }

  private async finished(p: ExportProgress): Promise<void> {
    this.jobId = null;
    this.start.disabled = false;
    this.cancel.disabled = true;
    this.openOut.disabled = false;
    this.source.status(`export ${p.state}: ${p.framesDone} frames in ${p.outDir}`);
    await this.refreshFrames(p.outDir);
  }

  private async stop(): Promise<void> {
    if (!this.jobId) return;
    this.show(await this.api.exportCancel({ jobId: this.jobId }));
    this.stats.textContent += ' · cancelling after the frames in flight';
  }

  /**
   * Lists the frames of a dataset folder and shows the first. `browsing`: a folder the user
   * typed (errors go to the caption; the report button keeps the last export's report).
   */
  async refreshFrames(outDir: string, browsing = false): Promise<void> {
    let listed: Awaited<ReturnType<StudioApi['listFrames']>>;
    try {
      listed = await this.api.listFrames({ outDir });
    } catch (err) {
      if (!browsing) throw err;
      this.frameCaption.textContent = `cannot browse ${outDir}: ${(err as Error).message}`;
      this.frameCaption.dataset.error = 'true';
      return;
    }
    delete this.frameCaption.dataset.error;
    const { frames, reportPath } = listed;
    if (!browsing) {
      this.reportPath = reportPath;
      this.openReport.disabled = reportPath === null;
    }
    this.browseDir.value = outDir;
    this.frameList.dataset.dir = outDir;
    this.frameList.replaceChildren(
      ...frames.map((f) => h('button', { class: 'frame-item', 'data-frame': f.id, title: `Show ${f.id} with its boxes`, onclick: () => void this.showFrame(outDir, f.id) }, f.id)),
    );
    if (frames.length > 0) await this.showFrame(outDir, frames[0]!.id);
    else {
      this.frameCanvas.hidden = true;
      this.frameClasses.replaceChildren();
      this.frameCaption.textContent = `${outDir}: no complete frames`;
    }
  }

  private async showFrame(outDir: string, id: string): Promise<void> {
    const view = await this.api.readFrame({ outDir, id });
    this.frameCanvas.hidden = false;
    await drawFrame(this.frameCanvas, view);
    this.setZoom(this.zoom);
    for (const b of this.frameList.querySelectorAll('.frame-item')) b.classList.toggle('active', (b as HTMLElement).dataset.frame === id);
    const counts = new Map<string, number>();
    for (const b of view.boxes) counts.set(b.cls, (counts.get(b.cls) ?? 0) + 1);
    this.frameCaption.textContent = `${id}: ${view.boxes.length} boxes`;
    this.frameClasses.replaceChildren(
      ...[...counts].map(([cls, n]) =>
        h(
          'span',
          { class: 'class-chip', 'data-class': cls, title: `${n} ${cls} box${n === 1 ? '' : 'es'} in this frame`, style: `border-color: ${CLASS_COLOURS[cls] ?? '#ffffff'}` },
          `${cls} ${n}`,
        ),
      ),
    );
  }

  /** Zoom 1 (fit to the panel) to 8; `fx`, `fy`: the point of the frame to keep in view [0, 1]. */
  private setZoom(zoom: number, fx = 0.5, fy = 0.5): void {
    this.zoom = Math.max(1, Math.min(8, zoom));
    this.frameCanvas.style.width = `${this.zoom * 100}%`;
    this.frameCanvas.classList.toggle('zoomed', this.zoom > 1);
    this.frameZoom.dataset.zoom = String(this.zoom);
    this.zoomLabel.textContent = `${Math.round(this.zoom * 100)}%`;
    const shown = !this.frameCanvas.hidden;
    this.zoomIn.disabled = !shown || this.zoom >= 8;
    this.zoomOut.disabled = !shown || this.zoom <= 1;
    this.zoomFit.disabled = !shown || this.zoom === 1;
    const z = this.frameZoom;
    z.scrollLeft = fx * z.scrollWidth - z.clientWidth / 2;
    z.scrollTop = fy * z.scrollHeight - z.clientHeight / 2;
  }

  private async open(p: string): Promise<void> {
    try {
      const { url } = await this.api.openPath({ path: p });
      if (url) window.open(url, '_blank', 'noopener');
    } catch (err) {
      this.stats.textContent = (err as Error).message;
    }
  }
}

/** Draws an exported frame at its own size into the canvas, with its boxes named by class. */
async function drawFrame(canvas: HTMLCanvasElement, view: FrameView): Promise<void> {
  const bytes = Uint8Array.from(atob(view.pngBase64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const px = Math.max(10, Math.round(bitmap.width / 60));
  ctx.lineWidth = Math.max(1.5, bitmap.width / 400);
  ctx.font = `${px}px system-ui, sans-serif`;
  for (const b of view.boxes) {
    const colour = CLASS_COLOURS[b.cls] ?? '#ffffff';
    ctx.strokeStyle = colour;
    ctx.strokeRect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1);
    const w = ctx.measureText(b.cls).width + 6;
    const y = b.y1 >= px + 4 ? b.y1 - px - 4 : b.y1;
    ctx.fillStyle = 'rgba(0,0,0,0.65)';
    ctx.fillRect(b.x1, y, w, px + 4);
    ctx.fillStyle = colour;
    ctx.fillText(b.cls, b.x1 + 3, y + px);
  }
  bitmap.close();
}
