/**
 * A PNG of a report page as Chromium draws it (for docs and for checking the page by eye).
 * The browser is the caller's choice: this layer does not look for one.
 */
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { writeFileAtomic } from '../export/atomicWrite.js';

export interface ScreenshotOptions {
  executablePath: string;
  /** Chromium flags (headless, sandbox, SwiftShader ...). */
  args: readonly string[];
  /** Page width [px]; the height is the whole page. */
  widthPx?: number;
}

export async function screenshotReport(htmlPath: string, pngPath: string, opts: ScreenshotOptions): Promise<{ widthPx: number; heightPx: number }> {
  const browser = await chromium.launch({ executablePath: opts.executablePath, headless: true, args: [...opts.args] });
  try {
    const page = await browser.newPage({ viewport: { width: opts.widthPx ?? 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 120_000 });
    // The page's last script marks the body once every figure is drawn.
    await page.waitForFunction(() => document.body.dataset.plotted !== undefined, undefined, { timeout: 120_000 });
    if (errors.length > 0) throw new Error(`the report page raised errors: ${errors.join('; ')}`);
    const png = await page.screenshot({ fullPage: true, type: 'png' });
    writeFileAtomic(pngPath, png);
    const size = await page.evaluate(() => ({ widthPx: document.documentElement.scrollWidth, heightPx: document.documentElement.scrollHeight }));
    return size;
  } finally {
    await browser.close();
  }
}
