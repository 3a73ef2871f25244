/** Drives the studio page in Chromium: start `roadsynth studio` programmatically, open the page. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStudio, type RunningStudio } from '../../src/studio/server/startStudio.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, studioDirs, type StudioDirs } from './fixtures.js';

export interface StudioSession {
  studio: RunningStudio;
  browser: Browser;
  page: Page;
  dirs: StudioDirs;
  /** Uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function openStudio(catalogFiles: string[], viewport = { width: 1600, height: 900 }): Promise<StudioSession> {
  const dirs = studioDirs(catalogFiles);
  const studio = await startStudio({ dir: dirs.scenarios, outDir: dirs.out, recoveryFolder: dirs.recovery });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(studio.url);
  return {
    studio,
    browser,
    page,
    dirs,
    errors,
    async close() {
      await browser.close();
      await studio.close();
      dirs.remove();
    },
  };
}

/** Opens a file from the list and waits until its first preview is shown. */
export async function openScenario(page: Page, name: string): Promise<void> {
  const seq = Number((await page.getAttribute('#viewport', 'data-preview-seq')) ?? 0);
  await page.click(`#file-list button.file[data-name="${name}"]`);
  await waitForPreview(page, seq);
}

/** Waits for the preview after `seq` to be shown. */
export async function waitForPreview(page: Page, seq: number, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction((s) => Number(document.getElementById('viewport')?.dataset.previewSeq ?? 0) > s, seq, { timeout: timeoutMs });
  return Number(await page.getAttribute('#viewport', 'data-preview-seq'));
}
