/**
 * Renders the scene fixture under named conditions in headless Chromium and saves PNGs.
 *   npx tsx test/scene/preview.ts [outDir] [condition ...] [--quality preview|export] [--repeats N] [--strip env,sky,...]
 * Not a test: a tool to look at frames (docs/frames/ holds chosen ones).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { PREVIEW_CONDITIONS } from './previewConditions.js';

const CHROMIUM_FLAGS = [
  '--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string): string => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const v = args[i + 1] ?? fallback;
    args.splice(i, 2);
    return v;
  };
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
  const script = bundle.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.log(`[page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
    await page.addScriptTag({ content: script });
    for (const name of names) {
      const tick = (PREVIEW_CONDITIONS[name] as { tick: number }).tick;
      const r = await page.evaluate(
        ([n, k, q, rep, st]) => (globalThis as unknown as { renderCondition: (n: string, k: number, q: string, r: number, s: string[]) => { png: string; buildMs: number; renderMs: number; firstRenderMs: number; drawCalls: number; triangles: number } }).renderCondition(n, k, q, rep, st),
        [name, tick, quality, repeats, strip] as [string, number, string, number, string[]],
      );
      const file = join(outDir, `${name}.png`);
      writeFileSync(file, Buffer.from(r.png.replace(/^data:image\/png;base64,/, ''), 'base64'));
      console.log(`${name}: build ${r.buildMs.toFixed(0)} ms, first render ${r.firstRenderMs.toFixed(0)} ms, render ${r.renderMs.toFixed(1)} ms, ${r.drawCalls} draw calls, ${r.triangles} triangles -> ${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
