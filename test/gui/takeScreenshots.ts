/**
 * Writes docs/screenshots/ from the real studio page in Chromium:
 *   studio-main.png            editor, parameters and the 3D preview with boxes (1600x900)
 *   studio-export.png          an export running (progress, frames per second, time left)
 *   studio-1280x720.png        the busiest scenario in the first orbit view, at 1280x720
 *   studio-1024x768.png        the night scenario 14 in the ego view, at 1024x768
 *   studio-1024x768-export.png the same window scrolled to the export panel and its frame browser
 * Each is taken once the view stands (the still frame, light per fragment).
 * Run: npx tsx test/gui/takeScreenshots.ts
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import { openScenario, openStudio } from './studioPage.js';

const FILE = '07-cyclist-door-swerve.yaml';
const NIGHT = '14-wheelchair-crosswalk-rain-night.yaml';
const outDir = path.join(PACKAGE_ROOT, 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

/** Waits until the viewport has drawn its still frame after the frames drawn so far. */
async function still(page: Page): Promise<void> {
  const n = Number((await page.getAttribute('#viewport', 'data-frame')) ?? 0);
  await page.waitForFunction(
    (after) => {
      const v = document.getElementById('viewport')!;
      return Number(v.dataset.frame ?? 0) > after && v.dataset.still === 'true';
    },
    n,
    { timeout: 120_000 },
  );
}

/** Puts the timeline at a share of the run. */
async function seek(page: Page, share: number): Promise<void> {
  const ticks = Number(await page.getAttribute('#scrub', 'max'));
  await page.locator('#scrub').evaluate(
    (el: HTMLInputElement, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input'));
    },
    Math.round(ticks * share),
  );
}

const s = await openStudio([FILE, NIGHT, '01-pedestrian-behind-van.yaml', '03-lead-vehicle-emergency-brake.yaml'], { width: 1600, height: 900 });
try {
  const { page } = s;
  await openScenario(page, FILE);
  await page.click('[data-mode="ego"]');
  // Full rendered resolution for the picture, whatever the machine's frame rate.
  await page.selectOption('#resolution', '1');
  // A moment where the cyclist is beside the opening door.
  await seek(page, 0.45);
  await still(page);
  await page.screenshot({ path: path.join(outDir, 'studio-main.png') });

  await page.selectOption('#export-scope', 'sweep');
  await page.fill('#export-count', '20');
  await page.fill('#export-frames', '2');
  await page.selectOption('#export-resolution', '640x360');
  await page.click('#export-start');
  await page.waitForFunction(() => /^[2-9]\d* \/ \d+ frames/.test(document.getElementById('export-stats')?.textContent ?? ''), undefined, { timeout: 600_000 });
  await page.screenshot({ path: path.join(outDir, 'studio-export.png') });
  await page.click('#export-cancel');
  await page.waitForSelector('#export-stats[data-state]:not([data-state="running"])', { timeout: 600_000 });

  // 1280x720: the first orbit view of the busiest scenario, as a fresh window shows it.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.click('[data-mode="orbit"]');
  await page.click('#reset-view');
  await still(page);
  await page.screenshot({ path: path.join(outDir, 'studio-1280x720.png') });

  // 1024x768: the night scenario through the ego camera, then the export panel below.
  await page.setViewportSize({ width: 1024, height: 768 });
  await openScenario(page, NIGHT);
  await page.click('[data-mode="ego"]');
  await seek(page, 0.5);
  await still(page);
  await page.screenshot({ path: path.join(outDir, 'studio-1024x768.png') });
  await page.locator('#export-pane').scrollIntoViewIfNeeded();
  await page.locator('#frame-list .frame-item').first().click();
  await page.click('#zoom-in');
  await page.locator('#frame-classes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(outDir, 'studio-1024x768-export.png') });
  console.log(`wrote ${outDir}/studio-main.png, studio-export.png, studio-1280x720.png, studio-1024x768.png and studio-1024x768-export.png`);
} finally {
  await s.close();
}
