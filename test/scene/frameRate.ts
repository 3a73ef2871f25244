/**
 * Times catalog scenarios at 1280x720 in headless Chromium, per quality, and can save frames.
 *   npx tsx test/scene/frameRate.ts [--repeats N] [--quality preview,export] [--png outDir]
 *                                   [--entry page.ts --builders a,b] [scenario.yaml ...]
 * --entry/--builders time other scene builders side by side (a page entry that calls
 * installFrameTimer with them). Not a test: a tool to measure.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SceneQuality } from '../../src/scene/types.js';
import { catalogScene } from './catalogScene.js';
import { FrameTimer } from './frameTimer.js';
import { takeOption } from './scriptArgs.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string): string => takeOption(args, name, fallback);
  const repeats = Number(opt('--repeats', '5'));
  const qualities = opt('--quality', 'preview,export').split(',') as SceneQuality[];
  const pngDir = opt('--png', '');
  const entry = opt('--entry', '');
  const builders = opt('--builders', 'current').split(',');
  const names = args.length ? args : readdirSync(fileURLToPath(new URL('../../scenarios/', import.meta.url))).filter((f) => /^\d\d-.*\.yaml$/.test(f));
  if (pngDir) mkdirSync(pngDir, { recursive: true });
  const timer = await FrameTimer.open(entry || undefined, [fileURLToPath(new URL('../../node_modules', import.meta.url))]);
  try {
    for (const name of names) {
      const payload = catalogScene(name);
      for (const quality of qualities) {
        for (const b of builders) {
          const t = await timer.measure(payload, quality, repeats, b);
          console.log(
            `${name} ${quality} ${b}: min ${t.minMs.toFixed(0)} ms (${(1000 / t.minMs).toFixed(1)} fps), median ${t.medianMs.toFixed(0)} ms, CPU ${t.cpuMs.toFixed(0)} ms/frame; build ${t.buildMs.toFixed(0)} ms, ${t.drawCalls} draws, ${t.triangles} tris, programs ${t.programsFirst}->${t.programsAfter}`,
          );
          if (pngDir)
            await timer.savePng(join(pngDir, `${name.replace(/\.yaml$/, '')}-${quality}-${b}.png`), payload.instance.ego.camera.widthPx, payload.instance.ego.camera.heightPx);
        }
      }
    }
  } finally {
    await timer.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
