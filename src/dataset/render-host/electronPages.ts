/**
 * Render pages in Electron instead of Chromium: a minimal main process opens `n` hidden windows
 * on the render page, and playwright-core drives them like browser pages.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';

const MAIN = `const { app, BrowserWindow } = require('electron');
app.commandLine.appendSwitch('enable-unsafe-swiftshader');
app.on('window-all-closed', () => {});
app.whenReady().then(() => {
  for (let i = 0; i < Number(process.env.ROADSYNTH_PAGES); i++) {
    const w = new BrowserWindow({ show: false, webPreferences: { backgroundThrottling: false } });
    w.loadURL(process.env.ROADSYNTH_PAGE_URL);
  }
});
`;

/**
 * @param executablePath Electron binary
 * @param args           Chromium switches
 * @param dir            writable folder for the generated main script
 */
export async function launchElectronPages(executablePath: string, args: string[], n: number, pageUrl: string, dir: string): Promise<{ app: ElectronApplication; pages: Page[] }> {
  const main = path.join(dir, 'electron-render-main.cjs');
  writeFileSync(main, MAIN);
  const app = await _electron.launch({
    executablePath,
    args: [main, ...args],
    env: { ...process.env, ROADSYNTH_PAGES: String(n), ROADSYNTH_PAGE_URL: pageUrl },
  });
  while (app.windows().length < n) await app.waitForEvent('window');
  const pages = app.windows().slice(0, n);
  await Promise.all(pages.map((p) => p.waitForLoadState('load')));
  return { app, pages };
}
