/**
 * Render hosts: who draws the frames. The pipeline talks to the RenderHost interface; this file
 * holds the playwright-core host (headless Chromium or Chrome, or Electron), which serves the
 * render page bundle from a local HTTP server and keeps a pool of pages rendering in parallel.
 * Only JSON requests go in; encoded PNGs and label JSON come back.
 */
import { chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ScenarioInstance } from '../scenario/types.js';
import type { SceneQuality } from '../scene/types.js';
import type { Trajectory } from '../sim/types.js';
import type { RenderedFrame } from '../render/types.js';
import type { Antialias, PageFrameRequest, PageFrameResult, PageScene, PassName, PrimitiveScene, RenderPageApi } from '../render/request.js';
import { PASS_NAMES } from '../render/request.js';
import { DEFAULT_LABEL_OPTIONS, type LabelOptions } from '../render/labels/labelOptions.js';
import { encodeTrajectory } from '../sim/trajectoryFile.js';
import { launchElectronPages } from './render-host/electronPages.js';
import { receiveImages } from './render-host/imageTransfer.js';
import { findBrowser, type FoundBrowser } from './render-host/findBrowser.js';
import { renderPageBundle } from './render-host/pageBundle.js';
import { PageServer } from './render-host/pageServer.js';
import {
  NoWebGLError,
  RASTERIZER_FLAGS,
  accepts,
  launchOrder,
  noWebGLMessage,
  rasterizerChoice,
  rasterizerOf,
  type RasterizerChoice,
  type RasterizerKind,
} from './render-host/rasterizer.js';

/** A sampled scenario to replay: the page rebuilds road and scene and poses it per tick. */
export interface ScenarioScene {
  kind: 'scenario';
  /** Identity (e.g. the instance hash); frames with the same key reuse the loaded scene. */
  key: string;
  instance: ScenarioInstance;
  trajectory: Trajectory;
  seed: number;
  quality: SceneQuality;
  /** Antialiasing of the RGB pass (default DEFAULT_ANTIALIAS, render/request.ts). */
  antialias?: Antialias;
}

export type SceneSource = ScenarioScene | PrimitiveScene;

export interface RenderRequest {
  scene: SceneSource;
  /** Frame number written into the labels. */
  frame: number;
  tick: number;
  /** Default: all passes. */
  passes?: PassName[];
  labels?: Partial<LabelOptions>;
  /** Time each step of the RGB pass apart (benchmarks; slightly slower). */
  profile?: boolean;
}

/** A rendered frame plus where the page spent its time [ms]. */
export interface TimedFrame extends RenderedFrame {
  timingsMs: Record<string, number>;
}

export interface RenderHost {
  open(): Promise<void>;
  renderFrame(request: RenderRequest): Promise<TimedFrame>;
  close(): Promise<void>;
  /** Frames of one scene worth requesting at once (default 1): the host overlaps their drawing, encoding and transfer. */
  readonly framesInFlight?: number;
  /** Browser and rasterizer, e.g. "chromium 120.0.6099.224, SwiftShader ..." (after open); recorded with a dataset. */
  describe?(): Promise<string>;
}

export interface RenderHostOptions {
  /** Browser executable; default: ROADSYNTH_BROWSER, then the usual install places. */
  browser?: string;
  /** Pages rendering in parallel (default 1). */
  pages?: number;
  /** Frames of one scene a page may have in flight at once (default 2: drawing overlaps encoding and transfer). */
  framesInFlightPerPage?: number;
  /** Extra browser flags. */
  browserArgs?: string[];
  /** Rasterizer; default: ROADSYNTH_RASTERIZER, then `auto` (a GPU, else llvmpipe, else SwiftShader). */
  rasterizer?: RasterizerChoice;
  /**
   * How PNGs travel from the page (default 'post'): 'post' has the page POST each frame's PNGs
   * as one body to the host's page server (render-host/pageServer.ts); 'base64' takes them as
   * strings in the page call's result (slower: the page's main thread serializes them).
   */
  imageTransfer?: 'post' | 'base64';
}

/** Flags every render browser gets; the rasterizer's own come from render-host/rasterizer.ts. */
export const BASE_FLAGS = [
  '--no-sandbox',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];

/** Flags for pages that need WebGL but not the render host's rasterizer choice (report screenshots, GUI tests): SwiftShader allowed as the fallback. */
export const CHROMIUM_FLAGS = [...BASE_FLAGS, '--enable-unsafe-swiftshader'];

interface Slot {
  page: Page;
  key: string | null;
  /** Frames being rendered on this page now (at most framesInFlightPerPage, all of the loaded scene). */
  inFlight: number;
  /** Last use, for picking which loaded scene to replace. */
  usedAt: number;
  errors: string[];
}

declare global {
  interface Window {
    roadsynthPage: RenderPageApi;
  }
}

export class PlaywrightRenderHost implements RenderHost {
  private browser: Browser | null = null;
  private electron: ElectronApplication | null = null;
  private server: PageServer | null = null;
  private slots: Slot[] = [];
  private waiting: (() => void)[] = [];
  private clock = 0;
  private found: FoundBrowser | null = null;
  private kind: RasterizerKind | null = null;
  private gl: string | null = null;

  constructor(private readonly options: RenderHostOptions = {}) {}

  get framesInFlight(): number {
    return Math.max(1, Math.floor(this.options.framesInFlightPerPage ?? 2));
  }

  /** The browser in use (after open). */
  get browserInfo(): FoundBrowser | null {
    return this.found;
  }

  /** Rasterizer in use (after open). */
  get rasterizer(): RasterizerKind | null {
    return this.kind;
  }

  /** How PNGs travel from the pages: POSTed to the page server, or as base64 in the page call's result. */
  get imageTransfer(): 'post' | 'base64' {
    return this.options.imageTransfer ?? 'post';
  }

  /** The WebGL renderer string of the pages (after open). */
  get glRenderer(): string | null {
    return this.gl;
  }

  async open(): Promise<void> {
    const found = findBrowser(this.options.browser);
    this.found = found;
    const choice = this.options.rasterizer ?? rasterizerChoice(undefined);
    const bundle = await renderPageBundle();
    this.server = new PageServer(bundle.scriptPath);
    await this.server.start();
    const n = Math.max(1, Math.floor(this.options.pages ?? 1));
    const seen: string[] = [];
    for (const tried of launchOrder(choice)) {
      const args = [...BASE_FLAGS, ...RASTERIZER_FLAGS[tried], ...(this.options.browserArgs ?? [])];
      const pages = await this.launch(found, args, n, path.dirname(bundle.scriptPath));
      // Checked before any frame: a browser without WebGL2 would otherwise fail every frame later.
      const gl = await glRendererOf(pages[0]!);
      const got = rasterizerOf(gl);
      seen.push(`${RASTERIZER_FLAGS[tried].join(' ') || 'default flags'}: ${gl ?? 'no WebGL2'}`);
      if (accepts(choice, tried, got)) {
        this.kind = got;
        this.gl = gl;
        this.slots = pages.map((page) => {
          const slot: Slot = { page, key: null, inFlight: 0, usedAt: 0, errors: [] };
          page.on('pageerror', (e) => slot.errors.push(e.message));
          page.on('console', (m) => {
            if (m.type() === 'error') slot.errors.push(m.text());
          });
          return slot;
        });
        await Promise.all(pages.map((p) => p.waitForFunction(() => typeof window.roadsynthPage === 'object')));
        return;
      }
      await this.browser?.close();
      await this.electron?.close();
      this.browser = null;
      this.electron = null;
    }
    await this.close();
    throw new NoWebGLError(noWebGLMessage(choice, seen));
  }

  private async launch(found: FoundBrowser, args: string[], n: number, dir: string): Promise<Page[]> {
    if (found.kind === 'electron') {
      const electron = await launchElectronPages(found.executablePath, args, n, this.server!.pageUrl, dir);
      this.electron = electron.app;
      return electron.pages;
    }
    // The run decides what a signal means (finish the frames in flight, then stop); playwright's
    // own handlers would close the browser under it and turn an interrupt into render failures.
    this.browser = await chromium.launch({ executablePath: found.executablePath, headless: true, args, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    const context = await this.browser.newContext({ viewport: { width: 320, height: 240 } });
    const pages = await Promise.all(Array.from({ length: n }, () => context.newPage()));
    await Promise.all(pages.map((p) => p.goto(this.server!.pageUrl)));
    return pages;
  }

  /**
   * Takes a page for a frame of scene `key`: a free one holding the scene, else one holding it
   * that has room for another frame in flight, else a free one (empty first, then the least
   * recently used). Two frames in flight on one page overlap: the page draws the next frame
   * while the previous one's PNGs compress, travel to Node and are written.
   */
  private async acquire(key: string): Promise<Slot> {
    const depth = this.framesInFlight;
    for (;;) {
      const free = this.slots.filter((s) => s.inFlight === 0);
      const slot =
        free.find((s) => s.key === key) ??
        this.slots.find((s) => s.key === key && s.inFlight < depth) ??
        free.find((s) => s.key === null) ??
        (free.length > 0 ? free.reduce((a, b) => (a.usedAt <= b.usedAt ? a : b)) : undefined);
      if (slot) {
        slot.inFlight++;
        slot.usedAt = ++this.clock;
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.inFlight--;
    // Every waiter looks again: a page with room for its scene may now be free.
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async ensureLoaded(slot: Slot, scene: SceneSource): Promise<void> {
    if (slot.key === scene.key) return;
    slot.key = null;
    if (scene.kind === 'primitives') {
      await this.call(slot, () => slot.page.evaluate((s) => window.roadsynthPage.load(s), scene));
    } else {
      // The page fetches the trajectory once while loading; serve it only that long.
      const blob = `${randomUUID()}.trajectory`;
      const trajectoryUrl = this.server!.putBlob(blob, encodeTrajectory(scene.trajectory));
      const ps: PageScene = {
        kind: 'scenario',
        key: scene.key,
        instance: scene.instance,
        seed: scene.seed,
        quality: scene.quality,
        ...(scene.antialias ? { antialias: scene.antialias } : {}),
        trajectoryUrl,
      };
      try {
        await this.call(slot, () => slot.page.evaluate((s) => window.roadsynthPage.load(s), ps));
      } finally {
        this.server!.removeBlob(blob);
      }
    }
    slot.key = scene.key;
  }

  /** Runs a page call; a failure carries the page's own error messages. */
  private async call<T>(slot: Slot, fn: () => Promise<T>): Promise<T> {
    slot.errors.length = 0;
    try {
      return await fn();
    } catch (err) {
      slot.key = null;
      const detail = slot.errors.length > 0 ? `\n  page said: ${slot.errors.join('\n  page said: ')}` : '';
      throw new Error(`render page failed: ${(err as Error).message}${detail}`, { cause: err });
    }
  }

  async renderFrame(request: RenderRequest): Promise<TimedFrame> {
    const server = this.server;
    if (!server) throw new Error('render host: call open() before renderFrame()');
    const slot = await this.acquire(request.scene.key);
    const upload = this.imageTransfer === 'post' ? server.expectUpload() : null;
    try {
      await this.ensureLoaded(slot, request.scene);
      const req: PageFrameRequest = {
        frame: request.frame,
        tick: request.tick,
        passes: request.passes ?? [...PASS_NAMES],
        labels: { ...DEFAULT_LABEL_OPTIONS, ...request.labels },
        ...(request.profile ? { profile: true } : {}),
        ...(upload ? { imagesTo: upload.url } : {}),
      };
      const t0 = performance.now();
      const result: PageFrameResult = await this.call(slot, () => slot.page.evaluate((r) => window.roadsynthPage.render(r), req));
      // The evaluate call's time beyond the page's own: the request's and the labels' trips (CDP, JSON).
      result.timingsMs['host.transfer'] = Math.max(0, performance.now() - t0 - (result.timingsMs['page.total'] ?? 0));
      const images = await this.call(slot, () => receiveImages(result.images, upload?.bytes ?? null));
      return {
        labels: result.labels,
        rgb: images.get('rgb'),
        instance: images.get('instance'),
        semantic: images.get('semantic'),
        depth: images.get('depth'),
        timingsMs: result.timingsMs,
      };
    } finally {
      if (upload) server.forgetUpload(upload);
      this.release(slot);
    }
  }

  async describe(): Promise<string> {
    const slot = this.slots[0];
    if (!slot) throw new Error('render host: call open() before describe()');
    const browser = this.browser ? `${this.found?.kind ?? 'chromium'} ${this.browser.version()}` : `electron ${await this.electron!.evaluate(() => process.versions.electron)}`;
    return `${browser}, ${this.gl ?? (await glRendererOf(slot.page)) ?? 'no WebGL2'}`;
  }

  /**
   * Times the RGB pass alone (the export look: scene, shadow maps, camera effects; no readback,
   * ids or encoding; `sceneOnly`: the plain scene draw) on one page, `repeats` times [ms each]. For benchmarks.
   */
  async timeRenderOnly(scene: SceneSource, tick: number, repeats: number, sceneOnly = false): Promise<number[]> {
    const slot = await this.acquire(scene.key);
    try {
      await this.ensureLoaded(slot, scene);
      return await this.call(slot, () =>
        slot.page.evaluate(({ t, n, so }) => Array.from({ length: n }, () => window.roadsynthPage.renderOnly(t, so)), { t: tick, n: repeats, so: sceneOnly }),
      );
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.electron?.close();
    await this.server?.close();
    this.browser = null;
    this.electron = null;
    this.server = null;
    this.slots = [];
  }
}

/** The page's WebGL2 renderer string (unmasked where the browser allows); null: no WebGL2. */
async function glRendererOf(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const c = document.createElement('canvas').getContext('webgl2');
    if (!c) return null;
    const ext = c.getExtension('WEBGL_debug_renderer_info');
    const r = String(c.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : c.RENDERER));
    c.getExtension('WEBGL_lose_context')?.loseContext();
    return r;
  });
}

/** The default render host: playwright-core driving a local Chromium-family browser. */
export function createRenderHost(options: RenderHostOptions = {}): RenderHost & PlaywrightRenderHost {
  return new PlaywrightRenderHost(options);
}
