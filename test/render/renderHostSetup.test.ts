import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../src/dataset/render-host/findBrowser.js';
import { renderPageBundle } from '../../src/dataset/render-host/pageBundle.js';

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
});
