import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../src/dataset/render-host/findBrowser.js';
import { renderPageBundle, writePrebuiltPage } from '../../src/dataset/render-host/pageBundle.js';

describe('browser discovery', () => {
  it('says how to install a browser when none is found', () => {
    expect(() => findBrowser(undefined, {}, [], () => null)).toThrow(BrowserNotFoundError);
    expect(() => findBrowser(undefined, {}, [], () => null)).toThrow(/apt-get install chromium/);
  });

  it('names the flag when an explicit browser path does not exist', () => {
    expect(() => findBrowser('/nowhere/chrome', {}, [], () => null)).toThrow(/--browser: no browser at \/nowhere\/chrome/);
  });

  it('takes ROADSYNTH_BROWSER before the install places', () => {
    const found = findBrowser(undefined, { ROADSYNTH_BROWSER: process.execPath }, ['/nowhere'], () => null);
    expect(found).toEqual({ executablePath: process.execPath, kind: 'chromium', source: 'ROADSYNTH_BROWSER' });
  });

  it('falls back to the Electron binary', () => {
    const found = findBrowser(undefined, {}, ['/nowhere'], () => '/opt/app/electron');
    expect(found.kind).toBe('electron');
  });
});

describe('render page bundle', () => {
  it('is built once and then served from the cache while sources are unchanged', async () => {
    const first = await renderPageBundle();
    const second = await renderPageBundle();
    expect(second.built).toBe(false);
    expect(second.scriptPath).toBe(first.scriptPath);
  });

  describe('where it cannot be built (a packaged app: sources in an asar archive)', () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'roadsynth-page-'));
    const failing = (async () => {
      throw new Error('Could not resolve "three"');
    }) as unknown as typeof build;
    afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

    it('uses the prebuilt page', async () => {
      const prebuilt = await writePrebuiltPage(path.join(cacheDir, 'prebuilt/render-page.js'));
      expect(readFileSync(prebuilt, 'utf8')).toContain('WebGLRenderer');
      const b = await renderPageBundle({ cacheDir, prebuilt, bundler: failing });
      expect(b).toEqual({ scriptPath: prebuilt, hash: 'prebuilt', built: false });
    });

    it('says how to make the prebuilt page when there is none', async () => {
      await expect(renderPageBundle({ cacheDir, prebuilt: path.join(cacheDir, 'none.js'), bundler: failing })).rejects.toThrow(/Could not resolve "three".*npm run build:page/);
    });
  });
});
