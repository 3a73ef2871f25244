/**
 * End to end: `roadsynth studio` started programmatically, its page driven in Chromium.
 * Everything is done the way a user does it (clicks, typing, keys) and checked on what the
 * page shows or what lands on disk.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { decode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/scenario/load.js';
import { formatScenarioError } from '../../src/scenario/errors.js';
import { openScenario, openStudio, waitForPreview, type StudioSession } from './studioPage.js';

const FILE = '03-lead-vehicle-emergency-brake.yaml';
let s: StudioSession;

/** Share of pixels whose largest channel difference exceeds `tolerance` (0..255). */
function changedShare(a: Buffer, b: Buffer, tolerance = 24): number {
  const pa = decode(a);
  const pb = decode(b);
  expect([pb.width, pb.height]).toEqual([pa.width, pa.height]);
  const n = pa.width * pa.height;
  const ca = pa.channels;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(Number(pa.data[i * ca + c]) - Number(pb.data[i * pb.channels + c])));
    if (d > tolerance) changed++;
  }
  return changed / n;
}

beforeAll(async () => {
  s = await openStudio([FILE, '07-cyclist-door-swerve.yaml']);
}, 300_000);

afterAll(async () => {
  await s?.close();
});

describe('roadsynth studio in Chromium', () => {
  it('opens a scenario from the file list into the editor and the preview', async () => {
    await s.page.waitForSelector(`#file-list button.file[data-name="${FILE}"]`);
    await openScenario(s.page, FILE);
    expect(await s.page.textContent('#file-title')).toBe(`scenarios/${FILE}`);
    expect(await s.page.textContent('.cm-content')).toContain('name: Lead vehicle emergency brake');
    expect(Number(await s.page.getAttribute('#viewport', 'data-boxes'))).toBeGreaterThan(0);
    expect(s.errors).toEqual([]);
  });

  it('shows the exact `roadsynth validate` message inline at the line of a typed error', async () => {
    const original = (await s.page.evaluate(() => document.querySelector('.cm-content')?.textContent)) ?? '';
    expect(original.length).toBeGreaterThan(0);
    await s.page.click('.cm-content');
    await s.page.keyboard.press('Control+Home');
    await s.page.keyboard.type('bogusKey: 1');
    await s.page.keyboard.press('Enter');
    const marked = s.page.locator('.cm-lintRange-error').first();
    await marked.waitFor({ timeout: 20_000 });
    expect(await marked.textContent()).toBe('bogusKey');
    // The message the CLI prints for the same text.
    const text = await s.page.evaluate(() => {
      const lines = [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent ?? '');
      return lines.join('\n');
    });
    const expected = checkScenario(text, `scenarios/${FILE}`).errors.map(formatScenarioError);
    expect(expected[0]).toMatch(/^scenarios\/03-lead-vehicle-emergency-brake\.yaml:1:1 \/bogusKey: /);
    expect(await s.page.locator('#problems li').allTextContents()).toEqual(expected);
    // Delete the typed line again: the errors go away.
    await s.page.keyboard.press('Control+Home');
    await s.page.keyboard.press('Shift+ArrowDown');
    await s.page.keyboard.press('Delete');
    await s.page.waitForSelector('#problems.empty', { state: 'attached', timeout: 20_000 });
    expect(await s.page.locator('.cm-lintRange-error').count()).toBe(0);
  });

  it('changes the preview when a parameter slider moves', async () => {
    expect(await s.page.locator('#problems li').count()).toBe(0);
    const canvas = s.page.locator('#viewport canvas.viewport-gl');
    const before = await canvas.screenshot();
    const slider = s.page.locator('[data-param="fogVisibilityM"] input[type=range]');
    const { value, min, max } = await slider.evaluate((el: HTMLInputElement) => ({ value: Number(el.value), min: Number(el.min), max: Number(el.max) }));
    const seq = Number(await s.page.getAttribute('#viewport', 'data-preview-seq'));
    await slider.focus();
    // Move to the far end from the sampled value: the largest change in fog.
    await s.page.keyboard.press(value - min > max - value ? 'Home' : 'End');
    const t0 = Date.now();
    await waitForPreview(s.page, seq);
    const updateMs = Date.now() - t0;
    await s.page.waitForTimeout(300);
    const after = await canvas.screenshot();
    expect(changedShare(before, after)).toBeGreaterThan(0.05);
    expect(await s.page.locator('[data-param="fogVisibilityM"]').getAttribute('class')).toContain('overridden');
    // Within a second on a quiet machine; the CI bound leaves room for a loaded one.
    expect(updateMs).toBeLessThan(10_000);
  });

  it('plays the timeline: the time label advances', async () => {
    const start = await s.page.textContent('#time');
    expect(start).toMatch(/^0\.00 s \//);
    await s.page.click('#play');
    await s.page.waitForFunction(() => !document.getElementById('time')?.textContent?.startsWith('0.00 s'), undefined, { timeout: 10_000 });
    await s.page.click('#play');
    const shown = Number.parseFloat((await s.page.textContent('#time')) ?? '0');
    expect(shown).toBeGreaterThan(0);
  });

  it('marks the simulation events on the timeline', async () => {
    const marks = await s.page.locator('#event-marks .mark').count();
    expect(marks).toBeGreaterThan(0);
  });

  it('refuses API calls without the token and paths outside the opened folder', async () => {
    const post = (name: string, body: unknown, token?: string): Promise<Response> =>
      fetch(`${s.studio.origin}/api/${name}`, { method: 'POST', headers: token ? { 'X-Roadsynth-Token': token } : {}, body: JSON.stringify(body) });
    expect((await post('roots', {})).status).toBe(403);
    expect((await post('roots', {}, s.studio.token)).status).toBe(200);
    const outside = await post('readFile', { path: path.join(s.dirs.base, '..', 'etc-passwd') }, s.studio.token);
    expect(outside.status).toBe(403);
  });

  it('exports 5 frames and finds them on disk and in the frame browser', async () => {
    await s.page.selectOption('#export-scope', 'sweep');
    await s.page.fill('#export-count', '5');
    await s.page.fill('#export-frames', '1');
    await s.page.selectOption('#export-resolution', '640x360');
    const outDir = await s.page.inputValue('#export-out');
    expect(outDir.startsWith(s.dirs.out)).toBe(true);
    await s.page.click('#export-start');
    await s.page.waitForSelector('#export-stats[data-state]:not([data-state="running"])', { timeout: 300_000 });
    expect(await s.page.getAttribute('#export-stats', 'data-state'), (await s.page.textContent('#export-stats')) ?? '').toBe('done');
    const images = readdirSync(path.join(outDir, 'images')).filter((n) => n.endsWith('.png'));
    const labels = readdirSync(path.join(outDir, 'kitti', 'training', 'label_2')).filter((n) => n.endsWith('.txt'));
    expect(images).toHaveLength(5);
    expect(labels).toHaveLength(5);
    expect(await s.page.locator('#frame-list .frame-item').count()).toBe(5);
    expect(await s.page.textContent('#frame-caption')).toMatch(/^\d{6}_\d{4}: \d+ boxes$/);
  }, 360_000);
});
