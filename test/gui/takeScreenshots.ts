/**
 * Writes docs/screenshots/ from the real studio page in Chromium:
 *   studio-main.png    editor, parameters and the 3D preview with boxes
 *   studio-export.png  an export running (progress, frames per second, time left)
 * Run: npx tsx test/gui/takeScreenshots.ts
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../src/dataset/packageRoot.js';
import { openScenario, openStudio } from './studioPage.js';

const FILE = '07-cyclist-door-swerve.yaml';
const outDir = path.join(PACKAGE_ROOT, 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

const s = await openStudio([FILE, '01-pedestrian-behind-van.yaml', '03-lead-vehicle-emergency-brake.yaml'], { width: 1600, height: 900 });
try {
  await openScenario(s.page, FILE);
  await s.page.click('[data-mode="ego"]');
  // Full rendered resolution for the picture, whatever the machine's frame rate.
  await s.page.selectOption('#resolution', '1');
  // A moment where the cyclist is beside the opening door.
  const ticks = Number(await s.page.getAttribute('#scrub', 'max'));
  await s.page.locator('#scrub').evaluate(
    (el: HTMLInputElement, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input'));
    },
    Math.round(ticks * 0.45),
  );
  await s.page.waitForTimeout(1500);
  await s.page.screenshot({ path: path.join(outDir, 'studio-main.png') });

  await s.page.selectOption('#export-scope', 'sweep');
  await s.page.fill('#export-count', '20');
  await s.page.fill('#export-frames', '2');
  await s.page.selectOption('#export-resolution', '640x360');
  await s.page.click('#export-start');
  await s.page.waitForFunction(() => /^[2-9]\d* \/ \d+ frames/.test(document.getElementById('export-stats')?.textContent ?? ''), undefined, { timeout: 600_000 });
  await s.page.screenshot({ path: path.join(outDir, 'studio-export.png') });
  await s.page.click('#export-cancel');
  await s.page.waitForSelector('#export-stats[data-state]:not([data-state="running"])', { timeout: 600_000 });
  console.log(`wrote ${outDir}/studio-main.png and studio-export.png`);
} finally {
  await s.close();
}
