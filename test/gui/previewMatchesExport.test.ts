/**
 * The studio shows what it exports (issue 15): the same sample and tick drawn by the studio's
 * preview (preview quality, in Chromium through `roadsynth studio`) and written by an export of
 * "this sample" from the studio's export panel differ by at most 8/255 on average per RGB
 * channel, on the busiest daylight scenario (07) and the night scenario (14).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScenario, openStudio, type StudioSession } from './studioPage.js';

const W = 640;
const H = 360;
const CASES = ['07-cyclist-door-swerve.yaml', '14-wheelchair-crosswalk-rain-night.yaml'];
let s: StudioSession;

beforeAll(async () => {
  s = await openStudio(CASES);
}, 300_000);

afterAll(async () => {
  await s?.close();
});

/** Mean absolute difference per RGB channel [0..255] of an RGBA buffer and a decoded PNG. */
function meanDifference(rgba: Buffer, png: ReturnType<typeof decode>): number {
  expect([png.width, png.height]).toEqual([W, H]);
  let sum = 0;
  for (let i = 0; i < W * H; i++) {
    for (let c = 0; c < 3; c++) sum += Math.abs((rgba[i * 4 + c] as number) - (png.data[i * png.channels + c] as number));
  }
  return sum / (W * H * 3);
}

describe('preview versus export of the same sample and tick', () => {
  for (const file of CASES) {
    it(`${file.slice(0, 2)}: mean difference within 8/255 at preview quality`, async () => {
      const { page } = s;
      await openScenario(page, file);
      expect(await page.inputValue('#look')).toBe('preview');
      // Export this sample, one frame, as a user does it.
      const outDir = path.join(s.dirs.out, `match-${file.slice(0, 2)}`);
      await page.selectOption('#export-scope', 'sample');
      await page.fill('#export-frames', '1');
      await page.selectOption('#export-resolution', `${W}x${H}`);
      await page.fill('#export-out', outDir);
      await page.click('#export-start');
      await page.waitForSelector('#export-stats[data-state]:not([data-state="running"])', { timeout: 300_000 });
      expect(await page.getAttribute('#export-stats', 'data-state'), (await page.textContent('#export-stats')) ?? '').toBe('done');
      const record = JSON.parse(readFileSync(path.join(outDir, 'manifest.jsonl'), 'utf8').trim().split('\n')[0] as string) as {
        frameId: string;
        tick: number;
        sampleIndex: number;
      };
      expect(String(record.sampleIndex)).toBe(await page.getAttribute('#viewport', 'data-sample-index'));

      // The preview at the exported frame's tick (the timeline's own slider).
      await page.locator('#scrub').evaluate((el: HTMLInputElement, tick) => {
        el.value = String(tick);
        el.dispatchEvent(new Event('input'));
      }, record.tick);
      expect(await page.inputValue('#scrub')).toBe(String(record.tick));
      const preview = Buffer.from(
        await page.evaluate(([w, h]) => (window as unknown as { roadsynthStudio: { captureEgo(w: number, h: number): string } }).roadsynthStudio.captureEgo(w, h), [W, H] as const),
        'base64',
      );
      const exported = decode(readFileSync(path.join(outDir, 'images', `${record.frameId}.png`)));
      const diff = meanDifference(preview, exported);
      console.log(`${file}: sample ${record.sampleIndex}, tick ${record.tick}: preview vs export mean |RGB difference| = ${diff.toFixed(2)} / 255`);
      expect(diff).toBeLessThanOrEqual(8);
    }, 400_000);
  }
});
