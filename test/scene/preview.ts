/**
 * Renders the scene fixture under named conditions in headless Chromium and saves PNGs.
 *   npx tsx test/scene/preview.ts [outDir] [condition ...] [--quality preview|export]
 *                                 [--repeats N] [--strip shadows,antialias,sky,actors,...]
 * With --repeats it also times N more frames: wall time, and the CPU time the browser used
 * per frame (SwiftShader renders on the CPU, so on a busy machine CPU time / cores is the
 * better guess of the idle frame time). Not a test: a tool to look at frames.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { PreparedInfo } from './previewPage.js';
import { PREVIEW_CONDITIONS } from './previewConditions.js';
import { descendantCpuS } from './descendantCpu.js';
import { CHROMIUM_FLAGS } from './frameTimer.js';
import { takeOption } from './scriptArgs.js';

interface PreviewApi {
  prepare(name: string, quality: string, strip: string[]): PreparedInfo;
  renderRepeats(n: number): number;
  snapshot(): string;
}
type Api = { scenePreview: PreviewApi };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string): string => takeOption(args, name, fallback);
  const quality = opt('--quality', 'export');
  const repeats = Number(opt('--repeats', '0'));
  const strip = opt('--strip', '').split(',').filter(Boolean);
  const outDir = args[0] ?? 'out/scene-preview';
  const names = args.length > 1 ? args.slice(1) : Object.keys(PREVIEW_CONDITIONS);
  mkdirSync(outDir, { recursive: true });
  const bundle = await build({
    entryPoints: [new URL('./previewPage.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'warning',
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    for (const name of names) {
      const info = await page.evaluate(([n, q, s]) => (globalThis as unknown as Api).scenePreview.prepare(n, q, s), [name, quality, strip] as [string, string, string[]]);
      let timing = '';
      if (repeats > 0) {
        const cpu0 = descendantCpuS();
        const wallMs = await page.evaluate((n) => (globalThis as unknown as Api).scenePreview.renderRepeats(n), repeats);
        const cpuMs = ((descendantCpuS() - cpu0) * 1000) / repeats;
        timing = `, render ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU per frame`;
      }
      const png = await page.evaluate(() => (globalThis as unknown as Api).scenePreview.snapshot());
      const file = join(outDir, `${name}.png`);
      writeFileSync(file, Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64'));
      console.log(
        `${name} (${quality}): build ${info.buildMs.toFixed(0)} ms, first frame ${info.firstRenderMs.toFixed(0)} ms${timing}; ${info.drawCalls} draw calls, ${info.triangles} triangles, ${info.lights} lights -> ${file}`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
