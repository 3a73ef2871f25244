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
import type { PageFrameRequest, PageFrameResult, PageScene, PassName, PrimitiveScene, RenderPageApi } from '../render/request.js';
import { PASS_NAMES } from '../render/request.js';
import { DEFAULT_LABEL_OPTIONS, type LabelOptions } from '../render/labels/labelOptions.js';
import { encodeTrajectory } from '../sim/trajectoryFile.js';
import { launchElectronPages } from './render-host/electronPages.js';
import { findBrowser, type FoundBrowser } from './render-host/findBrowser.js';
import { renderPageBundle } from './render-host/pageBundle.js';
import { PageServer } from './render-host/pageServer.js';

/** A sampled scenario to replay: the page rebuilds road and scene and poses it per tick. */
export interface ScenarioScene {
  kind: 'scenario';
  /** Identity (e.g. the instance hash); frames with the same key reuse the loaded scene. */
  key: string;
  instance: ScenarioInstance;
  trajectory: Trajectory;
  seed: number;
  quality: SceneQuality;
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
}

/** A rendered frame plus where the page spent its time [ms]. */
export interface TimedFrame extends RenderedFrame {
  timingsMs: Record<string, number>;
}

export interface RenderHost {
  open(): Promise<void>;
  renderFrame(request: RenderRequest): Promise<TimedFrame>;
  close(): Promise<void>;
  /** Browser and rasterizer, e.g. "chromium 120.0.6099.224, SwiftShader ..." (after open); recorded with a dataset. */
  describe?(): Promise<string>;
}

export interface RenderHostOptions {
  /** Browser executable; default: ROADSYNTH_BROWSER, then the usual install places. */
  browser?: string;
  /** Pages rendering in parallel (default 1). */
  pages?: number;
  /** Extra browser flags. */
  browserArgs?: string[];
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];

interface Slot {
  page: Page;
  key: string | null;
  busy: boolean;
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

  constructor(private readonly options: RenderHostOptions = {}) {}

  /** The browser in use (after open). */
  get browserInfo(): FoundBrowser | null {
    return this.found;
  }

  async open(): Promise<void> {
    const found = findBrowser(this.options.browser);
    this.found = found;
    const bundle = await renderPageBundle();
    this.server = new PageServer(bundle.scriptPath);
    await this.server.start();
    const n = Math.max(1, Math.floor(this.options.pages ?? 1));
    const args = [...CHROMIUM_FLAGS, ...(this.options.browserArgs ?? [])];
    let pages: Page[];
    if (found.kind === 'electron') {
      const electron = await launchElectronPages(found.executablePath, args, n, this.server.pageUrl, path.dirname(bundle.scriptPath));
      this.electron = electron.app;
      pages = electron.pages;
    } else {
      // The run decides what a signal means (finish the frames in flight, then stop); playwright's
      // own handlers would close the browser under it and turn an interrupt into render failures.
      this.browser = await chromium.launch({ executablePath: found.executablePath, headless: true, args, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
      const context = await this.browser.newContext({ viewport: { width: 320, height: 240 } });
      pages = await Promise.all(Array.from({ length: n }, () => context.newPage()));
      await Promise.all(pages.map((p) => p.goto(this.server!.pageUrl)));
    }
    this.slots = pages.map((page) => {
      const slot: Slot = { page, key: null, busy: false, usedAt: 0, errors: [] };
      page.on('pageerror', (e) => slot.errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') slot.errors.push(m.text());
      });
      return slot;
    });
    await Promise.all(pages.map((p) => p.waitForFunction(() => typeof window.roadsynthPage === 'object')));
  }

  /** Takes a free page, preferring one that already holds the scene. */
  private async acquire(key: string): Promise<Slot> {
    for (;;) {
      const free = this.slots.filter((s) => !s.busy);
      if (free.length > 0) {
        const slot =
          free.find((s) => s.key === key) ??
          free.find((s) => s.key === null) ??
          free.reduce((a, b) => (a.usedAt <= b.usedAt ? a : b));
        slot.busy = true;
        slot.usedAt = ++this.clock;
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
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
      const ps: PageScene = { kind: 'scenario', key: scene.key, instance: scene.instance, seed: scene.seed, quality: scene.quality, trajectoryUrl };
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
    if (!this.server) throw new Error('render host: call open() before renderFrame()');
    const slot = await this.acquire(request.scene.key);
    try {
      await this.ensureLoaded(slot, request.scene);
      const req: PageFrameRequest = {
        frame: request.frame,
        tick: request.tick,
        passes: request.passes ?? [...PASS_NAMES],
        labels: { ...DEFAULT_LABEL_OPTIONS, ...request.labels },
      };
      const result: PageFrameResult = await this.call(slot, () => slot.page.evaluate((r) => window.roadsynthPage.render(r), req));
      // PNGs come back as base64 strings in the evaluate result: measured faster here than
      // POSTing them to the local server (about 250 vs 650 ms per 1280x720 frame with a 1 MB RGB PNG).
      const images = new Map(Object.entries(result.images).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]));
      return {
        labels: result.labels,
        rgb: images.get('rgb'),
        instance: images.get('instance'),
        semantic: images.get('semantic'),
        depth: images.get('depth'),
        timingsMs: result.timingsMs,
      };
    } finally {
      this.release(slot);
    }
  }

  async describe(): Promise<string> {
    const slot = this.slots[0];
    if (!slot) throw new Error('render host: call open() before describe()');
    const browser = this.browser ? `${this.found?.kind ?? 'chromium'} ${this.browser.version()}` : `electron ${await this.electron!.evaluate(() => process.versions.electron)}`;
    const gl = await slot.page.evaluate(() => {
      const c = document.createElement('canvas').getContext('webgl2');
      if (!c) return 'no WebGL2';
      const ext = c.getExtension('WEBGL_debug_renderer_info');
      return String(c.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : c.RENDERER));
    });
    return `${browser}, ${gl}`;
  }

  /**
   * Times the RGB pass alone (three.js render of the scene into the canvas, no post effects,
   * no readback) on one page, `repeats` times [ms each]. For benchmarks.
   */
  async timeRenderOnly(scene: SceneSource, tick: number, repeats: number): Promise<number[]> {
    const slot = await this.acquire(scene.key);
    try {
      await this.ensureLoaded(slot, scene);
      return await this.call(slot, () =>
        slot.page.evaluate(({ t, n }) => Array.from({ length: n }, () => window.roadsynthPage.renderOnly(t)), { t: tick, n: repeats }),
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

/** The default render host: playwright-core driving a local Chromium-family browser. */
export function createRenderHost(options: RenderHostOptions = {}): RenderHost & PlaywrightRenderHost {
  return new PlaywrightRenderHost(options);
}
