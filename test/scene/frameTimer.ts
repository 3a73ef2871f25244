/**
 * Node side of the scene frame timer: opens headless Chromium (SwiftShader), bundles a page
 * entry (framePageEntry.ts by default) and times catalog scenes in-page. Times are the
 * minimum over repeats of setTick + render + a 1-pixel readback, measured with
 * performance.now() in the page: on a shared machine the minimum is the least disturbed frame.
 */
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { encode } from 'fast-png';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { SceneQuality } from '../../src/scene/types.js';
import type { CatalogScenePayload, FrameInfo } from './framePage.js';
import { descendantCpuS } from './descendantCpu.js';

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface FrameTiming extends FrameInfo {
  /** Fastest frame [ms] and the median [ms]. */
  minMs: number;
  medianMs: number;
  /** CPU time the browser used per timed frame [ms]: less disturbed by other processes than wall time. */
  cpuMs: number;
}

interface PageApi {
  prepare(builder: string, payload: CatalogScenePayload, quality: SceneQuality): FrameInfo;
  time(n: number): { ms: number[]; programs: number };
  pixels(): string;
  dispose(): void;
}
type Api = { sceneFrames: PageApi };

export class FrameTimer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  /** Opens Chromium with a bundle of `entry` (a page module calling installFrameTimer). */
  static async open(entry = new URL('./framePageEntry.ts', import.meta.url).pathname, nodePaths: string[] = []): Promise<FrameTimer> {
    const bundle = await build({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'warning', nodePaths });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    return new FrameTimer(browser, page);
  }

  /** Builds the scene with `builder`, draws a warm-up frame, then times `repeats` frames. */
  async measure(payload: CatalogScenePayload, quality: SceneQuality, repeats: number, builder = 'current'): Promise<FrameTiming> {
    const info = await this.page.evaluate(([b, p, q]) => (globalThis as unknown as Api).sceneFrames.prepare(b, p, q), [builder, payload, quality] as const);
    const cpu0 = descendantCpuS();
    const { ms, programs } = await this.page.evaluate((n) => (globalThis as unknown as Api).sceneFrames.time(n), repeats);
    const cpuMs = ((descendantCpuS() - cpu0) * 1000) / Math.max(1, repeats);
    const sorted = [...ms].sort((a, b) => a - b);
    return { ...info, programsAfter: programs, minMs: sorted[0] ?? NaN, medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, cpuMs };
  }

  /** RGBA pixels of the prepared scene's frame, bottom row first. */
  async pixels(): Promise<Buffer> {
    return Buffer.from(await this.page.evaluate(() => (globalThis as unknown as Api).sceneFrames.pixels()), 'base64');
  }

  /** A value the page entry left on globalThis. */
  async pageValue(name: string): Promise<unknown> {
    return this.page.evaluate((n) => (globalThis as unknown as Record<string, unknown>)[n], name);
  }

  /** Saves the prepared scene's frame as a PNG (RGB). */
  async savePng(file: string, widthPx: number, heightPx: number): Promise<void> {
    const rgba = await this.pixels();
    const rgb = new Uint8Array(widthPx * heightPx * 3);
    // WebGL rows come bottom first.
    for (let y = 0; y < heightPx; y++) {
      const src = (heightPx - 1 - y) * widthPx * 4;
      for (let x = 0; x < widthPx; x++) {
        const o = (y * widthPx + x) * 3;
        rgb[o] = rgba[src + 4 * x] ?? 0;
        rgb[o + 1] = rgba[src + 4 * x + 1] ?? 0;
        rgb[o + 2] = rgba[src + 4 * x + 2] ?? 0;
      }
    }
    writeFileSync(file, encode({ width: widthPx, height: heightPx, data: rgb, channels: 3 }));
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as Api).sceneFrames.dispose()).catch(() => undefined);
    await this.browser.close();
  }
}
